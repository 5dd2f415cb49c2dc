package dev.lookback.survey;

/**
 * What a stratum with a single sampled cluster contributes to the variance of an estimate that
 * spans several strata (R survey's {@code options(survey.lonely.psu = ...)}).
 *
 * <p>A single cluster gives no within-stratum variance estimate, so a row for that stratum alone
 * always has standard error {@code NaN}; this policy only decides its share of a wider row.
 */
public enum LonelyPsu {
    /**
     * The cluster's deviation is taken from the grand mean of the linearised values, which is 0
     * for a ratio: the stratum contributes (1 − f_h)·t_h² with t_h = Σ z of its cluster (R's
     * {@code "adjust"}; the default, and conservative).
     */
    ADJUST,
    /** The stratum contributes nothing, as if its cluster had been taken with certainty. */
    CERTAINTY,
    /** Refuse to estimate a row that includes such a stratum. */
    FAIL
}
