package dev.lookback.vocabulary;

/**
 * The kinds of data-quality finding (数据质量问题): each says what was done; only {@link #MISMATCHED} makes the review
 * unusable for its county.
 */
public enum FindingType implements Term {
    /** A record that could not be read (bad value, missing value); it is left out. */
    BAD_RECORD,
    /** A household id that appears twice in one file; the later record is left out. */
    DUPLICATE,
    /** A register household of a sampled village that the spot check did not cover. */
    NOT_COVERED,
    /** A spot-checked household whose county or village differs from the register's. */
    LOCATION_DIFFERS,
    /** A spot-checked household in a village that is not in the sample; it is left out. */
    NOT_IN_SAMPLE,
    /** The verified persons differ from the register's. */
    PERSONS_DIFFER,
    /** A sampled village with no spot-checked household. */
    VILLAGE_NOT_CHECKED,
    /** A county of the frame with no sampled village: the city row does not cover it. */
    COUNTY_NOT_SAMPLED,
    /** Many spot-checked households are not in the register: ids that do not match, or a partial register. */
    MANY_UNREGISTERED,
    /** Equal inclusion probabilities that look like a rounded n_h/N_h but are not equal to it. */
    PROBABILITY_ROUNDED,
    /** Tallies in persons without household counts: the zero-error bound counts persons as independent. */
    NO_HOUSEHOLD_COUNTS,
    /**
     * A sampled village whose spot check and register do not describe the same households (the match gate): its
     * households are left out of every estimate, list and decision, and its county has no data.
     */
    MISMATCHED,
    /** Tallies without the match counts of their villages: the match gate could not be applied. */
    NO_MATCH_COUNTS;

    /** As in data_quality.csv: the constant's name. */
    @Override
    public String label() {
        return name();
    }
}
