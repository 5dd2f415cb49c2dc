package dev.lookback.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ρ̂ by one-way ANOVA and the independent units it leaves. Reference values from R 4.2.2:
 * {@code summary(aov(y ~ factor(village)))} mean squares with m0 = (M − Σm_i²/M)/(k − 1), as in
 * src/test/r/make-reference.R ({@code rho_anova}).
 */
class IntraclassCorrelationTest {

    @Test
    void matchesRsAnova() {
        // villages of 5, 8, 10, 4 households with 0, 2, 1, 3 errors
        double rho = IntraclassCorrelation.anova(new double[] {5, 8, 10, 4}, new double[] {0, 2, 1, 3});
        assertEquals(0.29380053908355824, rho, 1e-14);
        // n_b = H/d, d = 1 + (m̄ − 1)ρ, H = 27 in 4 villages
        assertEquals(10.039589075419688, IntraclassCorrelation.independentUnits(new double[] {5, 8, 10, 4}, rho), 1e-12);
        // villages without units are ignored, in both
        assertEquals(rho, IntraclassCorrelation.anova(new double[] {5, 0, 8, 10, 4}, new double[] {0, 0, 2, 1, 3}), 1e-15);
        assertEquals(27 / (1 + (27 / 4.0 - 1) * 0.1), IntraclassCorrelation.independentUnits(
                new double[] {5, 0, 8, 10, 4}, 0.1), 1e-12);
    }

    @Test
    void negativeEstimatesAreTruncatedAndUndefinedOnesAreNaN() {
        // equal shares in every village: R gives −1/(m0 − 1) = −0.111; truncated to 0
        assertEquals(0, IntraclassCorrelation.anova(new double[] {10, 10, 10}, new double[] {1, 1, 1}));
        assertTrue(Double.isNaN(IntraclassCorrelation.anova(new double[] {10, 10}, new double[] {0, 0})), "no error");
        assertTrue(Double.isNaN(IntraclassCorrelation.anova(new double[] {10, 10}, new double[] {10, 10})), "all errors");
        assertTrue(Double.isNaN(IntraclassCorrelation.anova(new double[] {10, 0}, new double[] {3, 0})), "k < 2");
        assertTrue(Double.isNaN(IntraclassCorrelation.anova(new double[] {1, 1, 1}, new double[] {1, 0, 0})), "M = k");
        // perfectly clustered: every household of a village alike
        assertEquals(1, IntraclassCorrelation.anova(new double[] {4, 4, 4}, new double[] {4, 0, 0}), 1e-15);
        assertEquals(12, IntraclassCorrelation.independentUnits(new double[] {4, 4, 4}, 0), 0);
        assertEquals(3, IntraclassCorrelation.independentUnits(new double[] {4, 4, 4}, 1), 1e-15);
        assertTrue(Double.isNaN(IntraclassCorrelation.independentUnits(new double[] {0, 0}, 0.05)));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.anova(new double[] {2}, new double[] {3}));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.independentUnits(new double[] {2}, 1.5));
    }
}
