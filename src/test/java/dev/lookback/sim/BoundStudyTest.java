package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The zero-error bound over n_b independent households holds where the bound over persons did not: small
 * villages, clustered errors (ρ = 0.1), 60 cities of 10 counties with fixed seeds. The README's table is
 * the same study with 400 cities per row (benchmarks/bound.jsh).
 */
class BoundStudyTest {

    @Test
    void theBoundOverIndependentHouseholdsHolds() {
        BoundStudy.Result r = BoundStudy.run(0.1, 20, 0.01, 60, 10, 40, 8, 0.95, 0.05, 1);
        assertEquals(600, r.rows());
        assertTrue(r.zeroRows() > 150, r.toString());
        // the exact bound's own misses: within α/2 = 2.5%, here none or almost none
        assertTrue(r.zeroMisses() <= 3, r.toString());
        assertTrue(r.missRate() <= 0.035, r.toString());
        // counting persons as independent missed far more often
        assertTrue(r.missRateOld() >= 0.15, r.toString());
    }

    @Test
    void cappingKornGraubardAtTheIndependentUnitsHoldsWhereTheContractsCapAtPersonsDoesNot() {
        // large villages, strongly clustered errors, a county rate near the line: the README's worst row
        BoundStudy.Result r = BoundStudy.run(0.1, 60, 0.02, 60, 10, 40, 8, 0.95, 0.05, 1);
        assertTrue(r.missRate() >= 0.05, r.toString());
        assertTrue(r.missRateNb() <= 0.025, r.toString());
        assertTrue(r.meanUpperNb() > r.meanUpper(), r.toString());
    }
}
