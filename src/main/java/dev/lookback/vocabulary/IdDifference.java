package dev.lookback.vocabulary;

/**
 * How two writings of one id differ when they are the same after normalisation: what a spreadsheet or a typist does
 * to ids (see {@code dev.lookback.check.Ids}).
 */
public enum IdDifference implements Term {
    /** Leading zeros dropped (Excel reading an id as a number). */
    LEADING_ZEROS,
    /** Spaces before, after or inside. */
    SPACES,
    /** Full-width digits or letters (０４３０), as Chinese input methods type them. */
    FULL_WIDTH,
    /** Upper and lower case. */
    CASE,
    /** A number written in scientific notation (4.30121E+11) or with a decimal part (430121.0). */
    NUMBER_FORMAT;

    /** As in messages and the manifest: the constant's name. */
    @Override
    public String label() {
        return name();
    }
}
