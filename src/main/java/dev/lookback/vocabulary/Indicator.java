package dev.lookback.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the review measures and may decide on: the error rates ({@link Measure}), the assistance link
 * ({@link AssistanceMeasure}) and the fund link ({@link FundMeasure}). Each knows its code in files, its
 * names (the text table), whether it is bad when high, the line it is held against, and the rule that
 * reads it. Adding an indicator is adding a constant to one of these enums and a row to {@code NamesTable}.
 */
public sealed interface Indicator extends Term permits Measure, AssistanceMeasure, FundMeasure {

    /** True when a value at or above the line is bad (errors), false when a value below it is (satisfaction). */
    boolean badWhenHigh();

    /** The configured line it is held against. */
    Line line();

    /** The accountability rule that reads it, if any (漏评率 and 错评率 inform, they do not decide). */
    Optional<Rule> rule();

    /** Every indicator: the error measures, then assistance, then funds. */
    static List<Indicator> values() {
        List<Indicator> all = new ArrayList<>(Arrays.asList(Measure.values()));
        all.addAll(Arrays.asList(AssistanceMeasure.values()));
        all.addAll(Arrays.asList(FundMeasure.values()));
        return List.copyOf(all);
    }

    /** The indicator with a code (as in decisions.csv), constant name or Chinese name. */
    static Indicator parse(String text) {
        for (Indicator i : values()) {
            if (i.label().equals(text.strip()) || i.name().equalsIgnoreCase(text.strip()) || i.chinese().equals(text.strip())) {
                return i;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not an indicator; expected one of "
                + values().stream().map(Indicator::label).collect(Collectors.joining(", ")));
    }
}
