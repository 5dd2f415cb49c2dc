package dev.lookback.survey;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The Rao–Wu rescaling bootstrap of clusters within strata (Rao and Wu 1988; Rao, Wu and Yue 1992),
 * seeded, for percentile intervals of a ratio.
 *
 * <p>In each replicate and each stratum with n_h ≥ 2, m_h = n_h − 1 clusters are drawn with
 * replacement; cluster i, drawn r_hi times, gets the weight w_hi·(1 − λ_h + λ_h·(n_h/m_h)·r_hi) with
 * λ_h = √(m_h(1 − f_h)/(n_h − 1)), so that the replicate variance of a linear statistic matches the
 * design's, finite population correction included. A stratum with one sampled cluster, or a census,
 * keeps its weights. The replicate ratio is R*_b = Σ w*·y / Σ w*·x; the interval is the α/2 and
 * 1 − α/2 quantiles of the defined R*_b (type 7, as R's {@code quantile}), after the special cases of
 * {@link IntervalMethod}. The same seed gives the same replicates on every machine.
 */
public final class RaoWuBootstrap {
    private final long seed;
    private final int replicates;

    private RaoWuBootstrap(long seed, int replicates) {
        if (!(replicates >= 2)) {
            throw new IllegalArgumentException("bootstrap replicates must be at least 2, got " + replicates);
        }
        this.seed = seed;
        this.replicates = replicates;
    }

    /** A bootstrap with a seed and a number of replicates (1000 is usual). */
    public static RaoWuBootstrap of(long seed, int replicates) {
        return new RaoWuBootstrap(seed, replicates);
    }

    /** The number of replicates. */
    public int replicates() {
        return replicates;
    }

    /**
     * The replicate weight factors a_bi of a design: {@code replicates} rows of one factor per
     * cluster, in the order of {@link ClusterDesign#clusters()}.
     */
    public double[][] factors(ClusterDesign design) {
        int n = design.clusters().size();
        int strata = design.stratumCount();
        int[][] members = new int[strata][];
        int[] fill = new int[strata];
        for (int h = 0; h < strata; h++) {
            members[h] = new int[design.sampledClustersAt(h)];
        }
        for (int i = 0; i < n; i++) {
            int h = design.clusterStratumIndex(i);
            members[h][fill[h]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] factors = new double[replicates][n];
        int[] draws = new int[n];
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(factors[b], 1.0);
            for (int h = 0; h < strata; h++) {
                int nh = members[h].length;
                double f = design.samplingFractionAt(h);
                if (nh < 2 || f >= 1) {
                    continue;
                }
                int m = nh - 1;
                for (int k = 0; k < m; k++) {
                    draws[members[h][random.nextInt(nh)]]++;
                }
                double lambda = Math.sqrt(m * (1 - f) / (nh - 1.0));
                for (int i : members[h]) {
                    factors[b][i] = 1 - lambda + lambda * ((double) nh / m) * draws[i];
                    draws[i] = 0;
                }
            }
        }
        return factors;
    }

    /**
     * Replicate ratios for every stratum and for all strata together: {@code [b][h]} for stratum h
     * of {@link ClusterDesign#strata()}, {@code [b][strata]} for all; {@code NaN} where a replicate
     * has no domain unit.
     */
    public static double[][] ratios(ClusterDesign design, double[][] factors, double[] y, double[] x) {
        int strata = design.stratumCount();
        int n = y.length;
        double[][] out = new double[factors.length][strata + 1];
        double[] sy = new double[strata];
        double[] sx = new double[strata];
        for (int b = 0; b < factors.length; b++) {
            Arrays.fill(sy, 0);
            Arrays.fill(sx, 0);
            double[] a = factors[b];
            for (int i = 0; i < n; i++) {
                int h = design.clusterStratumIndex(i);
                double w = design.weight(i) * a[i];
                sy[h] += w * y[i];
                sx[h] += w * x[i];
            }
            double ty = 0;
            double tx = 0;
            for (int h = 0; h < strata; h++) {
                out[b][h] = sx[h] > 0 ? sy[h] / sx[h] : Double.NaN;
                ty += sy[h];
                tx += sx[h];
            }
            out[b][strata] = tx > 0 ? ty / tx : Double.NaN;
        }
        return out;
    }

    /**
     * The percentile interval of an estimate from its replicate ratios (column {@code column} of
     * {@link #ratios}), with the special cases of {@link IntervalMethod} applied first: the estimate with those
     * replicates ({@link RatioEstimate#withReplicates}), by {@link IntervalMethod#BOOTSTRAP}.
     */
    public static Interval interval(RatioEstimate estimate, double[][] replicateRatios, int column, double level) {
        return estimate.withReplicates(Replicates.column(replicateRatios, column)).interval(IntervalMethod.BOOTSTRAP,
                level);
    }

    /** Type 7 quantiles (R's {@code quantile} default: linear between order statistics at (n − 1)p). */
    static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    @Override
    public String toString() {
        return "Rao–Wu bootstrap, " + replicates + " replicates, seed " + seed;
    }
}
