package dev.lookback.vocabulary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An error rate of the review: errors over the units of a domain of register statuses.
 *
 * <pre>
 *   missed           漏评率          NON_POOR + UNREGISTERED          MISSED
 *   wrong_inclusion  错评率          POOR                             WRONGLY_INCLUDED
 *   identification   精准识别误差率  POOR + NON_POOR + UNREGISTERED   MISSED + WRONGLY_INCLUDED
 *   exit             精准退出误差率  EXITED                           WRONGLY_EXITED
 * </pre>
 * Identification and exit are read by the rule {@link Rule#IDENTIFICATION_EXIT}; all four are held against
 * the threshold {@link Line#ERROR_THRESHOLD}.
 */
public enum Measure implements Indicator {
    MISSED(null, Status.NON_POOR, Status.UNREGISTERED),
    WRONG_INCLUSION(null, Status.POOR),
    IDENTIFICATION(Rule.IDENTIFICATION_EXIT, Status.POOR, Status.NON_POOR, Status.UNREGISTERED),
    EXIT(Rule.IDENTIFICATION_EXIT, Status.EXITED);

    private final Rule rule;
    private final Set<Status> domain;

    Measure(Rule rule, Status first, Status... rest) {
        this.rule = rule;
        this.domain = EnumSet.of(first, rest);
    }

    @Override
    public boolean badWhenHigh() {
        return true;
    }

    @Override
    public Line line() {
        return Line.ERROR_THRESHOLD;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }

    /** Whether a household of this status is in the measure's denominator. */
    public boolean inDomain(Status status) {
        return domain.contains(status);
    }

    /** Whether a household of the domain with this verdict counts as an error. */
    public boolean isError(Status status, boolean qualifies) {
        return inDomain(status) && Kind.of(status, qualifies) != Kind.CORRECT;
    }

    /** Reads a code, constant name or Chinese name, case-insensitive. */
    public static Measure parse(String text) {
        Measure m = Names.parse(Measure.class, text);
        if (m == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a measure; expected one of "
                    + Arrays.stream(values()).map(Measure::label).collect(Collectors.joining(", ")));
        }
        return m;
    }
}
