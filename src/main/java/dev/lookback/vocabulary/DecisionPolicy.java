package dev.lookback.vocabulary;

import dev.lookback.survey.Interval;
import java.util.Locale;

/**
 * How sampling uncertainty enters a decision against a threshold T, for a rate that is bad when high:
 * <ul>
 *   <li>{@link #POINT}: the estimate, R̂ ≥ T (the plan as written);</li>
 *   <li>{@link #CONFIDENT}: the interval lies wholly at or beyond T, lower ≥ T (the evidence proves it:
 *       few compliant units are wrongly accused, more failing ones escape);</li>
 *   <li>{@link #PRECAUTIONARY}: the interval reaches T, upper ≥ T (audit practice for clearing a unit:
 *       few failing ones escape, more compliant ones are flagged); an undefined interval triggers.</li>
 * </ul>
 * For a rate that is bad when low (satisfaction) the bounds swap roles.
 */
public enum DecisionPolicy implements Term {
    POINT,
    CONFIDENT,
    PRECAUTIONARY;

    /**
     * Whether the rule triggers.
     *
     * @param estimate   R̂
     * @param ci         its interval
     * @param threshold  T
     * @param badWhenHigh true for error rates (trigger at or above T), false for satisfaction (below T)
     */
    public boolean triggers(double estimate, Interval ci, double threshold, boolean badWhenHigh) {
        if (Double.isNaN(estimate)) {
            return this == PRECAUTIONARY;
        }
        double near = badWhenHigh ? ci.lower() : ci.upper();
        double far = badWhenHigh ? ci.upper() : ci.lower();
        switch (this) {
            case POINT:
                return badWhenHigh ? estimate >= threshold : estimate < threshold;
            case CONFIDENT:
                return !Double.isNaN(near) && (badWhenHigh ? near >= threshold : near < threshold);
            case PRECAUTIONARY:
                return Double.isNaN(far) || (badWhenHigh ? far >= threshold : far < threshold);
            default:
                throw new AssertionError(this);
        }
    }

    /** Reads {@code point}, {@code confident} or {@code precautionary}. */
    public static DecisionPolicy parse(String text) {
        for (DecisionPolicy p : values()) {
            if (p.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a policy; expected point, confident or precautionary");
    }
}
