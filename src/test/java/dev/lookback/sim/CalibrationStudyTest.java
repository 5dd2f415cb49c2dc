package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.vocabulary.Unit;
import org.junit.jupiter.api.Test;

/**
 * What a review prints at its defaults comes true, on small runs of the README's study (benchmarks/calibration.jsh
 * runs it at full size): counties just below the line are rarely accused and their leaders rarely reached, the
 * default bound holds where Korn–Graubard as in R misses, and the villages a fragile decision states settle it.
 */
class CalibrationStudyTest {

    @Test
    void atTheDefaultsCompliantLeadersAreRarelyReached() {
        var s = new CalibrationStudy.Scenario(40, 40, 8, 0.3, Unit.PERSONS);
        CalibrationStudy.Accusations a = CalibrationStudy.accusations(s, 0.019, 40, 10, 3);
        assertEquals(40, a.reviews());
        assertEquals(800, a.rows());
        assertTrue(a.decisions() > 300 && a.leaders() > 100, a.toString());
        assertTrue((double) a.reached() / a.leaders() <= 0.025, a.toString());
        assertTrue((double) a.pointAccused() / a.decisions() > 0.15, "the point policy accuses: " + a);
        assertTrue(a.missesNb() <= a.missesKg(), a.toString());
        assertTrue((double) a.missesNb() / a.rows() <= 0.025, a.toString());
        assertTrue(a.markdown().startsWith("| 40 (8) | 0.30 | persons | "), a.markdown());
    }

    @Test
    void theVillagesStatedSettleTheDecision() {
        var s = new CalibrationStudy.Scenario(40, 40, 8, 0.05, Unit.HOUSEHOLDS);
        CalibrationStudy.Settling r = CalibrationStudy.settling(s, 3, 10, 5);
        assertTrue(r.fragile() >= 20, r.toString());
        assertTrue((double) r.settled() / r.fragile() >= 0.7, r.toString());
        assertTrue(r.settled() >= r.atToday(), "the former rule, at today's estimate, settles fewer: " + r);
    }

    /** The study decides at ReviewSettings.defaults(), which are the command line's: the safe ones. */
    @Test
    void theDefaultsAreTheSafeOnes() {
        var d = dev.lookback.ReviewSettings.defaults();
        assertEquals(java.util.List.of(dev.lookback.survey.IntervalMethod.KORN_GRAUBARD_NB), d.methods());
        assertEquals(dev.lookback.decide.DecisionPolicy.CONFIDENT, d.policy());
    }

    @Test
    void sharesCarryTheirMonteCarloError() {
        assertEquals("25.0% ± 4.3", CalibrationStudy.share(25, 100));
        assertEquals("–", CalibrationStudy.share(0, 0));
    }
}
