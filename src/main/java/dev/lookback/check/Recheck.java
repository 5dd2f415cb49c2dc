package dev.lookback.check;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.HOUSEHOLD;
import static dev.lookback.io.Columns.QUALIFIES;
import static dev.lookback.io.Columns.STATUS;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.Column;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The third-party re-check (第三方评估): a second, independent check of every household of a few spot-checked
 * villages, drawn from the public seed among the sampled ones, and how well the two checks agree — Cohen's κ on
 * the households' {@code qualifies} and on their derived verdicts (漏评, 错评, 错退, correct), per county and for
 * the city, with a jackknife interval over the re-checked villages (a verdict is shared within a household and
 * checkers work village by village, so villages, not households, are the independent units).
 *
 * <p>κ = (p_o − p_e)/(1 − p_e), p_o the share of households on which the checks agree, p_e = Σ_k p_k·q_k from the
 * two checks' margins (Cohen 1960). The jackknife: with g villages, κ_(i) computed without village i,
 * SE² = (g − 1)/g · Σ(κ_(i) − κ̄)², interval κ ± t_{1−α/2, g−1}·SE clipped to [−1, 1] (undefined for g &lt; 2).
 */
public final class Recheck {
    private Recheck() {
    }

    /** The re-check's columns: household, county, village, qualifies. */
    static final List<Column> COLUMNS = List.of(HOUSEHOLD, COUNTY, VILLAGE, QUALIFIES);

    /**
     * The re-check villages of a county: among its spot-checked villages, the {@code perCounty} with the smallest
     * tickets SHA-256(seed + "/recheck/" + village) — verifiable with {@code sha256sum} like the village draw.
     *
     * @return county → villages, in ticket order
     */
    public static Map<String, List<String>> draw(Sample sample, String seed, int perCounty) {
        Map<String, List<String>> out = new TreeMap<>();
        sample.byCounty().forEach((county, villages) -> out.put(county, villages.stream().map(SampledVillage::village)
                .sorted(Comparator.comparing(v -> ticket(seed, v))).limit(perCounty).toList()));
        return out;
    }

    /** A re-check ticket: lower-case hex SHA-256 of seed + "/recheck/" + village. */
    public static String ticket(String seed, String village) {
        return dev.lookback.draw.Tickets.ticket(seed, "recheck/" + village);
    }

    /**
     * A household both checks judged.
     *
     * @param household       the household
     * @param county          its county
     * @param village         its village
     * @param spotQualifies   the spot check's finding
     * @param recheckQualifies the re-check's
     * @param spotVerdict     the verdict the spot check gives (with the register's status)
     * @param recheckVerdict  the verdict the re-check gives
     */
    public record Household(String household, String county, String village, boolean spotQualifies,
            boolean recheckQualifies, Kind spotVerdict, Kind recheckVerdict) {
        /** Whether the two checks give the same verdict. */
        public boolean agrees() {
            return spotVerdict == recheckVerdict;
        }
    }

    /**
     * How well the checks agree in a county (or {@code ALL}).
     *
     * @param county      the county, or {@code ALL}
     * @param on          {@code qualifies} or {@code verdict}
     * @param households  households both checks judged
     * @param villages    their villages
     * @param agreements  households on which they agree
     * @param table       for {@code qualifies}: both yes, spot yes and re-check no, spot no and re-check yes, both no
     * @param kappa       Cohen's κ ({@code NaN} when p_e = 1)
     * @param lower       its interval's lower bound (jackknife over villages; {@code NaN} with one village)
     * @param upper       its upper bound
     */
    public record Agreement(String county, String on, int households, int villages, int agreements, int[] table,
            double kappa, double lower, double upper) {
    }

    /**
     * The re-check's result.
     *
     * @param households every household both checks judged, in file order
     * @param agreements per county and {@code ALL}, for {@code qualifies} then {@code verdict}
     */
    public record Result(List<Household> households, List<Agreement> agreements) {
        /** The households the checks judge differently: to resolve before an accusation rests on them. */
        public List<Household> disagreements() {
            return households.stream().filter(h -> !h.agrees()).toList();
        }

        /**
         * The (county, measure) pairs whose rates rest on a disputed verdict: a disagreement counts in a measure when
         * either check's verdict is an error of it (漏评, 错评 in identification; 错退 in exit).
         */
        public Set<String> disputed() {
            Set<String> out = new TreeSet<>();
            for (Household h : disagreements()) {
                for (Kind k : new Kind[] {h.spotVerdict(), h.recheckVerdict()}) {
                    if (k == Kind.MISSED || k == Kind.WRONGLY_INCLUDED) {
                        out.add(h.county() + "/" + Measure.IDENTIFICATION.label());
                    } else if (k == Kind.WRONGLY_EXITED) {
                        out.add(h.county() + "/" + Measure.EXIT.label());
                    }
                }
            }
            return out;
        }
    }

    /**
     * Compares the re-check with the spot check. A re-checked household the spot check never visited, or found in
     * another village, stops the reading with its place.
     */
    public static Result run(TabularSource recheck, TabularSource selfCheck, TabularSource spotCheck, Sample sample,
            double level) {
        return run(recheck, selfCheck, spotCheck, sample, level, java.util.Set.of(), false);
    }

