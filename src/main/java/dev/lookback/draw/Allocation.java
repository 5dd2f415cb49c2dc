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

    private Allocation(Map<String, Integer> sizes, String description) {
        this.sizes = Map.copyOf(sizes);
        this.description = description;
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
