package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.ReviewSettings;
import dev.lookback.decide.ErrorSpending;
import dev.lookback.vocabulary.Unit;
import org.junit.jupiter.api.Test;

/**
 * Two rounds keep their stated risk, extend only where the outcome could change, and pay against one round of the
 * same villages (a small run of the README's study, benchmarks/rounds.jsh, with fixed seeds).
 */
class RoundsStudyTest {

    @Test
    void twoRoundsHoldTheRiskAndPayAgainstOneRoundOfTheSameVillages() {
        var small = new CalibrationStudy.Scenario(40, 40, 8, 0.05, Unit.HOUSEHOLDS);
        RoundsStudy.Result r = RoundsStudy.run(small, 12, 3);
        assertEquals(120, r.counties());
        assertTrue(r.compliant() > 40 && r.failing() > 30, r.toString());
        assertTrue((double) r.two().accused() / r.compliant() <= 0.025 + 0.02, r.toString());
        assertTrue(r.two().caught() > r.one().caught() && r.two().settled() > r.one().settled(), r.toString());
        assertTrue(r.two().extended() < r.former().extended(), "only where the outcome could change: " + r);
        assertTrue(r.former().villages() > r.two().villages(), "the former rule extended every fragile county: " + r);
        assertEquals(r.two().villages(), r.one().villages(), "one round of the same villages");
        // counties of 100–300 villages: the villages go where the outcome could change, and catch more
        var large = new CalibrationStudy.Scenario(100, 300, 20, 0.05, Unit.PERSONS);
        RoundsStudy.Result l = RoundsStudy.run(large, 6, 5);
        assertTrue(l.two().caught() >= l.one().caught(), l.toString());
        assertTrue((double) l.two().accused() / l.compliant() <= 0.025 + 0.03, l.toString());
    }

    /** The O'Brien–Fleming-type spending, against R: 2 - 2 * pnorm(qnorm(1 - a / 2) / sqrt(t)). */
    @Test
    void eachLookSpendsTheErrorOBrienFlemingWise() {
        assertEquals(0.0015253227579890005, ErrorSpending.obrienFleming(0.025, 0.5), 1e-15);
        assertEquals(0.025, ErrorSpending.obrienFleming(0.025, 1), 0);
        assertEquals(0, ErrorSpending.obrienFleming(0.025, 0), 0);
        assertEquals(0.95, ReviewSettings.defaults().decisionLevel(1), 1e-15);
        assertEquals(0.996949354484022, ReviewSettings.defaults().withRounds(2).decisionLevel(1), 1e-12);
        assertEquals(0.95305064551597818, ReviewSettings.defaults().withRounds(2).decisionLevel(2), 1e-12);
        var three = ReviewSettings.defaults().withRounds(3);
        assertEquals(0.9997929885637058, three.decisionLevel(1), 1e-12);
        assertEquals(0.98811023317647884, three.decisionLevel(2), 1e-12);
        assertEquals(0.96209677825981554, three.decisionLevel(3), 1e-12);
        // the looks' errors add up to one look's: (1 − L₁)/2 + (1 − L₂)/2 = 0.025
        assertEquals(0.025, (1 - three.decisionLevel(1)) / 2 + (1 - three.decisionLevel(2)) / 2
                + (1 - three.decisionLevel(3)) / 2, 1e-15);
    }
}
