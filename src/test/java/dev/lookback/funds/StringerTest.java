package dev.lookback.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Stringer bound against published values. */
class StringerTest {

    @Test
    void publishedStringerBounds() {
        // n = 100, taints 0.5 and 0.2, 95%: 0.04105 with binomial limits, 0.04180 with Poisson factors
        double[] taints = {0.2, 0.5};
        assertEquals(0.04105, Stringer.upperMisstatementLimit(100, taints, 0.95, Stringer.Bound.BINOMIAL), 5e-5);
        assertEquals(0.04180, Stringer.upperMisstatementLimit(100, taints, 0.95, Stringer.Bound.POISSON), 5e-5);
        // no misstatement: the 95% Poisson reliability factor 3.00 (−ln 0.05 = 2.9957)
        assertEquals(3.00, 100 * Stringer.upperMisstatementLimit(100, new double[0], 0.95, Stringer.Bound.POISSON), 5e-3);
        assertEquals(-Math.log(0.05), 100 * Stringer.upperLimit(0, 100, 0.95, Stringer.Bound.POISSON), 1e-9);
        // the usual Poisson factors for 1 and 2 errors at 95%: 4.74 and 6.30
        assertEquals(4.74, 100 * Stringer.upperLimit(1, 100, 0.95, Stringer.Bound.POISSON), 5e-3);
        assertEquals(6.30, 100 * Stringer.upperLimit(2, 100, 0.95, Stringer.Bound.POISSON), 5e-3);
        assertEquals(0.007, Stringer.mostLikelyMisstatement(100, taints), 1e-15);
    }
}
