package dev.lookback.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The interval formulas against textbook values, and every boundary over every method. */
class IntervalMethodTest {
    private static final double EXACT = 1e-12;

    private static RatioEstimate estimate(double p, double se, double df, double units, EstimateStatus status) {
        return new RatioEstimate("C01", p, se, df, units, p * units, 4, 15, status);
    }

    /** A simple random sample: SE² = p(1 − p)/n and df = n − 1, so n_eff = n. */
    private static RatioEstimate simpleRandomSample(int errors, int n) {
        double p = (double) errors / n;
        return estimate(p, Math.sqrt(p * (1 - p) / n), n - 1, n, EstimateStatus.OK);
    }

    @Test
    void kornGraubardIsClopperPearsonForASimpleRandomSample() {
        // R 4.2.2: binom.test(5, 20)$conf.int; binom.test(3, 50, conf.level = 0.9)$conf.int
        Interval ci = simpleRandomSample(5, 20).interval(IntervalMethod.KORN_GRAUBARD, 0.95);
        assertEquals(0.086571469101434567, ci.lower(), 1e-10);
        assertEquals(0.491045871707957549, ci.upper(), 1e-10);
        Interval ninety = simpleRandomSample(3, 50).interval(IntervalMethod.KORN_GRAUBARD, 0.90);
        assertEquals(0.016551859189231344, ninety.lower(), 1e-10);
        assertEquals(0.147837176364181255, ninety.upper(), 1e-10);
    }

    @Test
    void kornGraubardNbCapsTheEffectiveSizeAtTheIndependentUnits() {
        // 12 errors in 400 persons, SE 0.005 over 14 df: n_eff·(t ratio)² ≈ 978 > n = 400, so KG uses 400;
        // with n_b = 60 independent households the capped form uses 60: R 4.2.2,
        // qbeta(0.025, 0.03 * 60, 0.97 * 60 + 1) and qbeta(0.975, 0.03 * 60 + 1, 0.97 * 60)
        RatioEstimate e = estimate(0.03, 0.005, 14, 400, EstimateStatus.OK).withIndependentUnits(60);
        Interval kg = e.interval(IntervalMethod.KORN_GRAUBARD, 0.95);
        Interval nb = e.interval(IntervalMethod.KORN_GRAUBARD_NB, 0.95);
        assertEquals(org.apache.commons.statistics.distribution.BetaDistribution.of(13, 388)
                .inverseCumulativeProbability(0.975), kg.upper(), 1e-12);
        assertEquals(0.003068267637629562, nb.lower(), 1e-10);
        assertEquals(0.11029188978617277, nb.upper(), 1e-10);
        // where the variance already says less than n_b units, the two agree
        RatioEstimate wide = estimate(0.03, 0.03, 14, 400, EstimateStatus.OK).withIndependentUnits(60);
        assertEquals(wide.interval(IntervalMethod.KORN_GRAUBARD, 0.95).upper(),
                wide.interval(IntervalMethod.KORN_GRAUBARD_NB, 0.95).upper(), EXACT);
        // and as the errors vanish its upper bound tends to the zero-error bound over n_b, 1 − 0.025^(1/60)
        double zero = estimate(0, 0, 14, 400, EstimateStatus.OK).withIndependentUnits(60)
                .interval(IntervalMethod.KORN_GRAUBARD_NB, 0.95).upper();
        double tiny = estimate(1e-9, 1e-6, 14, 400, EstimateStatus.OK).withIndependentUnits(60)
                .interval(IntervalMethod.KORN_GRAUBARD_NB, 0.95).upper();
        assertEquals(-Math.expm1(Math.log(0.025) / 60), zero, EXACT);
        assertEquals(zero, tiny, 1e-6);
    }

    @Test
    void wilsonIsTheScoreIntervalWhenTheDesignIsASimpleRandomSample() {
        // R 4.2.2: prop.test(5, 20, correct = FALSE)$conf.int uses z; a t with 10^9 df is z to 1e-9
        RatioEstimate e = estimate(0.25, Math.sqrt(0.25 * 0.75 / 20), 1e9, 20, EstimateStatus.OK);
        Interval ci = e.interval(IntervalMethod.WILSON, 0.95);
        assertEquals(0.11186170140766569, ci.lower(), 1e-8);
        assertEquals(0.46870087761874396, ci.upper(), 1e-8);
    }

    @Test
    void waldIsEstimatePlusMinusTTimesSeClippedAtZero() {
        double t = 3.182446305284263; // qt(0.975, 3)
        Interval ci = estimate(0.1, 0.02, 3, 100, EstimateStatus.OK).interval(IntervalMethod.WALD, 0.95);
        assertEquals(0.1 - t * 0.02, ci.lower(), EXACT);
        assertEquals(0.1 + t * 0.02, ci.upper(), EXACT);
        Interval clipped = estimate(0.01, 0.02, 3, 100, EstimateStatus.OK).interval(IntervalMethod.WALD, 0.95);
        assertEquals(0, clipped.lower());
    }

