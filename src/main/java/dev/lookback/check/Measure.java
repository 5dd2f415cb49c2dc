package dev.lookback.check;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
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
 */
public enum Measure {
    MISSED("missed", "漏评率", EnumSet.of(Status.NON_POOR, Status.UNREGISTERED)),
    WRONG_INCLUSION("wrong_inclusion", "错评率", EnumSet.of(Status.POOR)),
    IDENTIFICATION("identification", "精准识别误差率", EnumSet.of(Status.POOR, Status.NON_POOR, Status.UNREGISTERED)),
    EXIT("exit", "精准退出误差率", EnumSet.of(Status.EXITED));

    private final String label;
    private final String chinese;
    private final Set<Status> domain;

    Measure(String label, String chinese, Set<Status> domain) {
        this.label = label;
        this.chinese = chinese;
        this.domain = domain;
    }

    /** The name in output files, e.g. {@code wrong_inclusion}. */
    public String label() {
        return label;
    }

    /** The Chinese name, e.g. 错评率. */
    public String chinese() {
        return chinese;
    }

    /** Whether a household of this status is in the measure's denominator. */
    public boolean inDomain(Status status) {
        return domain.contains(status);
    }

    /** Whether a household of the domain with this verdict counts as an error. */
    public boolean isError(Status status, boolean qualifies) {
        return inDomain(status) && Kind.of(status, qualifies) != Kind.CORRECT;
    }

    /** Reads a label or constant name, case-insensitive. */
    public static Measure parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Measure m : values()) {
            if (m.label.equals(s) || m.chinese.equals(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a measure; expected one of "
                + Arrays.stream(values()).map(Measure::label).collect(Collectors.joining(", ")));
    }
}
