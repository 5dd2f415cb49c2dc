package dev.lookback.decide;

import dev.lookback.draw.Plan;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
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
        return decide(measurements, leaders, lines, policy, Double.NaN);
    }

    /**
     * As {@link #decide(List, Leaders, Map, DecisionPolicy)}, with a fragile decision's villages to settle sized for
     * the interval at {@code settleLevel}: the next round's level when rounds are declared (the decision is settled
     * there); {@code NaN}: each decision's own level.
     */
    public static List<Decision> decide(List<Measurement> measurements, Leaders leaders, Map<Line, Double> lines,
            DecisionPolicy policy, double settleLevel) {
        Core core = core(measurements, lines);
        List<Measurement> decided = core.decided();
        int n = decided.size();
        double[] line = core.line();
        double[] p = core.p();
        double[] adjusted = core.adjusted();
        int[] family = core.family();
        Outcome[] outcomes = outcomes(core, policy);
        boolean[] fragile = new boolean[n];
        for (int k = 0; k < n; k++) {
            Measurement m = decided.get(k);
            fragile[k] = !m.census() && outcomes[k] != Outcome.NO_DATA && fragile(m.interval(), line[k],
                    outcomes[k] == Outcome.TRIGGERED, m.indicator().badWhenHigh());
        }
        // the simulations are independent (each its own seed): both cores
        double[] chance = java.util.stream.IntStream.range(0, n).parallel().mapToDouble(k -> {
            Measurement m = decided.get(k);
            boolean high = m.indicator().badWhenHigh();
            if (m.census()) {
                return Double.isNaN(m.estimate()) ? Double.NaN : high ? 1 : 0;
            }
            if (m.simulation() == null || Double.isNaN(p[k])) {
                return Double.NaN;
            }
            return m.simulation().triggerChance(line[k], line[k], high, policy, family[k]);
        }).toArray();
        int[] extra = java.util.stream.IntStream.range(0, n).parallel().map(k -> {
            Measurement m = decided.get(k);
            double at = Double.isNaN(settleLevel) ? m.interval().level() : settleLevel;
            return !fragile[k] ? -1 : m.simulation() != null
                    ? m.simulation().withLevel(at).villagesToSettle(RiskSimulation.Plausible.of(m.sample()), line[k])
                    : extraVillages(m.sample(), at, line[k]);
        }).toArray();
        List<Decision> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Measurement m = decided.get(k);
            Rule rule = m.indicator().rule().get();
            List<Evidence.Reached> reached = new ArrayList<>();
            for (Role role : rule.roles()) {
                reached.add(new Evidence.Reached(role, leaders.of(m.county(), role).stream().map(Leaders.Leader::name)
                        .toList()));
            }
            boolean withheld = !m.census() && m.sample().status() == EstimateStatus.WITHHELD;
            Evidence evidence = new Evidence(m.count(), m.of(), m.census() ? 0 : m.sample().clustersSampled(), m.census(),
                    reached, extra[k], withheld);
            out.add(new Decision(m.county(), rule, m.indicator(), policy, m.estimate(), m.interval(), line[k], outcomes[k],
                    fragile[k], new Risk(p[k], adjusted[k], chance[k]), evidence));
        }
        return out;
    }

    /**
     * What every decision rests on whatever the policy: the measurements a rule reads, their lines, p-values,
     * Holm adjustments and the size of each one's family (the rule's decisions with data).
     */
    record Core(List<Measurement> decided, double[] line, double[] p, double[] adjusted, int[] family) {
    }

    /** The policy-free part of the decisions (p-values by bisection: computed once, shared by every policy). */
    static Core core(List<Measurement> measurements, Map<Line, Double> lines) {
        List<Measurement> decided = new ArrayList<>();
        for (Measurement m : measurements) {
            if (!ErrorRate.ALL.equals(m.county()) && m.indicator().rule().isPresent()) {
                decided.add(m);
            }
        }
        int n = decided.size();
        double[] line = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            Measurement m = decided.get(k);
            line[k] = lines.getOrDefault(m.indicator().line(), m.indicator().line().defaultValue());
            p[k] = pValue(m, line[k]);
        }
        double[] adjusted = new double[n];
        for (Rule rule : Rule.values()) {
            List<Integer> of = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (decided.get(k).indicator().rule().get() == rule) {
                    of.add(k);
                }
            }
            double[] ps = new double[of.size()];
            for (int k = 0; k < ps.length; k++) {
                ps[k] = p[of.get(k)];
            }
            double[] h = holm(ps);
            for (int k = 0; k < ps.length; k++) {
                adjusted[of.get(k)] = h[k];
            }
        }
        int[] family = new int[n];
        for (int k = 0; k < n; k++) {
            Rule r = decided.get(k).indicator().rule().get();
            for (int j = 0; j < n; j++) {
                if (decided.get(j).indicator().rule().get() == r && !Double.isNaN(p[j])) {
                    family[k]++;
                }
            }
        }
        return new Core(decided, line, p, adjusted, family);
    }

    /** The outcome of every decision of a core under a policy. */
    static Outcome[] outcomes(Core core, DecisionPolicy policy) {
        int n = core.decided().size();
        Outcome[] outcomes = new Outcome[n];
        for (int k = 0; k < n; k++) {
            Measurement m = core.decided().get(k);
            boolean high = m.indicator().badWhenHigh();
            double v = m.estimate();
            double line = core.line()[k];
            if (m.census()) {
                outcomes[k] = Double.isNaN(v) ? Outcome.NO_DATA : Outcome.of(high ? v >= line : v < line);
            } else if (policy == DecisionPolicy.FAMILY_WISE) {
                outcomes[k] = Double.isNaN(core.adjusted()[k]) ? Outcome.NO_DATA
                        : Outcome.of(core.adjusted()[k] <= (1 - m.interval().level()) / 2);
            } else {
                outcomes[k] = policy.outcome(v, m.interval(), line, high);
            }
        }
        return outcomes;
    }

    /**
     * The one-sided p-value of a measurement against its line, by inverting its interval method: the
     * smallest α/2 in (0, ½) at which the interval at level 1 − 2·(α/2) lies wholly beyond the line (lower
     * bound ≥ T when bad when high, upper bound &lt; T when bad when low), found by bisection to 12 significant digits over
     * [1e-15, ½ − 1e-9]; 1 when there is none. A census: 0 beyond the line, else 1. {@code NaN} without an estimate or where the design
     * gives no interval. A bootstrap interval is inverted through its replicates (the percentiles).
     * So {@link DecisionPolicy#CONFIDENT} triggers exactly when p ≤ (1 − level)/2.
     */
    static double pValue(Measurement m, double threshold) {
        boolean high = m.indicator().badWhenHigh();
        double v = m.estimate();
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        if (m.census()) {
            return (high ? v >= threshold : v < threshold) ? 0 : 1;
        }
        RatioEstimate e = m.sample();
        if (e.status().intervalUndefined()) {
            return Double.NaN;
        }
        IntervalMethod method = m.interval().method();
        java.util.function.DoublePredicate beyond = a -> high ? method.boundReaches(e, 1 - 2 * a, threshold, true)
                : !method.boundReaches(e, 1 - 2 * a, threshold, false);
        double lo = 0;
        double hi = 0.5 - 1e-9; // at level 0 some methods' t ratios are 0/0
        if (!beyond.test(hi)) {
            return 1;
        }
        if (beyond.test(1e-15)) {
            return 0;
        }
        while (hi - lo > 1e-12 * hi) { // relative: a small p-value is found to 12 digits
            double mid = (lo + hi) / 2;
            if (beyond.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * Holm's step-down adjustment (Holm 1979): with the m defined p-values sorted, p_(1) ≤ … ≤ p_(m),
     * adj_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)); {@code NaN} stays {@code NaN} and does not count in m.
     */
    static double[] holm(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted((a, b) -> Double.compare(p[a], p[b])).toArray(Integer[]::new);
        double[] out = new double[p.length];
        java.util.Arrays.fill(out, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            out[order[j]] = running;
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
        // the units as the estimate counts them, its design effect (from its SE) holding persons and villages alike
        int needed = Plan.villagesForPrecision(p, margin, level, Math.max(1, units), 0, 1, rho, big);
        return Math.max(0, needed - n);
    }

    /**
     * The sampled decisions a follow-up round should settle: fragile or without data ({@code NO_DATA}), the fund
     * rule (a census) aside, each with its villages to settle (−1 unknown). A decision whose data were withheld (its
     * county's spot check and register do not match) is not among them: more villages would not settle it.
     */
    public static List<dev.lookback.draw.FollowUp.Unsettled> unsettled(List<Decision> decisions) {
        List<dev.lookback.draw.FollowUp.Unsettled> out = new java.util.ArrayList<>();
        for (Decision d : decisions) {
            if (d.evidence().withheld()) {
                continue;
            }
            boolean noData = d.outcome() == dev.lookback.vocabulary.Outcome.NO_DATA;
            if (dev.lookback.draw.FollowUp.Unsettled.applies(d.rule(), d.fragile(), noData)) {
                out.add(new dev.lookback.draw.FollowUp.Unsettled(d.county(), d.indicator().label(), noData,
                        dev.lookback.draw.FollowUp.Unsettled.couldChange(d.triggered(), d.fragile(),
                                d.aboveLineNotProven(), noData),
                        d.extraVillages(), d.estimate(), d.lower(), d.upper(), d.threshold(), d.triggered(),
                        d.aboveLineNotProven()));
            }
        }
        return out;
    }
}
