package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.vocabulary.Unit;
import org.junit.jupiter.api.Test;

/**
 * The planner's power comes true in the review it plans, in the review's unit (a small run of the README's study,
 * benchmarks/planner.jsh): planned in persons it asks for more villages than the former planner, which took a
 * village's persons as independent households.
 */
class PlannerStudyTest {

    @Test
    void thePowerThePlannerPrintsComesTrueInPersons() {
        var s = new PlannerStudy.Scenario(200, 0.05, Unit.PERSONS);
        PlannerStudy.Row r = PlannerStudy.run(s, 40, 10, 400, 1);
        assertEquals(400, r.badDecisions());
        double se = Math.sqrt(r.simulatedPower() * (1 - r.simulatedPower()) / r.badDecisions());
        assertTrue(Math.abs(r.simulatedPower() - r.claimedPower()) <= 0.03 + 2.5 * se, r.toString());
        assertTrue(r.claimedPower() >= 0.90 - 0.01 && r.simulatedAlpha() <= 0.05, r.toString());
        assertTrue(r.former() < r.plan().villages(), "persons as independent households under-plan: " + r);
        assertTrue(r.markdown().startsWith("| 200 | 0.05 | persons | " + r.plan().villages() + " | "), r.markdown());
    }

    @Test
    void theSimulatedCountysOwnRateIsTheRateAskedAbout() {
        var random = new java.util.SplittableRandom(4);
        double[] sizes = dev.lookback.draw.Plan.villageSizes(60, 30, 0.3);
        for (Unit unit : Unit.values()) {
            CalibrationStudy.County c = PlannerStudy.county(random, sizes, 0.02, 0.3, unit);
            double units = java.util.Arrays.stream(c.units()).sum();
            // at or just over the rate: within one household of 6 persons at most
            assertTrue(c.truth() >= 0.02 && c.truth() <= 0.02 + 6 / units, unit + " " + c.truth());
            assertEquals(java.util.Arrays.stream(c.unitErrors()).sum() / units, c.truth(), 1e-12);
        }
    }
}