    /**
     * As {@link #run(TabularSource, TabularSource, TabularSource, Sample, double)}, leaving out the households of
     * villages whose spot check and register do not match (the match gate's: their verdicts rest on nothing), and
     * looking register statuses up by normalised ids when the review matches ids so ({@link Ids#normalise}).
     */
    public static Result run(TabularSource recheck, TabularSource selfCheck, TabularSource spotCheck, Sample sample,
            double level, java.util.Set<String> withoutVillages, boolean normalisedIds) {
        java.util.function.UnaryOperator<String> key = normalisedIds ? Ids::normalise : id -> id;
        Map<String, String[]> spot = new HashMap<>(); // household → village, qualifies
        spotCheck.read(List.of(HOUSEHOLD, COUNTY, VILLAGE, QUALIFIES), row -> spot.put(row.requireText(HOUSEHOLD),
                new String[] {row.requireText(VILLAGE), Boolean.toString(row.bool(QUALIFIES))}));
        List<String[]> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        recheck.read(COLUMNS, row -> {
            String h = row.requireText(HOUSEHOLD);
            String[] s = spot.get(h);
            if (s == null) {
                throw row.error(HOUSEHOLD, h, "was never visited by the spot check: the re-check compares households"
                        + " both checks judged");
            }
            String village = row.requireText(VILLAGE);
            if (!village.equals(s[0])) {
                throw row.error(VILLAGE, village, "differs from the spot check's village " + s[0] + " for household " + h);
            }
            if (!sample.contains(village)) {
                throw row.error(VILLAGE, village, "is not a sampled village");
            }
            Long before = seen.putIfAbsent(h, row.line());
            if (before != null) {
                throw row.error(HOUSEHOLD, h, "is re-checked twice (first on line " + before + ")");
            }
            if (!withoutVillages.contains(village)) {
                rows.add(new String[] {h, row.requireText(COUNTY), village, s[1], Boolean.toString(row.bool(QUALIFIES))});
            }
        });
        java.util.Set<String> wanted = new java.util.HashSet<>();
        rows.forEach(r -> wanted.add(key.apply(r[0])));
        Map<String, Status> status = new HashMap<>();
        selfCheck.read(List.of(HOUSEHOLD, STATUS), row -> {
            String h = row.text(HOUSEHOLD);
            if (h != null && wanted.contains(key.apply(h))) {
                Status st = Status.parse(row.text(STATUS) == null ? "" : row.text(STATUS));
                if (st != null) {
                    status.putIfAbsent(key.apply(h), st);
                }
            }
        });
        List<Household> households = new ArrayList<>();
        for (String[] r : rows) {
            Status st = status.getOrDefault(key.apply(r[0]), Status.UNREGISTERED);
            boolean sq = Boolean.parseBoolean(r[3]);
            boolean rq = Boolean.parseBoolean(r[4]);
            households.add(new Household(r[0], r[1], r[2], sq, rq, Kind.of(st, sq), Kind.of(st, rq)));
        }
        List<Agreement> agreements = new ArrayList<>();
        Map<String, List<Household>> byCounty = new TreeMap<>();
        households.forEach(h -> byCounty.computeIfAbsent(h.county(), k -> new ArrayList<>()).add(h));
        byCounty.put("ALL", households);
        for (String on : new String[] {"qualifies", "verdict"}) {
            byCounty.forEach((county, list) -> agreements.add(agreement(county, on, list, level)));
        }
        return new Result(households, agreements);
    }

    /** The category of a household for {@code on}: qualifies as 0/1, a verdict as its ordinal. */
    private static int[] categories(List<Household> list, String on, boolean spot) {
        return list.stream().mapToInt(h -> on.equals("qualifies") ? ((spot ? h.spotQualifies() : h.recheckQualifies())
                ? 1 : 0) : (spot ? h.spotVerdict() : h.recheckVerdict()).ordinal()).toArray();
    }

    static Agreement agreement(String county, String on, List<Household> list, double level) {
        int[] a = categories(list, on, true);
        int[] b = categories(list, on, false);
        double kappa = kappa(a, b, null);
        Map<String, List<Integer>> byVillage = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            byVillage.computeIfAbsent(list.get(i).village(), k -> new ArrayList<>()).add(i);
        }
        int g = byVillage.size();
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (g >= 2 && !Double.isNaN(kappa)) {
            double[] jack = new double[g];
            int j = 0;
            for (List<Integer> out : byVillage.values()) {
                boolean[] drop = new boolean[list.size()];
                out.forEach(i -> drop[i] = true);
                jack[j++] = kappa(a, b, drop);
            }
            double mean = java.util.Arrays.stream(jack).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : jack) {
                ss += Double.isNaN(x) ? 0 : (x - mean) * (x - mean);
            }
            double se = Math.sqrt((g - 1.0) / g * ss);
            double t = TDistribution.of(g - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
            lower = Math.max(-1, kappa - t * se);
            upper = Math.min(1, kappa + t * se);
        }
        int agreeing = 0;
        int[] table = new int[4];
        for (int i = 0; i < a.length; i++) {
            agreeing += a[i] == b[i] ? 1 : 0;
        }
        if (on.equals("qualifies")) {
            for (Household h : list) {
                table[(h.spotQualifies() ? 0 : 2) + (h.recheckQualifies() ? 0 : 1)]++;
            }
        }
        return new Agreement(county, on, list.size(), g, agreeing, table, kappa, lower, upper);
    }

    /** Cohen's κ of two ratings over the units not dropped; {@code NaN} when the margins leave no room (p_e = 1). */
    static double kappa(int[] a, int[] b, boolean[] drop) {
        Map<Integer, double[]> margins = new HashMap<>();
        double n = 0;
        double agree = 0;
        for (int i = 0; i < a.length; i++) {
            if (drop != null && drop[i]) {
                continue;
            }
            n++;
            agree += a[i] == b[i] ? 1 : 0;
            margins.computeIfAbsent(a[i], k -> new double[2])[0]++;
            margins.computeIfAbsent(b[i], k -> new double[2])[1]++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double pe = 0;
        for (double[] m : margins.values()) {
            pe += (m[0] / n) * (m[1] / n);
        }
        return pe >= 1 - 1e-15 ? Double.NaN : (agree / n - pe) / (1 - pe);
    }
}
