package dev.lookback.decide;

import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.Indicator;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Role;
import dev.lookback.vocabulary.Rule;
import java.util.List;
import java.util.Objects;

/**
 * One county × indicator decision, as data: the rule, the indicator, the policy, the estimate and its
 * interval against the line, the outcome, whether it is fragile, and the evidence. {@code report} writes
 * it as a sentence in either language.
 *
 * @param county    county code
 * @param rule      the accountability rule
 * @param indicator the indicator decided on
 * @param policy    how uncertainty entered
 * @param estimate  the estimate (NaN: no data)
 * @param interval  its interval (the first interval method; the value itself for a census)
 * @param threshold the line
 * @param outcome   triggered or not
 * @param fragile   whether the other outcome lies inside the interval (or there is no interval)
 * @param risk      the p-value and its adjustment over the rule's decisions
 * @param evidence  the counts, the leaders reached, and the villages that would settle it
 */
public record Decision(String county, Rule rule, Indicator indicator, DecisionPolicy policy, double estimate,
        Interval interval, double threshold, Outcome outcome, boolean fragile, Risk risk, Evidence evidence) {

    public Decision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Whether the rule triggers. */
    public boolean triggered() {
        return outcome == Outcome.TRIGGERED;
    }

    /** The interval's lower bound. */
    public double lower() {
        return interval.lower();
    }

    /** The interval's upper bound. */
    public double upper() {
        return interval.upper();
    }

    /**
     * Whether the estimate alone is beyond the line but the policy does not trigger: "above the line, not proven"
     * (for a rate bad when high, R̂ ≥ T and not triggered). The plan's literal reading would accuse; the evidence does
     * not prove it: the follow-up's first candidates. Never for a census or a decision without data.
     */
    public boolean aboveLineNotProven() {
        if (outcome != Outcome.NOT_TRIGGERED || Double.isNaN(estimate)) {
            return false;
        }
        return indicator.badWhenHigh() ? estimate >= threshold : estimate < threshold;
    }

    /**
     * How sure the finding is, in words: proven (the interval at the decision's level lies beyond the line), above
     * the line but not proven, below the line, or no data; the same whatever the policy that decided.
     */
    public dev.lookback.vocabulary.Sureness sureness() {
        if (outcome == Outcome.NO_DATA) {
            return dev.lookback.vocabulary.Sureness.NO_DATA;
        }
        return dev.lookback.vocabulary.Sureness.of(estimate, interval.lower(), interval.upper(), threshold,
                indicator.badWhenHigh());
    }

    /** The villages to add that would probably settle a fragile decision (−1: none or unknown). */
    public int extraVillages() {
        return evidence.extraVillages();
    }

    /** The roles the rule reaches. */
    public List<Role> roles() {
        return evidence.reached().stream().map(Evidence.Reached::role).toList();
    }

    /** The leaders' names, one entry per role ("?" where leaders.csv lists none). */
    public List<String> names() {
        return evidence.reached().stream().map(Evidence.Reached::joined).toList();
    }

    @Override
    public String toString() {
        return county + " " + rule.label() + " " + indicator.label() + ": " + outcome.label() + (fragile ? " (fragile)" : "")
                + ", " + Formats.percent(estimate) + " [" + Formats.percent(lower()) + ", " + Formats.percent(upper())
                + "] vs " + Formats.percent(threshold) + ", " + policy.label() + ", p " + Formats.number(risk.pValue())
                + " (Holm " + Formats.number(risk.pAdjusted()) + ") — " + String.join("; ", names());
    }
}
