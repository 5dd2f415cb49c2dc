package dev.lookback.survey;

import java.util.Arrays;

/**
 * The bootstrap replicates R*_b of one ratio estimate ({@link RaoWuBootstrap}), kept beside its linearised
 * variance so that a percentile interval exists at any level: an interval recomputed at a decision's own level
 * stays a bootstrap interval, and a p-value inverts it. Immutable; replicates without a domain unit are
 * {@code NaN} and left out of the percentiles.
 */
public final class Replicates {
    private final double[] defined;
    private final int total;

    private Replicates(double[] defined, int total) {
        this.defined = defined;
        this.total = total;
    }

    /** The replicates of one estimate (copied; {@code NaN} where a replicate has no domain unit). */
    public static Replicates of(double[] values) {
        double[] d = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return new Replicates(d, values.length);
    }

    /** Column {@code column} of replicate ratios {@code [b][column]} (see {@link RaoWuBootstrap#ratios}). */
    public static Replicates column(double[][] ratios, int column) {
        double[] v = new double[ratios.length];
        for (int b = 0; b < v.length; b++) {
            v[b] = ratios[b][column];
        }
        return of(v);
    }

    /** Replicates drawn. */
    public int total() {
        return total;
    }

    /** Replicates with a domain unit (the others are left out of the percentiles). */
    public int defined() {
        return defined.length;
    }

    /**
     * The replicate variance Σ_b (R*_b − R̄*)²/(B − 1) over the B defined replicates: with Rao–Wu's rescaled weights it
     * estimates the design variance of R̂ (finite population correction included), beside the linearised one;
     * {@code NaN} with fewer than two defined replicates.
     */
    public double variance() {
        int b = defined.length;
        if (b < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : defined) {
            mean += v;
        }
        mean /= b;
        double ss = 0;
        for (double v : defined) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (b - 1);
    }

    /** The type-7 quantile (R's {@code quantile} default) of the defined replicates at probability {@code p}. */
    double quantile(double p) {
        return RaoWuBootstrap.TYPE_7.evaluate(defined, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Replicates r && r.total == total && Arrays.equals(r.defined, defined);
    }

    @Override
    public int hashCode() {
        return 31 * total + Arrays.hashCode(defined);
    }

    @Override
    public String toString() {
        return total + " bootstrap replicates" + (defined.length < total ? " (" + (total - defined.length)
                + " without domain units)" : "");
    }
}
