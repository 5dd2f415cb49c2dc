package dev.lookback.draw;

import dev.lookback.frame.Frame;
import dev.lookback.io.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A follow-up round: more villages for the counties whose decisions the last round could not settle, drawn as
 * the extension of the certified draw — the same seed, method and cap, each county's next villages in ticket
 * (or ξ) order — so the villages of every earlier round stay in and the combined sample of a county is still
 * a sample of the design (for SRS, the n_h + k_h villages with the smallest tickets: a simple random sample of
 * that size), and anyone re-derives it with {@code sha256sum} as the first. Its certificate is the next
 * round's, cites the previous certificate by SHA-256, and records the round of every village.
 *
 * @param previous       the certificate of the round before
 * @param previousSha256 that certificate file's SHA-256
 * @param draw           the extended draw: every village of every round
 * @param added          villages added per county (counties not extended are absent)
 * @param roundOf        the round each village was drawn in
 */
public record FollowUp(Certificate previous, String previousSha256, DrawResult draw, Map<String, Integer> added,
        Map<String, Integer> roundOf) {

    public FollowUp {
        added = Map.copyOf(added);
        roundOf = Map.copyOf(roundOf);
    }

    /** This round's number. */
    public int round() {
        return previous.round() + 1;
    }

    /**
     * Extends a certified draw by {@code additions} villages per county (capped at what each county has left).
     *
     * @throws IllegalArgumentException when the declared rounds are spent, a county is not in the frame, the
     *                                  frame is not the certificate's, or the certified villages are not this
     *                                  draw's (nothing is drawn then)
     */
    public static FollowUp extend(Frame frame, String frameSha256, Certificate previous, String previousSha256,
            Map<String, Integer> additions) {
        if (previous.round() >= previous.rounds()) {
            throw new IllegalArgumentException("the certificate declares " + previous.rounds() + " rounds and this is"
                    + " round " + previous.round() + ": no more rounds can be drawn (declare them in advance with"
                    + " lookback draw --rounds K) / 已达到事先声明的轮数");
        }
        if (!previous.frameSha256().equals(frameSha256)) {
            throw new IllegalArgumentException("the frame is not the one the certificate names: its SHA-256 is "
                    + frameSha256 + ", the certificate's " + previous.frameSha256() + " / 抽样框与证书不符");
        }
        Map<String, Integer> sizes = new TreeMap<>(previous.villagesPerCounty());
        Map<String, Integer> added = new TreeMap<>();
        for (Map.Entry<String, Integer> e : additions.entrySet()) {
            String county = e.getKey();
            if (!frame.counties().contains(county)) {
                throw new IllegalArgumentException("county " + county + " is not in the frame");
            }
            int before = sizes.getOrDefault(county, 0);
            int k = Math.min(e.getValue(), frame.villageCount(county) - before);
            if (k > 0) {
                sizes.put(county, before + k);
                added.put(county, k);
            }
        }
        Allocation allocation = Allocation.of(sizes);
        if (previous.maxPerTownship() > 0) {
            allocation = allocation.withMaxPerTownship(previous.maxPerTownship());
        }
        DrawResult draw = Draw.draw(frame, previous.seed(), previous.method(), allocation);
        Map<String, Integer> roundOf = new LinkedHashMap<>();
        for (Certificate.Village v : previous.villages()) {
            roundOf.put(v.village(), v.round());
        }
        for (DrawnVillage v : draw.villages()) {
            roundOf.putIfAbsent(v.village(), previous.round() + 1);
        }
        for (Certificate.Village v : previous.villages()) {
            if (draw.villages().stream().noneMatch(d -> d.village().equals(v.village()))) {
                throw new IllegalArgumentException("village " + v.village() + " of the certified draw is not in its"
                        + " extension: the certificate was not made by this draw (seed, method, cap), so it cannot"
                        + " be extended / 证书中的村不在扩展抽样中");
            }
        }
        return new FollowUp(previous, previousSha256, draw, added, roundOf);
    }

    /** The villages drawn in this round, by county, in draw order. */
    public Map<String, List<DrawnVillage>> newVillages() {
        Map<String, List<DrawnVillage>> out = new TreeMap<>();
        for (DrawnVillage v : draw.villages()) {
            if (roundOf.get(v.village()) == round()) {
                out.computeIfAbsent(v.county(), k -> new java.util.ArrayList<>()).add(v);
            }
        }
        return out;
    }

    /**
     * Writes the round's sample ({@code county, village, households, inclusion_probability, ticket, round}: every
     * village of every round, π for the combined sample), its certificate, and {@code visits.csv} (the villages
     * to visit in this round: {@code county, village, households, ticket}).
     */
    public void write(Path sample, Path certificate, Path visits, String frameName, String frameSha256,
            String libraryVersion) throws IOException {
        try (CsvWriter w = CsvWriter.create(sample)) {
            w.row("county", "village", "households", "inclusion_probability", "ticket", "round");
            for (DrawnVillage v : draw.villages()) {
                w.row(v.county(), v.village(), v.households(), v.inclusionProbability(), v.ticket(), roundOf.get(v.village()));
            }
        }
        Certificate.of(draw, frameName, frameSha256, libraryVersion, previous.rounds(), round(), previousSha256, roundOf)
                .write(certificate);
        try (CsvWriter w = CsvWriter.create(visits)) {
            w.row("county", "village", "households", "ticket");
            for (List<DrawnVillage> list : newVillages().values()) {
                for (DrawnVillage v : list) {
                    w.row(v.county(), v.village(), v.households(), v.ticket());
                }
            }
        }
    }

    /**
     * A decision the last round left unsettled: fragile (the interval spans the line) or without data.
     *
     * @param county           the county
     * @param measure          the measure's code, e.g. {@code exit}
     * @param noData           whether there was nothing to decide on ({@code NO_DATA})
     * @param couldChange      whether more villages could change who is reached ({@link #couldChange})
     * @param villagesToSettle the extra villages for an 80% chance to settle it (−1: unknown)
     * @param estimate         the estimate ({@code NaN} without data)
     * @param lower            the interval's lower bound
     * @param upper            its upper bound
     * @param threshold        the line
     */
    public record Unsettled(String county, String measure, boolean noData, boolean couldChange, int villagesToSettle,
            double estimate, double lower, double upper, double threshold, boolean triggered, boolean aboveLine) {

        /** An unsettled decision whose outcome and side of the line are not known (neither triggered nor above it). */
        public Unsettled(String county, String measure, boolean noData, boolean couldChange, int villagesToSettle,
                double estimate, double lower, double upper, double threshold) {
            this(county, measure, noData, couldChange, villagesToSettle, estimate, lower, upper, threshold, false,
                    false);
        }

        /**
         * What is at stake, first to settle first: 0 triggered but fragile (a leader reached on evidence that more
         * villages may overturn), 1 above the line but not proven, 2 the rest (no data).
         */
        public int stake() {
            return triggered ? 0 : aboveLine ? 1 : 2;
        }

        /**
         * Whether a round should give it villages: more villages could change it, and it needs some (0: the next
         * round's level settles it on the villages it has) or has no data.
         */
        public boolean asksForVillages() {
            return couldChange && (villagesToSettle != 0 || noData);
        }

        /** The villages it needs: its villages to settle, or (without data or that number) as many as its county has. */
        public int needs(Map<String, Integer> sampled) {
            return villagesToSettle > 0 ? villagesToSettle : Math.max(1, sampled.getOrDefault(county, 1));
        }

        /** Whether a decision is one a follow-up should settle: sampled (not the fund census), fragile or without data. */
        public static boolean applies(dev.lookback.vocabulary.Rule rule, boolean fragile, boolean noData) {
            return rule != dev.lookback.vocabulary.Rule.FUNDS && (fragile || noData);
        }

        /**
         * Whether more villages could change the accountability outcome: a triggered decision that is fragile (more
         * villages may clear it), one whose estimate is over the line but not proven (more villages may prove it),
         * or one without data. A fragile decision below the line that is not triggered stays so under every policy
         * whose trigger reads the interval's far side (confident, family-wise) or the estimate (point), whatever
         * its interval does: more villages would narrow it, not change who is reached.
         */
        public static boolean couldChange(boolean triggered, boolean fragile, boolean aboveLineNotProven, boolean noData) {
            return noData || (triggered && fragile) || aboveLineNotProven;
        }
    }

    /**
     * The villages to add per county: for each county with an unsettled decision that more villages could change
     * ({@link Unsettled#couldChange}: triggered but fragile, over the line but not proven, or without data), the
     * largest number those decisions need for an 80% chance to settle (none when the next round's level settles it
     * on the villages it has: 0); a decision without data (or without that number, −1) asks for as many villages
     * again as the county has, since its domain was absent from them. Capped at
     * what the county has left by {@link #extend}. Counties whose unsettled decisions cannot change who is reached
     * get none: extending every fragile county (the former rule) took one audited city from 160 to 2,622 villages,
     * and in the README's simulation spent about twice the villages of this rule.
     *
     * @param sampled the villages each county has so far
     */
    public static Map<String, Integer> additions(List<Unsettled> unsettled, Map<String, Integer> sampled) {
        Map<String, Integer> out = new TreeMap<>();
        for (Unsettled u : unsettled) {
            if (u.asksForVillages()) {
                out.merge(u.county(), u.needs(sampled), Math::max);
            }
        }
        return out;
    }

    /**
     * A decision of a budgeted round: the villages its county gets and the chance they settle it.
     *
     * @param decision the unsettled decision
     * @param needs    the villages it needs for an 80% chance to settle (as many as the county has, without data)
     * @param added    the villages its county gets this round (shared by the county's decisions)
     * @param chance   the chance to settle it: 0.8 when funded as needed, NaN when funded but capped below the need
     *                 (less than 80%), 0 when not funded
     */
    public record Funded(Unsettled decision, int needs, int added, double chance) {
        /** Whether the round gives it villages. */
        public boolean funded() {
            return added > 0 && chance != 0;
        }
    }

    /**
     * A round within a budget: the villages per county and what they buy.
     *
     * @param budget    the villages asked for (Integer.MAX_VALUE: no budget)
     * @param added     villages per county, summing to at most the budget
     * @param decisions every decision more villages could change, in county order, funded or not
     */
    public record Budgeted(int budget, Map<String, Integer> added, List<Funded> decisions) {
        public Budgeted {
            added = java.util.Collections.unmodifiableMap(new TreeMap<>(added));
            decisions = List.copyOf(decisions);
        }

        /** The villages added in all. */
        public int total() {
            return added.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The decisions expected to settle: the sum of their chances (a capped one counted at none). */
        public double expectedSettled() {
            return decisions.stream().mapToDouble(f -> Double.isNaN(f.chance()) ? 0 : f.chance()).sum();
        }

        /** The decisions given villages but capped below their need (a census would be needed for their 80%). */
        public List<Funded> capped() {
            return decisions.stream().filter(f -> f.funded() && Double.isNaN(f.chance())).toList();
        }

        /** The decisions this round gives no villages. */
        public List<Funded> unfunded() {
            return decisions.stream().filter(f -> !f.funded()).toList();
        }
    }

    /** The chance to settle a decision that its villages to settle are sized for: 80%. */
    public static final double SETTLE_CHANCE = 0.8;

    /**
     * Villages for a follow-up round within a budget, by what is at stake: the decisions more villages could change
     * ({@link Unsettled#couldChange}) in the order triggered but fragile, above the line but not proven, then the
     * rest, and within each by the villages each needs (fewest first: the most chance of settling per village), each
     * funded with what it needs when the budget still holds it (a county's villages serve all its decisions, so a
     * second decision of a county costs only what it needs beyond the first). A county never becomes a census (every
     * village of the frame sampled) unless {@code allowCensus}: a decision that would need one is funded up to one
     * village short of it, with less than its 80% chance.
     *
     * @param sampled  villages each county has so far
     * @param inFrame  villages each county has in the frame
     * @param budget   villages this round, across counties (Integer.MAX_VALUE: as many as the decisions need)
     */
    public static Budgeted allocate(List<Unsettled> unsettled, Map<String, Integer> sampled,
            Map<String, Integer> inFrame, int budget, boolean allowCensus) {
        if (budget < 0) {
            throw new IllegalArgumentException("a budget of villages is 0 or more, got " + budget);
        }
        List<Unsettled> candidates = new java.util.ArrayList<>(unsettled.stream().filter(Unsettled::asksForVillages)
                .toList());
        List<Unsettled> order = new java.util.ArrayList<>(candidates);
        order.sort(java.util.Comparator.comparingInt(Unsettled::stake).thenComparingInt((Unsettled u) -> u.needs(sampled))
                .thenComparing(Unsettled::county).thenComparing(Unsettled::measure));
        Map<String, Integer> added = new TreeMap<>();
        Map<Unsettled, Double> chance = new java.util.HashMap<>();
        long left = budget;
        for (Unsettled u : order) {
            int room = Math.max(0, inFrame.getOrDefault(u.county(), 0) - sampled.getOrDefault(u.county(), 0)
                    - (allowCensus ? 0 : 1));
            int need = u.needs(sampled);
            int target = Math.min(need, room);
            int have = added.getOrDefault(u.county(), 0);
            int extra = Math.max(0, target - have);
            if (target == 0 || extra > left) {
                continue; // no room in the county, or beyond the budget: left unsettled
            }
            left -= extra;
            if (extra > 0) {
                added.put(u.county(), have + extra);
            }
            chance.put(u, need <= room ? SETTLE_CHANCE : Double.NaN);
        }
        List<Funded> out = new java.util.ArrayList<>();
        candidates.sort(java.util.Comparator.comparing(Unsettled::county).thenComparingInt(Unsettled::stake)
                .thenComparing(Unsettled::measure));
        for (Unsettled u : candidates) {
            Double c = chance.get(u);
            out.add(new Funded(u, u.needs(sampled), c == null ? 0 : added.getOrDefault(u.county(), 0),
                    c == null ? 0 : c));
        }
        return new Budgeted(budget, added, out);
    }
}
