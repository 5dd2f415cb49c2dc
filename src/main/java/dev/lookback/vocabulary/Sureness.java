package dev.lookback.vocabulary;

/**
 * How sure a decision's finding is, in words, whatever the policy: proven (证据充分: the interval at the decision's
 * level lies beyond the line), above the line but not proven (超线但未证实: the estimate is beyond it, the interval
 * reaches back across it: a follow-up candidate), below the line (未超线: the estimate is within it), or no data.
 * The first screen of the report, the summary and the workbook's first sheet say it with its meaning in one line
 * ({@link #chineseDetail()}, {@link #englishDetail()}).
 */
public enum Sureness implements Term {
    PROVEN,
    ABOVE_NOT_PROVEN,
    BELOW,
    NO_DATA;

    /** The words a finding with data is said in, in order (what the report and the summary explain). */
    public static java.util.List<Sureness> withData() {
        return java.util.List.of(PROVEN, ABOVE_NOT_PROVEN, BELOW);
    }

    /**
     * The sureness of an estimate and its interval against a line: for a rate bad when high, proven when the lower
     * bound is at or above the line, above-not-proven when only the estimate is, below otherwise (mirrored when a low
     * value is bad); no data when the estimate is undefined. An undefined interval proves nothing.
     */
    public static Sureness of(double estimate, double lower, double upper, double line, boolean badWhenHigh) {
        if (Double.isNaN(estimate)) {
            return NO_DATA;
        }
        boolean beyond = badWhenHigh ? estimate >= line : estimate < line;
        if (!beyond) {
            return BELOW;
        }
        boolean proven = badWhenHigh ? lower >= line : upper < line; // NaN bounds compare false: not proven
        return proven ? PROVEN : ABOVE_NOT_PROVEN;
    }
}
