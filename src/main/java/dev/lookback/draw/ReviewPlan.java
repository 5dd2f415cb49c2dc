package dev.lookback.draw;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import dev.lookback.survey.Formats;
import dev.lookback.survey.IntervalMethod;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A whole review sized at once: every county of the frame gets the fewest villages for which a county
 * whose own rate is {@code bad} escapes with probability at most β and one at {@code ok} is triggered with
 * probability at most α ({@link Plan#villagesForDecision}, confirmed by an independent run), each county
 * simulated from its own villages in the review's unit (households × the domain's share, and in persons s persons a
 * household: an erring household carries 1 + Poisson(s − 1) of them), and the review-wide risk follows from
 * the counties' chances: with m = counties × measures decisions, the chance that a review accuses any
 * county when every county sits exactly on the line is 1 − Π_h (1 − q_h)^{measures}, q_h a decision's
 * trigger chance at the line with n_h villages (the counties' samples are independent). Under the
 * family-wise policy q_h is the chance of Holm's first, strictest step (the confident policy at level
 * 1 − (1 − level)/m), and the review accuses anyone exactly when some decision passes that step, so the
 * formula is the policy's own family-wise risk; a failing county's power is at least the one planned.
 *
 * @param counties  one plan per county, in the frame's order
 * @param policy    the decision policy planned for
 * @param threshold the line T
 * @param measures  decisions per county (identification and exit: 2)
 * @param family    m, the decisions a family-wise policy adjusts over (1 for the other policies)
 * @param anyAtOk   the chance that a review accuses any county when every county sits at {@code ok}
 * @param anyAtLine the same when every county sits exactly on the line
 * @param expectedAtLine the accusations expected when every county sits on the line
 */
public record ReviewPlan(List<CountyPlan> counties, TriggerRule policy, double threshold, int measures, int family,
        double anyAtOk, double anyAtLine, double expectedAtLine) {
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }


    /**
     * One county's plan.
     *
     * @param county          the county
     * @param meanUnits       mean domain units per village in the frame, in the review's unit
     * @param plan            the size and its confirmed risks
     * @param atLine          a decision's trigger chance if the county's own rate were exactly T, with that size
     * @param personsPerHousehold s, the persons of a domain household (1 in a review in households)
     */
    public record CountyPlan(String county, double meanUnits, Plan.DecisionPlan plan, double atLine,
            double personsPerHousehold) {
    }

    public ReviewPlan {
        counties = List.copyOf(counties);
    }

    /**
     * Plans every county of the frame.
     *
     * @param frame       the villages (their household counts are the sizes)
     * @param domainShare the share of a village's households in the measure's domain (1 for identification)
     * @param personsPerHousehold s of each county, the persons of a domain household (1 for a review in households)
     * @param measures    decisions per county
     * @param rho         intraclass correlation of errors in households
     * @param method      the decisions' interval method
     * @param level       its level
     * @param threshold   T
     * @param policy      the decision policy
     * @param ok          a compliant county's own rate
     * @param bad         a failing county's own rate
     * @param alpha       the largest chance of triggering a county at {@code ok}
     * @param beta        the largest chance that a county at {@code bad} escapes
     * @param replicates  replicates of the search (the confirmation runs {@link Plan#CONFIRMATION_FACTOR} times more)
     * @param seed        the seed
     */
    public static ReviewPlan of(Frame frame, double domainShare, java.util.function.ToDoubleFunction<String>
            personsPerHousehold, int measures, double rho, IntervalMethod method, double level, double threshold,
            TriggerRule policy, double ok, double bad, double alpha, double beta, int replicates, long seed) {
        if (!(domainShare > 0 && domainShare <= 1) || measures < 1) {
            throw new IllegalArgumentException("need 0 < domain share ≤ 1 and at least one measure");
        }
        List<String> names = frame.counties();
        int family = policy.familyWise() ? names.size() * measures : 1;
        List<CountyPlan> plans = names.parallelStream().map(county -> {
            List<Village> villages = frame.villages(county);
            double[] sizes = villages.stream().mapToDouble(v -> Math.round(v.households() * domainShare)).toArray();
            double persons = personsPerHousehold.applyAsDouble(county);
            double[] units = Plan.persons(sizes, persons);
            RiskSimulation s = RiskSimulation.planned(sizes, units, sizes.length, rho, method, level, replicates, seed);
            Plan.DecisionPlan p = Plan.villagesForDecision(s, ok, bad, alpha, beta, threshold, policy, family);
            RiskSimulation independent = s.withRun(p.confirmation() > 0 ? p.confirmation() : replicates,
                    seed ^ 0x9E3779B97F4A7C15L);
            double atLine = Plan.chance(independent, p.villages(), threshold, threshold, policy, family);
            return new CountyPlan(county, java.util.Arrays.stream(units).average().orElse(0), p, atLine, persons);
        }).toList();
        double noneAtOk = 1;
        double noneAtLine = 1;
        double expected = 0;
        for (CountyPlan c : plans) {
            noneAtOk *= Math.pow(1 - c.plan().falseTrigger(), measures);
            noneAtLine *= Math.pow(1 - c.atLine(), measures);
            expected += measures * c.atLine();
        }
        return new ReviewPlan(plans, policy, threshold, measures, family, 1 - noneAtOk, 1 - noneAtLine, expected);
    }

    /** Villages to draw over the whole review. */
    public int villages() {
        return counties.stream().mapToInt(c -> c.plan().villages()).sum();
    }

    /**
     * The plan as a table: county, villages_in_frame, mean_units, villages, false_trigger(_upper),
     * escape(_upper), trigger_chance_at_threshold, persons_per_household.
     */
    public Table table() {
        return Table.create("review plan",
                StringColumn.create("county", counties.stream().map(CountyPlan::county)),
                IntColumn.create("villages_in_frame", counties.stream().mapToInt(c -> c.plan().villagesInFrame()).toArray()),
                DoubleColumn.create("mean_units", counties.stream().mapToDouble(CountyPlan::meanUnits).toArray()),
                IntColumn.create("villages", counties.stream().mapToInt(c -> c.plan().villages()).toArray()),
                DoubleColumn.create("false_trigger", counties.stream().mapToDouble(c -> c.plan().falseTrigger()).toArray()),
                DoubleColumn.create("false_trigger_upper",
                        counties.stream().mapToDouble(c -> c.plan().falseTriggerUpper()).toArray()),
                DoubleColumn.create("escape", counties.stream().mapToDouble(c -> c.plan().escape()).toArray()),
                DoubleColumn.create("escape_upper", counties.stream().mapToDouble(c -> c.plan().escapeUpper()).toArray()),
                DoubleColumn.create("trigger_chance_at_threshold", counties.stream().mapToDouble(CountyPlan::atLine).toArray()),
                DoubleColumn.create("persons_per_household",
                        counties.stream().mapToDouble(CountyPlan::personsPerHousehold).toArray()));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Review plan: %d villages over %d counties, %s policy, line %s, %d decision%s"
                + " per county%s%n", villages(), counties.size(), policy.label(), Formats.percent(threshold), measures,
                measures == 1 ? "" : "s", family > 1 ? " (family of " + family + ")" : ""));
        b.append(String.format(Locale.ROOT, "%-12s %6s %7s %8s %12s %9s %9s%n", "county", "N", "units", "villages",
                "triggered@ok", "escapes", "@line"));
        for (CountyPlan c : counties) {
            b.append(String.format(Locale.ROOT, "%-12s %6d %7.1f %8d %12.4f %9.4f %9.4f%n", c.county(),
                    c.plan().villagesInFrame(), c.meanUnits(), c.plan().villages(), c.plan().falseTrigger(),
                    c.plan().escape(), c.atLine()));
        }
        b.append(String.format(Locale.ROOT, "A review accuses any county with chance %.4f if every county sits at the"
                + " compliant rate, %.4f if every county sits on the line (%.3f accusations expected).", anyAtOk,
                anyAtLine, expectedAtLine));
        return b.toString();
    }
}
