package dev.lookback.draw;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A verifiable draw of whole villages in every county, from a seed published beforehand. Everything
 * rests on SHA-256 tickets ({@link Tickets}), so a county can re-derive its draw with
 * {@code sha256sum} and a spreadsheet:
 * <ul>
 *   <li>{@link DrawMethod#SRS}: the n_h villages with the smallest tickets (string order); π = n_h/N_h.</li>
 *   <li>{@link DrawMethod#PPS}: sequential Poisson sampling on households (Ohlsson 1998):
 *       λ(v) = n_h·x_v/X_h; villages with λ ≥ 1 are taken with certainty (π = 1) and removed, n_h
 *       and X_h reduced, repeated until none is left; then the villages with the smallest
 *       ξ(v) = u(v)/x_v (ties: ticket); π = λ.</li>
 * </ul>
 * A larger allocation gives a larger sample that contains the smaller one, so a county whose result is
 * inconclusive is extended by drawing again with more villages.
 */
public final class Draw {
    private Draw() {
    }

    /** Draws every county of the frame by its allocation. */
    public static DrawResult draw(Frame frame, String seed, DrawMethod method, Allocation allocation) {
        Objects.requireNonNull(seed, "seed");
        if (allocation.maxPerTownship() > 0 && method != DrawMethod.SRS) {
            throw new IllegalArgumentException("at most k villages per township is a rule of the srs draw, not of "
                    + method.label());
        }
        if (allocation.maxPerTownship() > 0) { // before the parallel draw, so that the message stays plain
            for (String county : frame.counties()) {
                int n = Math.min(allocation.size(county), frame.villageCount(county));
                java.util.SortedMap<String, Integer> sizes = new java.util.TreeMap<>();
                for (Village v : frame.villages(county)) {
                    sizes.merge(townshipOf(v), 1, Integer::sum);
                }
                try {
                    Allocation.byTownship(sizes, n, allocation.maxPerTownship());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("county " + county + ": " + e.getMessage(), e);
                }
            }
        }
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("the seed must not be empty: publish it before the draw");
        }
        byte[] seedSlash = (seed + "/").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // counties are independent: drawn in parallel, kept in county order
        List<List<DrawnVillage>> byCounty = frame.counties().parallelStream().map(county -> {
            List<DrawnVillage> drawn = new ArrayList<>();
            int n = allocation.size(county);
            if (n > 0) {
                List<Village> villages = frame.villages(county);
                List<Ticketed> tickets = new ArrayList<>(villages.size());
                for (Village v : villages) {
                    byte[] digest = Tickets.digest(seedSlash, v.village());
                    tickets.add(new Ticketed(v, digest, Tickets.uniform(digest) / v.households()));
                }
                if (method == DrawMethod.SRS && allocation.maxPerTownship() > 0) {
                    byTownship(tickets, Math.min(n, villages.size()), allocation.maxPerTownship(), drawn);
                } else if (method == DrawMethod.SRS) {
                    srs(tickets, Math.min(n, villages.size()), drawn);
                } else {
                    pps(tickets, n, drawn);
                }
            }
            return drawn;
        }).collect(java.util.stream.Collectors.toList());
        List<DrawnVillage> all = new ArrayList<>();
        byCounty.forEach(all::addAll);
        return new DrawResult(seed, method, allocation, all);
    }

    /** A village with its ticket's bytes and ξ = u/x (infinite without households). */
    private record Ticketed(Village village, byte[] digest, double xi) {
        String ticket() {
            return Tickets.hexOf(digest);
        }
    }

    /** Ticket order: the digests' unsigned byte order, which is the hex strings' order. */
    private static final Comparator<Ticketed> BY_TICKET = (a, b) -> java.util.Arrays.compareUnsigned(a.digest, b.digest);

    private static void srs(List<Ticketed> tickets, int n, List<DrawnVillage> out) {
        tickets.sort(BY_TICKET);
        double pi = (double) n / tickets.size();
        for (int i = 0; i < n; i++) {
            Ticketed t = tickets.get(i);
            out.add(new DrawnVillage(t.village.county(), t.village.village(), t.village.households(), pi, t.ticket(), false));
        }
    }

    /** A village's township for the township rule: villages with a blank township form one township "". */
    private static String townshipOf(Village v) {
        return v.township() == null ? "" : v.township();
    }

    /** SRS within each township, the county's n shared by {@link Allocation#byTownship}; π = n_t/N_t. */
    private static void byTownship(List<Ticketed> tickets, int n, int k, List<DrawnVillage> out) {
        java.util.SortedMap<String, List<Ticketed>> groups = new java.util.TreeMap<>();
        for (Ticketed t : tickets) {
            groups.computeIfAbsent(townshipOf(t.village), g -> new ArrayList<>()).add(t);
        }
        java.util.SortedMap<String, Integer> sizes = new java.util.TreeMap<>();
        groups.forEach((t, list) -> sizes.put(t, list.size()));
        java.util.Map<String, Integer> shares = Allocation.byTownship(sizes, n, k); // checked before the draw
        List<Ticketed> drawn = new ArrayList<>();
        java.util.Map<Ticketed, Double> pi = new java.util.IdentityHashMap<>();
        groups.forEach((township, list) -> {
            int nt = shares.get(township);
            list.sort(BY_TICKET);
            for (int i = 0; i < nt; i++) {
                drawn.add(list.get(i));
                pi.put(list.get(i), (double) nt / list.size());
            }
        });
        drawn.sort(BY_TICKET); // the county's villages in ticket order, as in every draw
        for (Ticketed t : drawn) {
            out.add(new DrawnVillage(t.village.county(), t.village.village(), t.village.households(), pi.get(t),
                    t.ticket(), false));
        }
    }

    private static void pps(List<Ticketed> tickets, int n, List<DrawnVillage> out) {
        List<Ticketed> rest = new ArrayList<>();
        for (Ticketed t : tickets) {
            if (t.village.households() > 0) {
                rest.add(t);
            }
        }
        List<Ticketed> certain = new ArrayList<>();
        int target = Math.min(n, rest.size());
        while (target - certain.size() > 0) {
            int left = target - certain.size();
            double total = 0;
            for (Ticketed t : rest) {
                total += t.village.households();
            }
            List<Ticketed> next = new ArrayList<>();
            for (Ticketed t : rest) {
                if (left * t.village.households() / total >= 1) {
                    certain.add(t); // λ ≥ 1: taken with certainty
                } else {
                    next.add(t);
                }
            }
            if (next.size() == rest.size()) {
                break;
            }
            rest = next;
        }
        int left = target - certain.size();
        certain.sort(BY_TICKET);
        for (Ticketed t : certain) {
            out.add(new DrawnVillage(t.village.county(), t.village.village(), t.village.households(), 1.0, t.ticket(), true));
        }
        if (left <= 0) {
            return;
        }
        double total = 0;
        for (Ticketed t : rest) {
            total += t.village.households();
        }
        rest.sort(Comparator.comparingDouble(Ticketed::xi).thenComparing(BY_TICKET));
        for (int i = 0; i < left && i < rest.size(); i++) {
            Ticketed t = rest.get(i);
            double lambda = left * t.village.households() / total;
            out.add(new DrawnVillage(t.village.county(), t.village.village(), t.village.households(), lambda,
                    t.ticket(), false));
        }
    }

    /**
     * Re-derives a sample from the frame and the seed, with the sample's own villages per county,
     * and lists every difference: a village drawn but missing, a village present but not drawn, an
     * inclusion probability or a ticket that differs. Empty when the sample is the draw.
     *
     * @param sample  the sample's villages (π {@code NaN} when absent)
     * @param tickets the sample's tickets by village (may be empty)
     */
    public static List<String> verify(Frame frame, String seed, DrawMethod method, Sample sample,
            java.util.Map<String, String> tickets) {
        return verify(frame, seed, method, 0, sample, tickets);
    }

    /**
     * As {@link #verify(Frame, String, DrawMethod, Sample, java.util.Map)}, for a draw with at most
     * {@code maxPerTownship} villages of one township (0: no such rule).
     */
    public static List<String> verify(Frame frame, String seed, DrawMethod method, int maxPerTownship, Sample sample,
            java.util.Map<String, String> tickets) {
        java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (SampledVillage v : sample.villages()) {
            sizes.merge(v.county(), 1, Integer::sum);
        }
        Allocation allocation = Allocation.of(sizes);
        DrawResult expected = draw(frame, seed, method, maxPerTownship > 0 ? allocation.withMaxPerTownship(maxPerTownship)
                : allocation);
        List<String> differences = new ArrayList<>();
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (DrawnVillage d : expected.villages()) {
            drawn.add(d.village());
            SampledVillage s = sample.village(d.village());
            if (s == null) {
                differences.add(d.county() + ": village " + d.village() + " is drawn (ticket " + d.ticket()
                        + ") but not in the sample");
                continue;
            }
            double pi = s.inclusionProbability();
            if (!Double.isNaN(pi) && Math.abs(pi - d.inclusionProbability()) > 1e-9 * d.inclusionProbability()) {
                differences.add(d.county() + ": village " + d.village() + " has inclusion probability " + pi
                        + " in the sample, " + d.inclusionProbability() + " by the draw");
            }
            String t = tickets.get(d.village());
            if (t != null && !t.equalsIgnoreCase(d.ticket())) {
                differences.add(d.county() + ": village " + d.village() + " has ticket " + t + " in the sample, "
                        + d.ticket() + " by the seed");
            }
        }
        for (SampledVillage s : sample.villages()) {
            if (!drawn.contains(s.village())) {
                differences.add(s.county() + ": village " + s.village() + " is in the sample but not drawn (ticket "
                        + Tickets.ticket(seed, s.village()) + ")");
            }
        }
        return differences;
    }

    /**
     * What {@link #verify(Frame, Sample, java.util.Map, String, DrawMethod, int, Certificate)} found.
     *
     * @param method         the method the sample was re-derived with
     * @param maxPerTownship the cap per township it was re-derived with (0: none)
     * @param differences    every difference, empty when the sample is the draw
     */
    public record Verification(DrawMethod method, int maxPerTownship, List<String> differences) {
        public Verification {
            differences = List.copyOf(differences);
        }

        /** Whether the sample is exactly the draw. */
        public boolean ok() {
            return differences.isEmpty();
        }
    }

    /**
     * Checks a sample against its certificate and re-derives it from the seed: the method and the cap per
     * township are the certificate's unless given (a given one that differs from the certificate's is a
     * difference), the certificate's seed must be the seed, its villages per county the sample's, and every
     * certified village must be in the sample; then {@link #verify(Frame, String, DrawMethod, int, Sample,
     * java.util.Map)}.
     *
     * @param tickets        the sample's tickets by village (may be empty)
     * @param method         the method, or null for the certificate's (SRS without a certificate)
     * @param maxPerTownship the cap, or 0 for the certificate's (none without a certificate)
     * @param certificate    the draw's certificate, or null
     */
    public static Verification verify(Frame frame, Sample sample, java.util.Map<String, String> tickets, String seed,
            DrawMethod method, int maxPerTownship, Certificate certificate) {
        List<String> differences = new ArrayList<>();
        DrawMethod m = method;
        int cap = maxPerTownship;
        if (certificate != null) {
            if (m == null) {
                m = certificate.method();
            } else if (m != certificate.method()) {
                differences.add("the certificate says method " + certificate.method().label() + ", not " + m.label());
            }
            if (cap == 0) {
                cap = certificate.maxPerTownship();
            } else if (cap != certificate.maxPerTownship()) {
                differences.add("the certificate says at most " + certificate.maxPerTownship()
                        + " villages per township, not " + cap);
            }
            if (!certificate.seed().equals(seed)) {
                differences.add("the certificate's seed is \"" + certificate.seed() + "\", not \"" + seed + "\"");
            }
            java.util.Map<String, List<SampledVillage>> byCounty = sample.byCounty();
            certificate.villagesPerCounty().forEach((county, certified) -> {
                int found = byCounty.getOrDefault(county, List.of()).size();
                if (certified != found) {
                    differences.add(county + ": the certificate has " + certified + " villages, the sample " + found);
                }
            });
            for (Certificate.Village v : certificate.villages()) {
                if (sample.village(v.village()) == null) {
                    differences.add(v.county() + ": village " + v.village() + " is in the certificate but not in the"
                            + " sample");
                }
            }
        }
        m = m == null ? DrawMethod.SRS : m;
        differences.addAll(verify(frame, seed, m, cap, sample, tickets));
        return new Verification(m, cap, differences);
    }

    /** The sample of a draw, as the review reads it. */
    public static Sample sample(DrawResult result) {
        List<SampledVillage> list = new ArrayList<>();
        for (DrawnVillage v : result.villages()) {
            list.add(new SampledVillage(v.county(), v.village(), v.inclusionProbability()));
        }
        return Sample.of(list);
    }
}
