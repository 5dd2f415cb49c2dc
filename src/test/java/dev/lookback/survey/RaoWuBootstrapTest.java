package dev.lookback.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Rao–Wu bootstrap: unbiased weights, its variance near the linearised one, seeds, special cases. */
class RaoWuBootstrapTest {

    /** Three strata of 12, 20 and 30 villages, 6, 5 and 8 sampled, with made-up tallies. */
    static ClusterDesign design() {
        ClusterDesign.Builder b = ClusterDesign.builder().stratum("A", 12).stratum("B", 20).stratum("C", 30);
        for (int i = 0; i < 6; i++) {
            b.cluster("A", "A" + i);
        }
        for (int i = 0; i < 5; i++) {
            b.cluster("B", "B" + i);
        }
        for (int i = 0; i < 8; i++) {
            b.cluster("C", "C" + i);
        }
        return b.build();
    }

    static double[][] data() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[19];
        double[] y = new double[19];
        for (int i = 0; i < 19; i++) {
            x[i] = 20 + r.nextInt(60);
            y[i] = r.nextInt(1 + (int) (x[i] / 8));
        }
        return new double[][] {y, x};
    }

    @Test
    void factorsAverageOneAndTheSeedFixesThem() {
        ClusterDesign d = design();
        double[][] f = RaoWuBootstrap.of(7, 20000).factors(d);
        for (int i = 0; i < 19; i++) {
            double mean = 0;
            for (double[] row : f) {
                mean += row[i] / f.length;
            }
            assertEquals(1, mean, 0.02, "cluster " + i);
        }
        assertArrayEquals(RaoWuBootstrap.of(7, 50).factors(d)[49], RaoWuBootstrap.of(7, 50).factors(d)[49]);
        assertTrue(!java.util.Arrays.deepEquals(RaoWuBootstrap.of(7, 50).factors(d), RaoWuBootstrap.of(8, 50).factors(d)));
    }

    @Test
    void bootstrapVarianceIsCloseToTheLinearisedVariance() {
        ClusterDesign d = design();
        double[][] yx = data();
        RatioEstimate linear = d.ratio(yx[0], yx[1], LonelyPsu.ADJUST);
        double[][] ratios = RaoWuBootstrap.ratios(d, RaoWuBootstrap.of(11, 20000).factors(d), yx[0], yx[1]);
        double mean = 0;
        for (double[] row : ratios) {
            mean += row[3] / ratios.length;
        }
        double v = 0;
        for (double[] row : ratios) {
            v += (row[3] - mean) * (row[3] - mean) / (ratios.length - 1);
        }
        assertEquals(linear.variance(), v, 0.08 * linear.variance(), "bootstrap " + v + " vs linearised " + linear.variance());
        assertEquals(linear.estimate(), mean, 0.05 * linear.estimate());
    }

    @Test
    void percentileIntervalAndSpecialCases() {
        ClusterDesign d = design();
        double[][] yx = data();
        double[][] ratios = RaoWuBootstrap.ratios(d, RaoWuBootstrap.of(5, 2000).factors(d), yx[0], yx[1]);
        RatioEstimate a = d.ratio("A", yx[0], yx[1]);
        Interval ci = RaoWuBootstrap.interval(a, ratios, 0, 0.95);
        assertTrue(ci.lower() < a.estimate() && a.estimate() < ci.upper(), ci.toString());
        assertEquals(IntervalMethod.BOOTSTRAP, ci.method());
        // zero errors: the exact bound, as for every method but Wald
        double[] zero = new double[19];
        RatioEstimate none = d.ratio("A", zero, yx[1]);
        Interval exact = RaoWuBootstrap.interval(none, RaoWuBootstrap.ratios(d, RaoWuBootstrap.of(5, 50).factors(d), zero,
                yx[1]), 0, 0.95);
        assertEquals(0, exact.lower());
        assertEquals(-Math.expm1(Math.log(0.025) / none.units()), exact.upper(), 1e-15);
        assertEquals(2.5, RaoWuBootstrap.TYPE_7.evaluate(new double[] {1, 2, 3, 4}, 0.5), 0);
        assertEquals(1.3, RaoWuBootstrap.TYPE_7.evaluate(new double[] {4, 1, 3, 2}, 0.1), 1e-12);
    }

    @Test
    void theReplicatesTravelWithTheEstimateSoThatAnyLevelIsABootstrapInterval() {
        ClusterDesign d = design();
        double[][] yx = data();
        double[][] ratios = RaoWuBootstrap.ratios(d, RaoWuBootstrap.of(5, 2000).factors(d), yx[0], yx[1]);
        RatioEstimate a = d.ratio("A", yx[0], yx[1]).withReplicates(Replicates.column(ratios, 0));
        double[] column = new double[ratios.length];
        for (int b = 0; b < ratios.length; b++) {
            column[b] = ratios[b][0];
        }
        for (double level : new double[] {0.9, 0.95, 0.975}) {
            Interval ci = a.interval(IntervalMethod.BOOTSTRAP, level);
            assertEquals(RaoWuBootstrap.TYPE_7.evaluate(column, (1 - level) / 2), ci.lower(), 0);
            assertEquals(RaoWuBootstrap.TYPE_7.evaluate(column, 1 - (1 - level) / 2), ci.upper(), 0);
            assertEquals(ci.lower() >= 0.1, IntervalMethod.BOOTSTRAP.boundReaches(a, level, 0.1, true));
        }
        assertEquals(RaoWuBootstrap.interval(a, ratios, 0, 0.95), a.interval(IntervalMethod.BOOTSTRAP, 0.95));
        // an estimate that never had replicates cannot pretend to a bootstrap interval
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.ratio("B", yx[0], yx[1]).interval(IntervalMethod.BOOTSTRAP, 0.95));
        assertEquals("the estimate of B has no bootstrap replicates: a bootstrap interval needs the review's bootstrap"
                + " (RaoWuBootstrap) to have drawn them", e.getMessage());
    }
}
