package dev.lookback.decide;

import dev.lookback.draw.Plan;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.DecisionPolicy;
import dev.lookback.vocabulary.Indicator;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Role;
import dev.lookback.vocabulary.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's accountability rules (section 三(三)) decided over any indicators, by one evaluator: every
 * county × indicator that a rule reads gets a decision with its evidence, including counties without
 * data or without a listed leader.
 *
 * <p>For an indicator that is bad when high, with line T = {@code lines.get(indicator.line())}: a census
 * triggers when its value ≥ T; a sample is decided by the policy ({@link DecisionPolicy#outcome}). Where
 * what the policy reads is undefined the outcome is {@link Outcome#NO_DATA}, never triggered, never
 * cleared. A decision is fragile when its interval is undefined or reaches the other side of T; a census
 * and a decision without data never are.
 * For an indicator that is bad when low (satisfaction) the sides swap.
 */
public final class Decisions {

    private Decisions() {
    }

    /**
     * Decides every measurement whose indicator a rule reads (the city's {@code ALL} rows are not decided),
     * in the order given.
     *
     * @param measurements the counties' values
     * @param leaders      the leaders the rules reach
     * @param lines        the line of each {@link Line} (a missing one takes its default)
     * @param policy       how sampling uncertainty enters
     */
    public static List<Decision> decide(List<Measurement> measurements, Leaders leaders, Map<Line, Double> lines,
            DecisionPolicy policy) {
        List<Decision> out = new ArrayList<>();
        for (Measurement m : measurements) {
            Indicator indicator = m.indicator();
            if (ErrorRate.ALL.equals(m.county()) || indicator.rule().isEmpty()) {
                continue;
            }
            Rule rule = indicator.rule().get();
            double line = lines.getOrDefault(indicator.line(), indicator.line().defaultValue());
            boolean high = indicator.badWhenHigh();
            double v = m.estimate();
            Outcome outcome = m.census() ? (Double.isNaN(v) ? Outcome.NO_DATA : Outcome.of(high ? v >= line : v < line))
                    : policy.outcome(v, m.interval(), line, high);
            boolean triggered = outcome == Outcome.TRIGGERED;
            boolean fragile = !m.census() && outcome != Outcome.NO_DATA && fragile(m.interval(), line, triggered, high);
            int extra = fragile ? extraVillages(m.sample(), m.interval().level(), line) : -1;
            List<Evidence.Reached> reached = new ArrayList<>();
            for (Role role : rule.roles()) {
                reached.add(new Evidence.Reached(role, leaders.of(m.county(), role).stream().map(Leaders.Leader::name)
                        .toList()));
            }
            Evidence evidence = new Evidence(m.count(), m.of(), m.census() ? 0 : m.sample().clustersSampled(), m.census(),
                    reached, extra);
            out.add(new Decision(m.county(), rule, indicator, policy, v, m.interval(), line, outcome, fragile, evidence));
        }
        return out;
    }

    /**
     * Whether a decision is fragile: its interval is undefined or reaches the other side of the line
     * (for a triggered rate badWhenHigh, lower &lt; T; for one not triggered, upper ≥ T; mirrored when a
     * low value is bad).
     */
    public static boolean fragile(Interval ci, double threshold, boolean triggered, boolean badWhenHigh) {
        if (!ci.isDefined()) {
            return true;
        }
        boolean lowSide = ci.lower() < threshold;
        boolean highSide = ci.upper() >= threshold;
        return badWhenHigh == triggered ? lowSide : highSide;
    }

    /**
     * Villages to add so that the interval would probably no longer contain the threshold: the planner's
     * precision size for a margin |R̂ − T| at rate R̂, with the county's own design effect (from its SE),
     * minus the villages already sampled; −1 when the estimate cannot tell.
     */
    static int extraVillages(RatioEstimate e, double level, double threshold) {
        double p = e.estimate();
        double margin = Math.abs(p - threshold);
        int n = e.clustersSampled();
        int big = e.clustersInPopulation();
        if (Double.isNaN(p) || margin == 0 || n >= big || n < 1) {
            return -1;
        }
        double units = e.units() / n;
        double rho = Plan.rhoFromEstimate(p, e.standardError(), e.units(), n, big);
        if (Double.isNaN(rho)) {
            rho = Plan.TYPICAL_RHO; // no variance estimate (zero errors, one village)
        }
        int needed = Plan.villagesForPrecision(p, margin, level, Math.max(1, units), 0, rho, big);
        return Math.max(0, needed - n);
    }
}
