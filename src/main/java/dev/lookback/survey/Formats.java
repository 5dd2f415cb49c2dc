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
        return fixed(100 * p, 2) + "%";
    }

    /**
     * A number with a fixed count of decimals, rounded half up, without {@link String#format}
     * (whose first use costs a noticeable part of a command's run).
     */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e15) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(v) * scale);
        StringBuilder sb = new StringBuilder();
        if (v < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        if (decimals > 0) {
            String frac = Long.toString(units % scale);
            sb.append('.');
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** A count or df: an integer when it is one, else four significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String g = String.format(Locale.ROOT, "%.4g", v);
        // four significant digits without trailing zeros: 97.5, not 97.50
        return g.contains(".") && !g.contains("e") ? g.replaceAll("0+$", "").replaceAll("\\.$", "") : g;
    }
}
