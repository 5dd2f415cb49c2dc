package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The risk a county's own sample carries, by simulation: at the line, the point policy is a coin toss,
 * confident rarely triggers and precautionary nearly always does; the villages to settle give an 80% chance.
 */
class RiskSimulationTest {
    /** 8 of 40 villages of 50 households (about 3.5 persons each), ρ = 0.05, Korn–Graubard 95%, 800 replicates. */
    static RiskSimulation county(long seed) {
        double[] households = new double[8];
        double[] persons = new double[8];
        Arrays.fill(households, 50);
        Arrays.fill(persons, 175);
        return new RiskSimulation(households, persons, 40, 0.05, IntervalMethod.KORN_GRAUBARD, 0.95, 800, seed);
    }

    @Test
    void atTheLineEachPolicyRisksWhatItSays() {
        RiskSimulation s = county(1);
        double point = s.triggerChance(0.02, 0.02, true, DecisionPolicy.POINT, 1);
        double confident = s.triggerChance(0.02, 0.02, true, DecisionPolicy.CONFIDENT, 1);
        double precautionary = s.triggerChance(0.02, 0.02, true, DecisionPolicy.PRECAUTIONARY, 1);
        double familyWise = s.triggerChance(0.02, 0.02, true, DecisionPolicy.FAMILY_WISE, 20);
        assertTrue(point > 0.35 && point < 0.65, "point: " + point);
        assertTrue(confident <= 0.05, "confident: " + confident);
        assertTrue(precautionary >= 0.85, "precautionary: " + precautionary);
        assertTrue(familyWise <= confident, "family-wise: " + familyWise);
        // at half the line almost nothing triggers except precautionary
        assertTrue(s.triggerChance(0.01, 0.02, true, DecisionPolicy.POINT, 1) < 0.2);
        // the same question, the same answer
        assertEquals(point, county(1).triggerChance(0.02, 0.02, true, DecisionPolicy.POINT, 1));
    }

    /**
     * The rates a county's data leave plausible: Jeffreys' Beta over n* = min(n_b, n_eff) units; n* = n_b at zero
     * errors, where n_eff is infinite.
     */
    @Test
    void plausibleRatesRestOnTheIndependentUnits() {
        var e = new dev.lookback.survey.RatioEstimate("C", 0.02, 0.005, 7, 1000, 20, 8, 40,
                dev.lookback.survey.EstimateStatus.OK, 500);
        // n_eff = 0.02 · 0.98 / 0.005² = 784 > n_b = 500
        assertEquals(new RiskSimulation.Plausible(0.02, 500), RiskSimulation.Plausible.of(e));
        var wide = new dev.lookback.survey.RatioEstimate("C", 0.02, 0.01, 7, 1000, 20, 8, 40,
                dev.lookback.survey.EstimateStatus.OK, 500);
        assertEquals(0.02 * 0.98 / 1e-4, RiskSimulation.Plausible.of(wide).size(), 1e-9);
        var zero = new dev.lookback.survey.RatioEstimate("C", 0, 0, 7, 1000, 0, 8, 40,
                dev.lookback.survey.EstimateStatus.OK, 120);
        assertEquals(new RiskSimulation.Plausible(0, 120), RiskSimulation.Plausible.of(zero));
        assertEquals(null, RiskSimulation.Plausible.of(dev.lookback.survey.RatioEstimate.withheld("C", 8, 40)));
    }

    @Test
    void villagesToSettleGiveAnEightyPercentChance() {
        RiskSimulation s = county(2);
        int k = s.villagesToSettle(0.035, 0.02);
        assertTrue(k > 0 && k <= 32, "k = " + k);
        assertTrue(s.settleChance(0.035, 0.02, 8 + k) >= RiskSimulation.SETTLE);
        assertTrue(s.settleChance(0.035, 0.02, 8 + k - 1) < RiskSimulation.SETTLE);
        // far from the line the sample already settles it
        assertEquals(0, s.villagesToSettle(0.30, 0.02));
        assertEquals(-1, s.villagesToSettle(Double.NaN, 0.02));
        // over the rates the county's data leave plausible the promise is dearer than at the estimate alone, and it
        // holds averaged over them
        RiskSimulation.Plausible plausible = new RiskSimulation.Plausible(0.035, 300);
        int unknown = s.villagesToSettle(plausible, 0.02);
        assertTrue(unknown >= k, unknown + " < " + k);
        assertTrue(8 + unknown >= 40 || s.settleChance(plausible, 0.02, 8 + unknown) >= RiskSimulation.SETTLE);
        assertEquals(k, s.villagesToSettle(RiskSimulation.Plausible.exactly(0.035), 0.02));
        assertThrows(IllegalArgumentException.class, () -> new RiskSimulation(new double[] {1}, new double[] {1, 2}, 4,
                0.05, IntervalMethod.KORN_GRAUBARD, 0.95, 10, 1));
    }
}