    @Test
    void logitIsSymmetricOnTheLogitScale() {
        double t = 3.182446305284263;
        double p = 0.1;
        double se = 0.02;
        Interval ci = estimate(p, se, 3, 100, EstimateStatus.OK).interval(IntervalMethod.LOGIT, 0.95);
        double half = t * se / (p * (1 - p));
        assertEquals(Math.log(p / (1 - p)) - half, Math.log(ci.lower() / (1 - ci.lower())), 1e-10);
        assertEquals(Math.log(p / (1 - p)) + half, Math.log(ci.upper() / (1 - ci.upper())), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(IntervalMethod.class)
    void zeroErrorsGiveTheExactBoundExceptWald(IntervalMethod method) {
        Interval ci = estimate(0, 0, 3, 211, EstimateStatus.OK).interval(method, 0.95);
        assertEquals(0, ci.lower());
        // 1 − 0.025^(1/211), R 4.2.2
        assertEquals(method == IntervalMethod.WALD ? 0 : 0.017330902875054677, ci.upper(), EXACT);
        // and it equals the one-sided Clopper–Pearson bound: binom.test(0, 20)$conf.int
        Interval twenty = estimate(0, 0, 3, 20, EstimateStatus.OK).interval(method, 0.95);
        assertEquals(method == IntervalMethod.WALD ? 0 : 0.16843347098308536, twenty.upper(), EXACT);
    }

    @ParameterizedTest
    @EnumSource(IntervalMethod.class)
    void allErrorsGiveTheMirroredBound(IntervalMethod method) {
        Interval ci = estimate(1, 0, 3, 20, EstimateStatus.OK).interval(method, 0.95);
        assertEquals(method == IntervalMethod.WALD ? 1 : 1 - 0.16843347098308536, ci.lower(), EXACT);
        assertEquals(1, ci.upper());
    }

    @ParameterizedTest
    @EnumSource(IntervalMethod.class)
    void aCensusHasNoSamplingError(IntervalMethod method) {
        Interval ci = estimate(0.05, 0, 14, 230, EstimateStatus.CENSUS).interval(method, 0.95);
        assertEquals(0.05, ci.lower());
        assertEquals(0.05, ci.upper());
        assertEquals("census", ci.note());
        Interval zero = estimate(0, 0, 14, 230, EstimateStatus.CENSUS).interval(method, 0.95);
        assertEquals(0, zero.upper(), "a census with no errors has no errors");
    }

    @ParameterizedTest
    @EnumSource(value = EstimateStatus.class, names = {"EMPTY_DOMAIN", "SINGLE_CLUSTER", "NO_DEGREES_OF_FREEDOM"})
    void undefinedDesignsGiveNaNWithTheReason(EstimateStatus status) {
        for (IntervalMethod method : IntervalMethod.values()) {
            // even at zero errors: no variance estimate outranks the exact bound
            Interval ci = estimate(0, Double.NaN, 0, 20, status).interval(method, 0.95);
            assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()), method + " " + status);
            assertEquals(status.reason(), ci.note());
            assertTrue(!ci.isDefined());
        }
    }

    @ParameterizedTest
    @EnumSource(value = IntervalMethod.class, names = "BOOTSTRAP", mode = EnumSource.Mode.EXCLUDE)
    void boundsStayInsideTheUnitIntervalAndAroundTheEstimate(IntervalMethod method) {
        for (double p : new double[] {1e-4, 0.01, 0.3, 0.5, 0.97, 0.9999}) {
            for (double se : new double[] {1e-5, 0.01, 0.2}) {
                Interval ci = estimate(p, se, 7, 500, EstimateStatus.OK).interval(method, 0.95);
                assertTrue(0 <= ci.lower() && ci.lower() <= p && p <= ci.upper() && ci.upper() <= 1,
                        method + " p=" + p + " se=" + se + " " + ci);
            }
        }
    }

    @Test
    void levelMustBeAProbability() {
        RatioEstimate e = simpleRandomSample(5, 20);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.interval(IntervalMethod.WALD, 95));
        assertEquals("confidence level must be in (0, 1), got 95.0", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.interval(IntervalMethod.WALD, Double.NaN));
    }

    @Test
    void methodsParseByLabelAndByRName() {
        assertEquals(IntervalMethod.KORN_GRAUBARD, IntervalMethod.parse("korn-graubard"));
        assertEquals(IntervalMethod.KORN_GRAUBARD, IntervalMethod.parse("beta"));
        assertEquals(IntervalMethod.KORN_GRAUBARD_NB, IntervalMethod.parse("kg-nb"));
        assertEquals(IntervalMethod.LOGIT, IntervalMethod.parse("xlogit"));
        assertEquals(IntervalMethod.WILSON, IntervalMethod.parse(" WILSON "));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("exact"));
        assertEquals("\"exact\" is not an interval method; expected one of wald, logit, korn-graubard, korn-graubard-nb, wilson, bootstrap",
                ex.getMessage());
    }

    @Test
    void printsLikeR() {
        Interval ci = estimate(0, 0, 3, 211, EstimateStatus.OK).interval(IntervalMethod.KORN_GRAUBARD, 0.95);
        assertEquals("[0.00%, 1.73%] KG 95% (exact bound, no errors)", ci.toString());
    }
}
