package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.DecisionPolicy;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Sample-size planning against published attribute-sampling sizes, exact binomial values and simulation. */
class PlanTest {

    @Test
    void attributeSampleSizesMatchTheAicpaTables() {
        // AICPA Audit Sampling guide, statistical sample sizes for tests of controls: 95% confidence,
        // 0 expected: 59 at 5% tolerable, 149 at 2%; 1% expected at 5%: 93; 2% expected at 5%: 181;
        // 90% confidence, 0 expected, 10% tolerable: 22.
        assertEquals(59, Plan.attributeSampleSize(0.05, 0, 0.95));
        assertEquals(149, Plan.attributeSampleSize(0.02, 0, 0.95));
        assertEquals(93, Plan.attributeSampleSize(0.05, 0.01, 0.95));
        assertEquals(181, Plan.attributeSampleSize(0.05, 0.02, 0.95));
        assertEquals(22, Plan.attributeSampleSize(0.10, 0, 0.90));
    }

    @Test
    void designEffectAndPrecisionWithoutClusteringIsTheExactBound() {
        assertEquals(1 + (1.09 * 50 - 1) * 0.05, Plan.designEffect(50, 0.3, 0.05), 1e-12);
        assertEquals(1, Plan.designEffect(50, 0.3, 0), 0);
        // zero expected errors, one unit per village, no clustering: the upper bound 1 − 0.025^(1/n)
        // falls to 5% at n = ⌈ln 0.025 / ln 0.95⌉ = 72
        assertEquals(72, Plan.villagesForPrecision(0, 0.05, 0.95, 1, 0, 0, 1_000_000));
        // clustering costs villages: more for a larger ρ
        int low = Plan.villagesForPrecision(0.02, 0.01, 0.95, 50, 0.3, 0.01, 400);
        int high = Plan.villagesForPrecision(0.02, 0.01, 0.95, 50, 0.3, 0.10, 400);
        assertTrue(low < high, low + " vs " + high);
        Interval ci = Plan.plannedInterval(0.02, low, 0.95, 50, 0.3, 0.01, 400);
        assertTrue(0.02 - ci.lower() <= 0.01 && ci.upper() - 0.02 <= 0.01, ci.toString());
        assertTrue(0.02 - Plan.plannedInterval(0.02, low - 1, 0.95, 50, 0.3, 0.01, 400).lower() > 0.01
                || Plan.plannedInterval(0.02, low - 1, 0.95, 50, 0.3, 0.01, 400).upper() - 0.02 > 0.01);
    }

    @Test
    void operatingCharacteristicWithoutClusteringIsBinomial() {
        // ρ = 0, equal villages: R̂ ≥ T exactly when Binomial(n·m, p) ≥ T·n·m
        int n = 10;
        int m = 20;
        double t = 0.02;
        double[] rates = {0.01, 0.02, 0.03};
        double[] oc = Plan.operatingCharacteristic(n, 1000, m, 0, 0, t, DecisionPolicy.POINT, 0.95, rates, 20000, 7);
        for (int i = 0; i < rates.length; i++) {
            BinomialDistribution b = BinomialDistribution.of(n * m, rates[i]);
            double exact = b.survivalProbability((int) Math.ceil(t * n * m) - 1);
            assertEquals(exact, oc[i], 0.012, "rate " + rates[i]);
        }
    }

    @Test
    void rhoIsRecoveredFromBetaBinomialVillages() {
        // 400 villages of 60 units, village rates Beta with mean 5% and ICC 0.08: a = p(1−ρ)/ρ, b = (1−p)(1−ρ)/ρ
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        org.apache.commons.rng.UniformRandomProvider rng = random::nextLong;
        double rho = 0.08;
        var beta = org.apache.commons.statistics.distribution.BetaDistribution.of(0.05 * (1 - rho) / rho,
                0.95 * (1 - rho) / rho).createSampler(rng);
        double[] y = new double[400];
        double[] m = new double[400];
        for (int i = 0; i < 400; i++) {
            m[i] = 60;
            y[i] = Plan.binomial(random, 60, beta.sample());
        }
        assertEquals(rho, Plan.rhoFromTallies(y, m), 0.025);
        // no clustering: ρ̂ near 0
        for (int i = 0; i < 400; i++) {
            y[i] = Plan.binomial(random, 60, 0.05);
        }
        assertEquals(0, Plan.rhoFromTallies(y, m), 0.01);
        assertTrue(Double.isNaN(Plan.rhoFromTallies(new double[] {0, 0}, new double[] {5, 5})));
        // from an estimate: deff 3 with 50 units a village gives ρ = 2/49
        double p = 0.02;
        double se = Math.sqrt(3 * p * (1 - p) / 1000 * (1 - 20.0 / 200));
        assertEquals(2.0 / 49, Plan.rhoFromEstimate(p, se, 1000, 20, 200), 1e-12);
    }

    @Test
    void decisionSizesMeetTheirRisksAndThePoliciesOrderAsExpected() {
        int point = Plan.villagesForDecision(0.005, 0.05, 0.05, 0.10, 200, 50, 0.3, 0.05, 0.02, DecisionPolicy.POINT,
                0.95, 1000, 1);
        double[] oc = Plan.operatingCharacteristic(point, 200, 50, 0.3, 0.05, 0.02, DecisionPolicy.POINT, 0.95,
                new double[] {0.005, 0.05}, 4000, 99);
        assertTrue(oc[0] <= 0.05 + 0.02 && 1 - oc[1] <= 0.10 + 0.02, point + " villages: " + oc[0] + ", " + oc[1]);
        int confident = Plan.villagesForDecision(0.005, 0.05, 0.05, 0.10, 200, 50, 0.3, 0.05, 0.02,
                DecisionPolicy.CONFIDENT, 0.95, 500, 1);
        assertTrue(confident > point, "proving a failure takes more villages: " + confident + " vs " + point);
        double[] curve = Plan.operatingCharacteristic(point, 200, 50, 0.3, 0.05, 0.02, DecisionPolicy.POINT, 0.95,
                Plan.grid(0.06, 6), 1000, 3);
        for (int i = 1; i < curve.length; i++) {
            assertTrue(curve[i] >= curve[i - 1] - 0.03, "rising: " + java.util.Arrays.toString(curve));
        }
    }
}
