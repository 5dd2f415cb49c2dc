package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.ReviewSettings;
import dev.lookback.vocabulary.DecisionPolicy;
import org.junit.jupiter.api.Test;

/**
 * The two-round procedure keeps its stated risk and settles more than one round of the same size (a small run
 * of the README's study, benchmarks/rounds.jsh, with fixed seeds).
 */
class RoundsStudyTest {

    @Test
    void twoRoundsHoldTheRiskAndSettleMoreThanOneRoundOfTheSameSize() {
        RoundsStudy.Result r = RoundsStudy.run(DecisionPolicy.CONFIDENT, 6, 20, 40, 8, 0.02, 0.05, 0.95, 3);
        assertEquals(120, r.counties());
        assertTrue(r.compliant() > 40, r.toString());
        assertTrue((double) r.falseTwoRounds() / r.compliant() <= 0.025 + 0.02, r.toString());
        assertTrue(r.settledTwoRounds() >= r.settledOneRound(), r.toString());
        assertTrue(r.extended() > 0 && r.villagesPerCounty() > 8, r.toString());
    }

    @Test
    void eachLookSpendsItsShareOfTheError() {
        assertEquals(0.95, ReviewSettings.defaults().decisionLevel(), 1e-15);
        assertEquals(0.975, ReviewSettings.defaults().withRounds(2).decisionLevel(), 1e-15);
        assertEquals(1 - 0.05 / 3, ReviewSettings.defaults().withRounds(3).decisionLevel(), 1e-15);
    }
}
