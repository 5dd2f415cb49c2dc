package dev.lookback.vocabulary;

import java.util.Optional;

/**
 * The fund link (资金使用), read by the rule {@link Rule#FUNDS} against the materiality: the counties check
 * all their projects, so these are counts with no sampling error.
 */
public enum FundMeasure implements Indicator {
    /** Σ misused / Σ audited amount. */
    MISUSED_SHARE,
    /** Projects overdue or not started over projects. */
    OVERDUE_SHARE;

    @Override
    public boolean badWhenHigh() {
        return true;
    }

    @Override
    public Line line() {
        return Line.MATERIALITY;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.FUNDS);
    }
}
