package dev.lookback.decide;

import dev.lookback.draw.TriggerRule;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Term;
import java.util.Locale;

/**
 * How sampling uncertainty enters a decision against a threshold T, for a rate that is bad when high:
 * <ul>
 *   <li>{@link #POINT}: the estimate, R̂ ≥ T (the plan as written);</li>
 *   <li>{@link #CONFIDENT}: the interval lies wholly at or beyond T, lower ≥ T (the evidence proves it:
 *       few compliant units are wrongly accused, more failing ones escape);</li>
 *   <li>{@link #PRECAUTIONARY}: the interval reaches T, upper ≥ T (audit practice for clearing a unit:
 *       few failing ones escape, more compliant ones are flagged).</li>
 * </ul>
 * Where what a policy reads is undefined (no estimate; no interval for a bound-reading policy) the outcome
 * is {@link Outcome#NO_DATA}: it neither triggers nor clears.
 * For a rate that is bad when low (satisfaction) the bounds swap roles.
 *
 * <p>Each rule is written once, as what it reads ({@link #reads(boolean)}); the decisions
 * ({@link #outcome}), the risk simulation and the planner ({@link dev.lookback.draw.RiskSimulation},
 * {@link dev.lookback.draw.Plan}) all read it from there.
 */
public enum DecisionPolicy implements Term, TriggerRule {
    POINT,
    CONFIDENT,
    /**
     * Holm's step-down over the rule's decisions in the review: a county is triggered when its adjusted
     * p-value is at most (1 − level)/2, so the chance that the review accuses any compliant county, over all
     * its counties and measures, stays within (1 − level)/2. Decided by the evaluator, which sees every
     * decision; read alone (a chart without decisions) it reads the lower bound, as {@link #CONFIDENT}.
     */
    FAMILY_WISE,
    PRECAUTIONARY;

    /** The name on the command line and in files: {@code point}, {@code confident}, {@code family-wise}, {@code precautionary}. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * What the policy reads: R̂ ({@link #POINT}), the bound on the good side of the line ({@link #CONFIDENT} and
     * {@link #FAMILY_WISE}: the lower bound for a rate that is bad when high), or the bound on the bad side
     * ({@link #PRECAUTIONARY}: the upper bound).
     */
    @Override
    public Reads reads(boolean badWhenHigh) {
        switch (this) {
            case POINT:
                return Reads.ESTIMATE;
            case CONFIDENT:
            case FAMILY_WISE:
                return badWhenHigh ? Reads.LOWER : Reads.UPPER;
            case PRECAUTIONARY:
                return badWhenHigh ? Reads.UPPER : Reads.LOWER;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Holm's first, strictest step for {@link #FAMILY_WISE}: the confident rule at 1 − (1 − level)/m over a family of
     * m decisions (the rule's risk of triggering any one of them); {@code level} for the others.
     */
    @Override
    public double level(double level, int family) {
        return this == FAMILY_WISE ? 1 - (1 - level) / Math.max(1, family) : level;
    }

    @Override
    public boolean familyWise() {
        return this == FAMILY_WISE;
    }

    /** The value the policy reads of an estimate and its interval ({@link #reads(boolean)}). */
    public double reads(double estimate, Interval ci, boolean badWhenHigh) {
        switch (reads(badWhenHigh)) {
            case ESTIMATE:
                return estimate;
            case LOWER:
                return ci.lower();
            case UPPER:
                return ci.upper();
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The outcome: {@link Outcome#NO_DATA} when there is no estimate or what the policy reads is {@code NaN}
     * (no data never triggers and never clears); else triggered when what it reads is at or beyond T.
     *
     * @param estimate    R̂
     * @param ci          its interval
     * @param threshold   T
     * @param badWhenHigh true for error rates (trigger at or above T), false for satisfaction (below T)
     */
    public Outcome outcome(double estimate, Interval ci, double threshold, boolean badWhenHigh) {
        double q = Double.isNaN(estimate) ? Double.NaN : reads(estimate, ci, badWhenHigh);
        if (Double.isNaN(q)) {
            return Outcome.NO_DATA;
        }
        return Outcome.of(badWhenHigh ? q >= threshold : q < threshold);
    }

    /** Whether the rule triggers: {@link #outcome} is {@link Outcome#TRIGGERED}. */
    public boolean triggers(double estimate, Interval ci, double threshold, boolean badWhenHigh) {
        return outcome(estimate, ci, threshold, badWhenHigh) == Outcome.TRIGGERED;
    }

    /** Reads {@code point}, {@code confident} or {@code precautionary}. */
    public static DecisionPolicy parse(String text) {
        for (DecisionPolicy p : values()) {
            if (p.label().equals(text.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a policy; expected point, confident, family-wise or"
                + " precautionary");
    }
}
