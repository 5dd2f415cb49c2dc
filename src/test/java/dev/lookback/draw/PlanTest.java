package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
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
        assertEquals(72, Plan.villagesForPrecision(0, 0.05, 0.95, 1, 0, 1, 0, 1_000_000));
        // clustering costs villages: more for a larger ρ
        int low = Plan.villagesForPrecision(0.02, 0.01, 0.95, 50, 0.3, 1, 0.01, 400);
        int high = Plan.villagesForPrecision(0.02, 0.01, 0.95, 50, 0.3, 1, 0.10, 400);
        assertTrue(low < high, low + " vs " + high);
        Interval ci = Plan.plannedInterval(0.02, low, 0.95, 50, 0.3, 1, 0.01, 400);
        assertTrue(0.02 - ci.lower() <= 0.01 && ci.upper() - 0.02 <= 0.01, ci.toString());
        assertTrue(0.02 - Plan.plannedInterval(0.02, low - 1, 0.95, 50, 0.3, 1, 0.01, 400).lower() > 0.01
                || Plan.plannedInterval(0.02, low - 1, 0.95, 50, 0.3, 1, 0.01, 400).upper() - 0.02 > 0.01);
    }

    @Test
    void operatingCharacteristicIsIndexedByTheCountysOwnRate() {
        // ρ = 0, 40 villages of 20 households, 10 drawn: with the county's own rate exactly p, the sample's errors
        // are hypergeometric (K = 800p errors among 800 households, 200 drawn), not binomial with mean p
        double t = 0.02;
        double[] rates = {0.01, 0.02, 0.03};
        RiskSimulation county = RiskSimulation.planned(Plan.villageSizes(40, 20, 0), Plan.villageSizes(40, 20, 0), 40, 0,
                IntervalMethod.KORN_GRAUBARD, 0.95, 20000, 7);
        double[] oc = Plan.operatingCharacteristic(county, 10, t, DecisionPolicy.POINT, 1, rates);
        for (int i = 0; i < rates.length; i++) {
            int errors = (int) Math.round(rates[i] * 800);
            double exact = HypergeometricDistribution.of(800, errors, 200).survivalProbability(3); // R̂ ≥ 2%: X ≥ 4
            assertEquals(exact, oc[i], 0.01, "rate " + rates[i]);
        }
        // the superpopulation curve the planner used before is visibly different at 1%: 0.142 against 0.10
        double binomial = BinomialDistribution.of(200, 0.01).survivalProbability(3);
        assertTrue(Math.abs(binomial - oc[0]) > 0.03, binomial + " vs " + oc[0]);
        // and a census decides without error
        assertEquals(1, Plan.operatingCharacteristic(county, 40, t, DecisionPolicy.POINT, 1, new double[] {0.02})[0]);
    }

    @Test
    void villageSizesAreLogNormalQuantilesWithTheMeanAndCv() {
        double[] sizes = Plan.villageSizes(2000, 50, 0.3);
        double mean = java.util.Arrays.stream(sizes).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(sizes).map(x -> (x - mean) * (x - mean)).sum() / sizes.length);
        assertEquals(50, mean, 0.5);
        assertEquals(0.3, sd / mean, 0.01);
        assertEquals(5, Plan.villageSizes(4, 5, 0)[3]);
    }

    static RiskSimulation typicalCounty(IntervalMethod method, int replicates, long seed) {
        return RiskSimulation.planned(Plan.villageSizes(200, 50, 0.3), Plan.villageSizes(200, 50, 0.3), 200, 0.05, method, 0.95, replicates, seed);
    }

    @Test
    void decisionSizesAreConfirmedToMeetTheirRisks() {
        for (long seed = 1; seed <= 3; seed++) {
            Plan.DecisionPlan plan = Plan.villagesForDecision(typicalCounty(IntervalMethod.KORN_GRAUBARD, 1000, seed),
                    0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.POINT, 1);
            assertEquals(4000, plan.confirmation());
            assertTrue(plan.falseTriggerUpper() <= 0.05 && plan.escapeUpper() <= 0.10, plan.toString());
            // a third, independent run agrees within its own simulation error
            double[] oc = Plan.operatingCharacteristic(typicalCounty(IntervalMethod.KORN_GRAUBARD, 8000, 100 + seed),
                    plan.villages(), 0.02, DecisionPolicy.POINT, 1, new double[] {0.005, 0.05});
            assertTrue(oc[0] <= 0.05 + 2 * Math.sqrt(0.05 * 0.95 / 8000), plan + ": " + oc[0]);
            assertTrue(1 - oc[1] <= 0.10 + 2 * Math.sqrt(0.10 * 0.90 / 8000), plan + ": " + oc[1]);
        }
        assertTrue(Plan.upperBound(0.05, 4000) > 0.05 && Plan.upperBound(0.05, 4000) < 0.06);
    }

    @Test
    void thePoliciesOrderAsExpected() {
        RiskSimulation county = typicalCounty(IntervalMethod.KORN_GRAUBARD, 500, 1);
        int point = Plan.villagesForDecision(county, 0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.POINT, 1).villages();
        int confident = Plan.villagesForDecision(county, 0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.CONFIDENT, 1)
                .villages();
        int familyWise = Plan.villagesForDecision(county, 0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.FAMILY_WISE, 20)
                .villages();
        assertTrue(confident > point, "proving a failure takes more villages: " + confident + " vs " + point);
        assertTrue(familyWise > confident, "and proving it across 20 decisions more: " + familyWise + " vs " + confident);
        double[] curve = Plan.operatingCharacteristic(county, point, 0.02, DecisionPolicy.POINT, 1, Plan.grid(0.06, 6));
        for (int i = 1; i < curve.length; i++) {
            assertTrue(curve[i] >= curve[i - 1] - 0.03, "rising: " + java.util.Arrays.toString(curve));
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
}
