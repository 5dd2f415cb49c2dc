package dev.lookback.survey;

import java.util.Locale;

/**
 * A confidence interval for a proportion.
 *
 * @param lower  lower bound ({@code NaN} when the design gives no interval)
 * @param upper  upper bound
 * @param method how it was computed
 * @param level  confidence level, e.g. 0.95
 * @param note   why the interval is special (exact bound, census, undefined), or empty
 */
public record Interval(double lower, double upper, IntervalMethod method, double level, String note) {

    /** Whether both bounds are numbers. */
    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** Whether {@code value} lies within [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** upper − lower. */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s, %s] %s %s%%%s", Formats.percent(lower), Formats.percent(upper),
                method.abbreviation(), Formats.number(100 * level), note.isEmpty() ? "" : " (" + note + ")");
    }
}
