package dev.lookback.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The design's weights, fpc and special cases, against hand-computed values. */
class ClusterDesignTest {

    /** Two strata of 10 villages, 3 and 2 sampled. */
    private static ClusterDesign twoStrata() {
        return ClusterDesign.builder().stratum("A", 10).stratum("B", 10)
                .cluster("A", "a1").cluster("A", "a2").cluster("A", "a3")
                .cluster("B", "b1").cluster("B", "b2").build();
    }

    @Test
    void ratioAndLinearisedVarianceByHand() {
        ClusterDesign d = twoStrata();
        double[] y = {1, 0, 2, 0, 1};
        double[] x = {10, 20, 30, 40, 50};
        // weights 10/3 and 5; X = 10/3·60 + 5·90 = 650, Y = 10/3·3 + 5·1 = 15
        RatioEstimate all = d.ratio(y, x, LonelyPsu.ADJUST);
        double r = 15.0 / 650;
        assertEquals(r, all.estimate(), 1e-15);
        double v = 0;
        double[][] z = new double[2][];
        z[0] = new double[] {10.0 / 3 * (1 - r * 10) / 650, 10.0 / 3 * (0 - r * 20) / 650, 10.0 / 3 * (2 - r * 30) / 650};
        z[1] = new double[] {5 * (0 - r * 40) / 650, 5 * (1 - r * 50) / 650};
        double[] f = {0.3, 0.2};
        for (int h = 0; h < 2; h++) {
            double mean = 0;
            for (double zi : z[h]) {
                mean += zi / z[h].length;
            }
            double ss = 0;
            for (double zi : z[h]) {
                ss += (zi - mean) * (zi - mean);
            }
            v += (1 - f[h]) * z[h].length / (z[h].length - 1.0) * ss;
        }
        assertEquals(Math.sqrt(v), all.standardError(), 1e-15);
        assertEquals(3, all.df()); // 5 clusters with units − 2 strata
        assertEquals(150, all.units());
        assertEquals(4, all.errors());
        assertEquals(EstimateStatus.OK, all.status());
        assertEquals(0.3, d.samplingFraction("A"), 1e-15);
    }

    @Test
    void unequalProbabilitiesDropTheFpc() {
        ClusterDesign d = ClusterDesign.builder().stratum("A", 10)
                .cluster("A", "a1", 0.2).cluster("A", "a2", 0.5).build();
        assertEquals(0, d.samplingFraction("A"));
        assertEquals(5, d.weight(0), 1e-15);
        assertEquals(2, d.weight(1), 1e-15);
    }

    @Test
    void probabilitiesEqualToNOverNWithinRoundingAreASimpleRandomSample() {
        ClusterDesign d = ClusterDesign.builder().stratum("A", 15)
                .cluster("A", "a1", 0.266666666667).cluster("A", "a2", 0.266666666667)
                .cluster("A", "a3", 0.266666666667).cluster("A", "a4", 0.266666666667).build();
        assertEquals(4.0 / 15, d.samplingFraction("A"), 1e-15);
        assertEquals(15.0 / 4, d.weight(0), 1e-15);
    }

    @Test
    void aCensusStratumHasNoVarianceAndASingleClusterNone() {
        ClusterDesign d = ClusterDesign.builder().stratum("A", 2).stratum("B", 10)
                .cluster("A", "a1").cluster("A", "a2").cluster("B", "b1").build();
        double[] y = {1, 0, 2};
        double[] x = {10, 10, 20};
        RatioEstimate a = d.ratio("A", y, x);
        assertEquals(EstimateStatus.CENSUS, a.status());
        assertEquals(0, a.standardError());
        RatioEstimate b = d.ratio("B", y, x);
        assertEquals(EstimateStatus.SINGLE_CLUSTER, b.status());
        assertTrue(Double.isNaN(b.standardError()));
        assertEquals(0.1, b.estimate(), 1e-15);
        // city row: the census stratum adds nothing, the lonely one (1 − f)·t²
        RatioEstimate all = d.ratio(y, x, LonelyPsu.ADJUST);
        double r = (1 + 10 * 2) / (20 + 10 * 20.0);
        double t = 10 * (2 - r * 20) / (20 + 200.0);
        assertEquals(Math.sqrt(0.9 * t * t), all.standardError(), 1e-15);
        assertEquals(0, d.ratio(y, x, LonelyPsu.CERTAINTY).standardError());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> d.ratio(y, x, LonelyPsu.FAIL));
        assertTrue(ex.getMessage().startsWith("stratum B has a single sampled cluster"), ex.getMessage());
    }

    @Test
    void anEmptyDomainIsNaN() {
        RatioEstimate e = twoStrata().ratio("A", new double[5], new double[5]);
        assertEquals(EstimateStatus.EMPTY_DOMAIN, e.status());
        assertTrue(Double.isNaN(e.estimate()) && Double.isNaN(e.df()));
        assertEquals(0, e.units());
    }

    @Test
    void oneClusterWithUnitsLeavesNoDegreesOfFreedom() {
        RatioEstimate e = twoStrata().ratio("A", new double[] {0, 0, 1, 0, 0}, new double[] {0, 0, 5, 0, 0});
        assertEquals(EstimateStatus.NO_DEGREES_OF_FREEDOM, e.status());
        assertEquals(0, e.df());
        assertEquals(0.2, e.estimate(), 1e-15);
    }

    @Test
    void badDesignsAreRefusedWithReasons() {
        assertEquals("stratum A: 3 clusters sampled but only 2 in the population",
                assertThrows(IllegalArgumentException.class, () -> ClusterDesign.builder().stratum("A", 2)
                        .cluster("A", "1").cluster("A", "2").cluster("A", "3").build()).getMessage());
        assertEquals("stratum A: every cluster is sampled, so cluster 1 must have inclusion probability 1, not 0.5",
                assertThrows(IllegalArgumentException.class, () -> ClusterDesign.builder().stratum("A", 2)
                        .cluster("A", "1", 0.5).cluster("A", "2", 0.5).build()).getMessage());
        assertEquals("cluster 1 added twice", assertThrows(IllegalArgumentException.class,
                () -> ClusterDesign.builder().stratum("A", 5).cluster("A", "1").cluster("A", "1")).getMessage());
        assertEquals("cluster 1: stratum B was not declared", assertThrows(IllegalArgumentException.class,
                () -> ClusterDesign.builder().stratum("A", 5).cluster("B", "1")).getMessage());
        assertEquals("inclusion probability of cluster 1 must be in (0, 1], got 1.5", assertThrows(
                IllegalArgumentException.class, () -> ClusterDesign.builder().stratum("A", 5).cluster("A", "1", 1.5))
                .getMessage());
        ClusterDesign d = twoStrata();
        assertEquals("cluster a1 has more errors (3.0) than units (2.0)", assertThrows(IllegalArgumentException.class,
                () -> d.ratio(new double[] {3, 0, 0, 0, 0}, new double[] {2, 1, 1, 1, 1}, LonelyPsu.ADJUST)).getMessage());
    }

    @Test
    void printsLikeR() {
        // z = (10/3)(y − 0.05x)/200 = (1/120, −1/60, 1/120); v = 0.7 · 3/2 · Σz² = 0.0004375
        RatioEstimate e = twoStrata().ratio("A", new double[] {1, 0, 2, 0, 0}, new double[] {10, 20, 30, 0, 0});
        assertEquals(Math.sqrt(0.0004375), e.standardError(), 1e-15);
        assertEquals("ratio A: 5.00% (SE 2.09%), df 2, 3 errors in 60 units, 3/10 clusters", e.toString());
    }
}
