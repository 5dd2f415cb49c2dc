package dev.lookback.vocabulary;

import java.util.Optional;

/**
 * The assistance link (帮扶工作落实), read by the rule {@link Rule#ASSISTANCE}: cadres' non-compliance
 * (bad when high, against the tolerance) and households' satisfaction (bad when low, against the
 * standard).
 */
public enum AssistanceMeasure implements Indicator {
    /** Cadres with too few months in the village, an unapproved replacement, or tasks not done, over cadres. */
    CADRE_NONCOMPLIANCE(true, Line.CADRE_TOLERANCE),
    /** 满意 and 基本满意 over all answers. */
    SATISFACTION(false, Line.SATISFACTION_STANDARD);

    private final boolean badWhenHigh;
    private final Line line;

    AssistanceMeasure(boolean badWhenHigh, Line line) {
        this.badWhenHigh = badWhenHigh;
        this.line = line;
    }

    @Override
    public boolean badWhenHigh() {
        return badWhenHigh;
    }

    @Override
    public Line line() {
        return line;
    }

    /** What the rate counts, as estimates.csv's {@code unit}: {@code cadres} or {@code households} (the answers). */
    public String unit() {
        return this == CADRE_NONCOMPLIANCE ? "cadres" : Unit.HOUSEHOLDS.label();
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.ASSISTANCE);
    }
}
