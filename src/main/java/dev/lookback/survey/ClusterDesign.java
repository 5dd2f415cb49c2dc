package dev.lookback.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stratified single-stage cluster sample: strata h with N_h clusters in the population, of which
 * n_h were sampled, each with inclusion probability π_hi, and every element of a sampled cluster
 * observed.
 *
 * <p>Weights are w_hi = 1/π_hi. A stratum whose clusters all have π = n_h/N_h (to 1e-9) is a simple
 * random sample without replacement and gets the finite population correction f_h = n_h/N_h, with
 * weights N_h/n_h exactly; any other stratum is treated as sampled with replacement (f_h = 0), the
 * usual approximation for unequal-probability designs (Särndal, Swensson and Wretman 1992, §2.9).
 * A stratum with n_h = N_h is a census: f_h = 1.
 *
 * <p>The design is immutable; observations come separately as arrays of cluster totals in the
 * order of {@link #clusters()}, so one design serves every measure and unit.
 */
public final class ClusterDesign {
    private static final double EQUAL_PROBABILITY_TOLERANCE = 1e-9;

    private final List<String> strata;
    private final int[] populationClusters;
    private final int[] sampledClusters;
    private final double[] samplingFraction;
    private final List<String> clusters;
    private final int[] clusterStratum;
    private final double[] weight;

    private ClusterDesign(Builder b) {
        this.strata = List.copyOf(b.populationByStratum.keySet());
        int s = strata.size();
        this.populationClusters = new int[s];
        this.sampledClusters = new int[s];
        this.samplingFraction = new double[s];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int h = 0; h < s; h++) {
            index.put(strata.get(h), h);
            populationClusters[h] = b.populationByStratum.get(strata.get(h));
        }
        int n = b.clusterIds.size();
        this.clusters = List.copyOf(b.clusterIds);
        this.clusterStratum = new int[n];
        double[] pi = new double[n];
        for (int i = 0; i < n; i++) {
            int h = index.get(b.clusterStrata.get(i));
            clusterStratum[i] = h;
            sampledClusters[h]++;
            pi[i] = b.probabilities.get(i);
        }
        this.weight = new double[n];
        for (int h = 0; h < s; h++) {
            if (sampledClusters[h] > populationClusters[h]) {
                throw new IllegalArgumentException("stratum " + strata.get(h) + ": " + sampledClusters[h]
                        + " clusters sampled but only " + populationClusters[h] + " in the population");
            }
        }
        boolean[] equal = new boolean[s];
        Arrays.fill(equal, true);
        for (int i = 0; i < n; i++) {
            int h = clusterStratum[i];
            double srs = (double) sampledClusters[h] / populationClusters[h];
            if (Double.isNaN(pi[i])) {
                pi[i] = srs;
            } else if (Math.abs(pi[i] - srs) > EQUAL_PROBABILITY_TOLERANCE) {
                equal[h] = false;
                if (sampledClusters[h] == populationClusters[h]) {
                    throw new IllegalArgumentException("stratum " + strata.get(h) + ": every cluster is sampled, so cluster "
                            + clusters.get(i) + " must have inclusion probability 1, not " + pi[i]);
                }
            }
        }
        for (int h = 0; h < s; h++) {
            samplingFraction[h] = equal[h] ? (double) sampledClusters[h] / populationClusters[h] : 0.0;
        }
        for (int i = 0; i < n; i++) {
            int h = clusterStratum[i];
            weight[i] = equal[h] ? (double) populationClusters[h] / sampledClusters[h] : 1.0 / pi[i];
        }
    }

    /** A builder: declare strata with their population sizes, then add sampled clusters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The strata, in the order they were declared. */
    public List<String> strata() {
        return strata;
    }

    /** The sampled clusters; observation arrays follow this order. */
    public List<String> clusters() {
        return clusters;
    }

    /** The stratum of cluster {@code i}. */
    public String stratumOf(int i) {
        return strata.get(clusterStratum[i]);
    }

    /** The weight 1/π of cluster {@code i}. */
    public double weight(int i) {
        return weight[i];
    }

    /** N_h, clusters in the population of a stratum. */
    public int populationClusters(String stratum) {
        return populationClusters[stratumIndex(stratum)];
    }

    /** n_h, sampled clusters of a stratum. */
    public int sampledClusters(String stratum) {
        return sampledClusters[stratumIndex(stratum)];
    }

    /** f_h: n_h/N_h for an equal-probability stratum, 0 for unequal probabilities, 1 for a census. */
    public double samplingFraction(String stratum) {
        return samplingFraction[stratumIndex(stratum)];
    }

    private int stratumIndex(String stratum) {
        int h = strata.indexOf(stratum);
        if (h < 0) {
            throw new IllegalArgumentException("no stratum " + stratum + " in the design; strata are " + strata);
        }
        return h;
    }

    /**
     * The ratio R = Y/X over all strata, with its linearised variance; see {@link RatioEstimator}.
     *
     * @param y cluster totals of the numerator, in the order of {@link #clusters()}
     * @param x cluster totals of the denominator
     */
    public RatioEstimate ratio(double[] y, double[] x, LonelyPsu lonely) {
        return RatioEstimator.estimate(this, "ALL", null, y, x, lonely);
    }

    /** The ratio within one stratum. */
    public RatioEstimate ratio(String stratum, double[] y, double[] x) {
        return RatioEstimator.estimate(this, stratum, stratum, y, x, LonelyPsu.ADJUST);
    }

    int clusterStratumIndex(int i) {
        return clusterStratum[i];
    }

    int stratumCount() {
        return strata.size();
    }

    int populationClustersAt(int h) {
        return populationClusters[h];
    }

    int sampledClustersAt(int h) {
        return sampledClusters[h];
    }

    double samplingFractionAt(int h) {
        return samplingFraction[h];
    }

    int indexOfStratum(String stratum) {
        return stratumIndex(stratum);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Stratified 1-stage cluster design: ")
                .append(strata.size()).append(" strata, ").append(clusters.size()).append(" clusters\n");
        for (int h = 0; h < strata.size(); h++) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-10s %d of %d clusters, f = %.4f%n", strata.get(h),
                    sampledClusters[h], populationClusters[h], samplingFraction[h]));
        }
        return sb.toString();
    }

    /** Collects strata and clusters; not thread-safe, used once. */
    public static final class Builder {
        private final Map<String, Integer> populationByStratum = new LinkedHashMap<>();
        private final List<String> clusterIds = new ArrayList<>();
        private final List<String> clusterStrata = new ArrayList<>();
        private final List<Double> probabilities = new ArrayList<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        private Builder() {
        }

        /** Declares a stratum with N_h clusters in the population. */
        public Builder stratum(String name, int populationClusters) {
            Objects.requireNonNull(name, "stratum name");
            if (!(populationClusters >= 1)) {
                throw new IllegalArgumentException("stratum " + name + " needs at least one cluster in the population, got "
                        + populationClusters);
            }
            if (populationByStratum.putIfAbsent(name, populationClusters) != null) {
                throw new IllegalArgumentException("stratum " + name + " declared twice");
            }
            return this;
        }

        /** Adds a sampled cluster of a declared stratum with π = n_h/N_h. */
        public Builder cluster(String stratum, String id) {
            return cluster(stratum, id, Double.NaN);
        }

        /** Adds a sampled cluster with its inclusion probability ({@code NaN}: n_h/N_h). */
        public Builder cluster(String stratum, String id, double inclusionProbability) {
            if (!populationByStratum.containsKey(stratum)) {
                throw new IllegalArgumentException("cluster " + id + ": stratum " + stratum + " was not declared");
            }
            if (!Double.isNaN(inclusionProbability)) {
                Checks.probability("inclusion probability of cluster " + id, inclusionProbability);
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("cluster " + id + " added twice");
            }
            clusterIds.add(id);
            clusterStrata.add(stratum);
            probabilities.add(inclusionProbability);
            return this;
        }

        /** The design; strata without a sampled cluster are dropped. */
        public ClusterDesign build() {
            java.util.Set<String> used = new java.util.HashSet<>(clusterStrata);
            populationByStratum.keySet().retainAll(used);
            return new ClusterDesign(this);
        }
    }
}
