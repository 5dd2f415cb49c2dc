package dev.lookback.survey;

import java.util.Locale;

/** Human formatting of numbers for {@code toString}s. */
public final class Formats {
    private Formats() {
    }

    /** A proportion as a percentage with two decimals, {@code NaN} as "NA". */
    public static String percent(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return String.format(Locale.ROOT, "%.2f%%", 100 * p);
    }

    /** A count or df: an integer when it is one, else four significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
