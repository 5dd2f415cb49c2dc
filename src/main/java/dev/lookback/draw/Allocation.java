package dev.lookback.draw;

import dev.lookback.frame.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many villages each county draws: the same number everywhere, or a city total shared in
 * proportion to the counties' village counts with a floor:
 * n_h = max(m, ⌊n·N_h/N⌋), then one more to the counties with the largest remainders
 * n·N_h/N − ⌊n·N_h/N⌋ (ties: county code) until the total is reached. No county gets more villages
 * than it has.
 */
public final class Allocation {
    private final Map<String, Integer> sizes;
    private final String description;
    /** At most this many villages of one township (同一乡镇不超过 k 个村); 0: no limit. */
    private final int maxPerTownship;

    private Allocation(Map<String, Integer> sizes, String description) {
        this(sizes, description, 0);
    }

    private Allocation(Map<String, Integer> sizes, String description, int maxPerTownship) {
        this.sizes = Map.copyOf(sizes);
        this.description = description;
        this.maxPerTownship = maxPerTownship;
    }

    /**
     * The same county sizes, drawn township by township with at most {@code k} villages of any one
     * township (同一乡镇不超过 k 个村): see {@link #byTownship}. SRS only.
     */
    public Allocation withMaxPerTownship(int k) {
        if (!(k >= 1)) {
            throw new IllegalArgumentException("the most villages per township must be at least 1, got " + k);
        }
        return new Allocation(sizes, description + ", at most " + k + " per township", k);
    }

    /** The most villages of one township, 0 when there is no such rule. */
    public int maxPerTownship() {
        return maxPerTownship;
    }

    /**
     * How a county's n villages are shared among its townships when no township may give more than k
     * (or more than it has, N_t), so that anyone can redo it by hand: among the townships still open
     * (at first all), the R villages not yet placed go by largest remainders of R·N_t/ΣN_open (ties:
     * township code); every open township given more than min(k, N_t) is fixed at that and closed, and
     * the rest is shared again among the open ones, until no quota exceeds its cap. Villages with a
     * blank township form one township "". In each township the n_t villages with the smallest tickets
     * are drawn, so π = n_t/N_t.
     *
     * @param townships N_t by township code
     * @return n_t by township code (every township, 0 where none is drawn)
     * @throws IllegalArgumentException when Σ min(k, N_t) &lt; n
     */
    public static Map<String, Integer> byTownship(java.util.SortedMap<String, Integer> townships, int n, int k) {
        int capacity = 0;
        for (int size : townships.values()) {
            capacity += Math.min(k, size);
        }
        if (capacity < n) {
            throw new IllegalArgumentException(n + " villages cannot be drawn with at most " + k + " per township from "
                    + townships.size() + " townships (at most " + capacity + ")");
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        List<String> open = new ArrayList<>(townships.keySet());
        for (String t : open) {
            result.put(t, 0);
        }
        int left = n;
        while (left > 0) {
            long openSize = 0;
            for (String t : open) {
                openSize += townships.get(t);
            }
            Map<String, Integer> quota = new LinkedHashMap<>();
            List<double[]> remainders = new ArrayList<>();
            int placed = 0;
            for (int i = 0; i < open.size(); i++) {
                double exact = (double) left * townships.get(open.get(i)) / openSize;
                int floor = (int) Math.floor(exact);
                quota.put(open.get(i), floor);
                placed += floor;
                remainders.add(new double[] {exact - floor, i});
            }
            remainders.sort(Comparator.<double[]>comparingDouble(r -> -r[0]).thenComparingDouble(r -> r[1]));
            for (int j = 0; placed < left; j++) {
                quota.merge(open.get((int) remainders.get(j)[1]), 1, Integer::sum);
                placed++;
            }
            List<String> over = new ArrayList<>();
            for (String t : open) {
                if (quota.get(t) > Math.min(k, townships.get(t))) {
                    over.add(t);
                }
            }
            if (over.isEmpty()) {
                quota.forEach(result::put);
                break;
            }
            for (String t : over) {
                int cap = Math.min(k, townships.get(t));
                result.put(t, cap);
                left -= cap;
                open.remove(t);
            }
        }
        return result;
    }

    /** {@code n} villages in every county (all of them where a county has fewer). */
    public static Allocation perCounty(Frame frame, int n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException("villages per county must be at least 1, got " + n);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String c : frame.counties()) {
            sizes.put(c, Math.min(n, frame.villageCount(c)));
        }
        return new Allocation(sizes, "per-county " + n);
    }

    /** A city total {@code n}, proportional to village counts, at least {@code min} per county. */
    public static Allocation proportional(Frame frame, int n, int min) {
        if (!(n >= 1 && min >= 0)) {
            throw new IllegalArgumentException("the total must be at least 1 and the minimum at least 0, got " + n
                    + " and " + min);
        }
        long total = frame.villages().size();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<String> counties = frame.counties();
        List<double[]> remainders = new ArrayList<>();
        int allocated = 0;
        for (int i = 0; i < counties.size(); i++) {
            String c = counties.get(i);
            int nh = frame.villageCount(c);
            double exact = (double) n * nh / total;
            int floor = (int) Math.floor(exact);
            int size = Math.min(nh, Math.max(min, floor));
            sizes.put(c, size);
            allocated += size;
            remainders.add(new double[] {exact - floor, i});
        }
        remainders.sort(Comparator.<double[]>comparingDouble(r -> -r[0]).thenComparingDouble(r -> r[1]));
        for (int k = 0; allocated < n && k < remainders.size(); k++) {
            String c = counties.get((int) remainders.get(k)[1]);
            if (sizes.get(c) < frame.villageCount(c)) {
                sizes.put(c, sizes.get(c) + 1);
                allocated++;
            }
        }
        return new Allocation(sizes, "total " + n + ", min-per-county " + min);
    }

    /** Given sizes (e.g. read back from a sample). */
    public static Allocation of(Map<String, Integer> sizes) {
        return new Allocation(sizes, "as given");
    }

    /** n_h of a county (0 if it draws none). */
    public int size(String county) {
        return sizes.getOrDefault(county, 0);
    }

    /** The villages drawn in all. */
    public int total() {
        return sizes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How the allocation was made, for the certificate. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Allocation (" + description + "): " + new java.util.TreeMap<>(sizes);
    }
}
