package dev.lookback.sim;

import dev.lookback.ReviewSettings;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.draw.Plan;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Whether the planner's promise comes true: {@code lookback plan --goal decision} at the defaults (a county at 0.5%
 * triggered with chance ≤ 5%, one at 5% escaping with chance ≤ 10%, T = 2%, {@link ReviewSettings#defaults()}),
 * planned in the review's unit, then the review it plans simulated and decided by the review's own code.
 *
 * <p>The planner is told what a planner knows: the county's N villages and their domain households (the frame: 50 a
 * village, cv 0.3, {@link Plan#villageSizes}), the mean persons of a household (3.5) and ρ. The simulated review is
 * built another way: every household has 1 + U{0…5} persons (mean 3.5; the planner assumes 1 + Poisson(2.5) persons
 * in an erring household), village error propensities are Beta with intraclass correlation ρ (scaled so that the
 * county's expected rate is the rate asked about), and errors are then added (removed) at households drawn uniformly
 * until the county's own rate in the unit is the rate asked about
 * (within one household). Each review has {@code counties} such counties; n villages of each (the plan's n) are a
 * simple random sample; ρ̂ is the review's one-way ANOVA over every sampled village (the prior where undefined); each
 * county is estimated on its design with n_b at ρ̂ and decided by {@link Decisions#decide} at the defaults.
 */
public final class PlannerStudy {

    private PlannerStudy() {
    }

    /** The compliant rate, the failing rate, α and β of the plan checked (the command's defaults). */
    public static final double OK = 0.005;
    public static final double BAD = 0.05;
    public static final double ALPHA = 0.05;
    public static final double BETA = 0.10;

    /** Domain households a village in the frame (mean) and their cv. */
    static final double HOUSEHOLDS = 50;
    static final double CV = 0.3;

    /** Mean persons of a household: 1 + U{0…5}. */
    static final double PERSONS = 3.5;

    /**
     * A setting.
     *
     * @param villages N, the county's villages
     * @param rho      true intraclass correlation of errors in households (the planner is told it)
     * @param unit     the review's unit
     */
    public record Scenario(int villages, double rho, Unit unit) {
        /** The table in docs/accountability.md: counties of 40 and 200 villages, ρ 0.05 and 0.3, both units. */
        public static List<Scenario> table() {
            List<Scenario> out = new ArrayList<>();
            for (int n : new int[] {40, 200}) {
                for (double rho : new double[] {0.05, 0.3}) {
                    for (Unit unit : Unit.values()) {
                        out.add(new Scenario(n, rho, unit));
                    }
                }
            }
            return out;
        }
    }

    /**
     * A plan and the review it planned.
     *
     * @param scenario     the setting
     * @param plan         the planner's answer (its chances from the confirmation run)
     * @param okDecisions  simulated decisions of counties at {@link #OK}
     * @param okTriggered  of those, triggered
     * @param badDecisions simulated decisions of counties at {@link #BAD}
     * @param badTriggered of those, triggered
     * @param claimedAtLine the plan's operating characteristic at the line T (its independent run)
     * @param lineDecisions simulated decisions of counties exactly on the line
     * @param lineTriggered of those, triggered
     * @param former       the former planner's villages: the units of a village taken as independent households
     * @param formerClaimed the power the former planner claimed
     * @param formerTriggered of the decisions at {@link #BAD}, triggered with the former planner's villages
     */
    public record Row(Scenario scenario, Plan.DecisionPlan plan, int okDecisions, int okTriggered, int badDecisions,
            int badTriggered, double claimedAtLine, int lineDecisions, int lineTriggered, int former,
            double formerClaimed, int formerTriggered) {

        /** The chance of triggering a compliant county the plan claims. */
        public double claimedAlpha() {
            return plan.falseTrigger();
        }

        /** The power the plan claims: 1 − its escape chance. */
        public double claimedPower() {
            return 1 - plan.escape();
        }

        public double simulatedAlpha() {
            return (double) okTriggered / okDecisions;
        }

        public double simulatedPower() {
            return (double) badTriggered / badDecisions;
        }

        /** The Markdown header of {@link #markdown()}. */
        public static String header() {
            return "| villages a county | ρ | unit | villages planned | at 0.5%: claimed | simulated "
                    + "| on the line: claimed | simulated | at 5% (power): claimed | simulated | simulated − claimed "
                    + "| former planner (units as households): villages, power claimed → simulated |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|";
        }

        /** A row, the simulated shares with their Monte Carlo standard errors. */
        public String markdown() {
            String formerCell = scenario.unit() == Unit.HOUSEHOLDS ? "(the same)" : String.format(Locale.ROOT,
                    "%d, %.1f%% → %s", former, 100 * formerClaimed, CalibrationStudy.share(formerTriggered, badDecisions));
            return String.format(Locale.ROOT, "| %d | %.2f | %s | %d | %.1f%% | %s | %.1f%% | %s | %.1f%% | %s | **%+.1f** "
                    + "| %s |", scenario.villages(), scenario.rho(), scenario.unit().label(), plan.villages(),
                    100 * claimedAlpha(), CalibrationStudy.share(okTriggered, okDecisions), 100 * claimedAtLine,
                    CalibrationStudy.share(lineTriggered, lineDecisions), 100 * claimedPower(),
                    CalibrationStudy.share(badTriggered, badDecisions), 100 * (simulatedPower() - claimedPower()),
                    formerCell);
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /** The planner's county for the setting: {@code replicates} a question, seed {@code seed}. */
    static RiskSimulation county(Scenario s, boolean former, int replicates, long seed) {
        ReviewSettings d = ReviewSettings.defaults();
        double[] h = Plan.villageSizes(s.villages(), HOUSEHOLDS, CV);
        double persons = s.unit() == Unit.PERSONS ? PERSONS : 1;
        double[] units = Plan.persons(h, persons);
        // the former planner took a village's units as so many independent households
        return RiskSimulation.planned(former ? units : h, units, s.villages(), s.rho(), d.methods().get(0), d.level(),
                replicates, seed);
    }

    /** The planner's answer for the setting (or the former planner's, units as households). */
    public static Plan.DecisionPlan plan(Scenario s, boolean former, int replicates, long seed) {
        return Plan.villagesForDecision(county(s, former, replicates, seed), OK, BAD, ALPHA, BETA,
                Line.ERROR_THRESHOLD.defaultValue(), ReviewSettings.defaults().policy(), 1);
    }

    /** The plan, then {@code reviews} reviews of {@code counties} counties at each rate simulated and decided. */
    public static Row run(Scenario s, int reviews, int counties, int replicates, long seed) {
        double line = Line.ERROR_THRESHOLD.defaultValue();
        Plan.DecisionPlan plan = plan(s, false, replicates, seed);
        int n = plan.villages();
        double atLine = Plan.operatingCharacteristic(county(s, false, replicates * Plan.CONFIRMATION_FACTOR, seed + 1),
                n, line, ReviewSettings.defaults().policy(), 1, new double[] {line})[0];
        Plan.DecisionPlan former = s.unit() == Unit.PERSONS ? plan(s, true, replicates, seed) : plan;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] ok = review(s, n, OK, reviews, counties, random.split());
        int[] onLine = review(s, n, line, reviews, counties, random.split());
        SplittableRandom badRandom = random.split();
        int[] bad = review(s, n, BAD, reviews, counties, badRandom.split());
        int[] formerBad = former == plan ? bad : review(s, former.villages(), BAD, reviews, counties, badRandom.split());
        return new Row(s, plan, ok[1], ok[0], bad[1], bad[0], atLine, onLine[1], onLine[0], former.villages(),
                1 - former.escape(), formerBad[0]);
    }

    /** Triggered decisions and decisions, every county's own rate {@code rate}. */
    private static int[] review(Scenario s, int n, double rate, int reviews, int counties, SplittableRandom random) {
        ReviewSettings d = ReviewSettings.defaults();
        double line = Line.ERROR_THRESHOLD.defaultValue();
        double[] sizes = Plan.villageSizes(s.villages(), HOUSEHOLDS, CV);
        int triggered = 0;
        int decisions = 0;
        for (int r = 0; r < reviews; r++) {
            List<CalibrationStudy.County> cs = new ArrayList<>();
            List<int[]> orders = new ArrayList<>();
            for (int c = 0; c < counties; c++) {
                cs.add(county(random, sizes, rate, s.rho(), s.unit()));
                orders.add(CalibrationStudy.order(random, s.villages()));
            }
            int sampled = Math.min(n, s.villages());
            double rho = CalibrationStudy.rho(cs, orders, sampled, d.rho());
            List<Measurement> ms = new ArrayList<>();
            for (int c = 0; c < counties; c++) {
                RatioEstimate e = CalibrationStudy.estimate(cs.get(c), orders.get(c), sampled, rho);
                ms.add(CalibrationStudy.measurement("C" + c, Measure.IDENTIFICATION, e, d.methods().get(0), d.level()));
            }
            for (Decision dc : Decisions.decide(ms, Leaders.of(List.of()), Map.of(Line.ERROR_THRESHOLD, line),
                    d.policy())) {
                decisions++;
                triggered += dc.triggered() ? 1 : 0;
            }
        }
        return new int[] {triggered, decisions};
    }

    /**
     * A county of villages of {@code sizes} households, each household 1 + U{0…5} persons (one unit in households),
     * errors clustered at ρ, then set so that the county's own rate in the unit is {@code rate} within one household.
     */
    public static CalibrationStudy.County county(SplittableRandom random, double[] sizes, double rate, double rho, Unit unit) {
        int villages = sizes.length;
        int total = (int) java.util.Arrays.stream(sizes).sum();
        int[] village = new int[total];
        int[] persons = new int[total];
        boolean[] error = new boolean[total];
        BetaDistribution beta = rho > 0 ? BetaDistribution.of(rate * (1 / rho - 1), (1 - rate) * (1 / rho - 1)) : null;
        double[] q = new double[villages];
        double expected = 0;
        for (int v = 0; v < villages; v++) {
            q[v] = beta == null ? rate : beta.inverseCumulativeProbability(random.nextDouble());
            expected += sizes[v] * q[v];
        }
        double scale = expected > 0 ? rate * total / expected : 1; // the expected rate the one asked about
        long units = 0;
        long errors = 0;
        int k = 0;
        for (int v = 0; v < villages; v++) {
            double p = Math.min(1, scale * q[v]);
            for (int i = 0; i < sizes[v]; i++, k++) {
                village[k] = v;
                persons[k] = unit == Unit.PERSONS ? 1 + random.nextInt(6) : 1;
                error[k] = random.nextDouble() < p;
                units += persons[k];
                errors += error[k] ? persons[k] : 0;
            }
        }
        // the county's own rate: flip households drawn uniformly until the errors reach the target from their side,
        // then up to it (so that a county asked about at the line is at or just above it, as the planner takes it)
        double target = rate * units;
        boolean add = errors < target;
        while (add ? errors < target : errors > target) {
            int j = random.nextInt(total);
            if (error[j] != add) {
                error[j] = add;
                errors += add ? persons[j] : -persons[j];
            }
        }
        while (errors < target - 1e-9) {
            int j = random.nextInt(total);
            if (!error[j]) {
                error[j] = true;
                errors += persons[j];
            }
        }
        double[] h = new double[villages];
        double[] x = new double[villages];
        double[] e = new double[villages];
        double[] y = new double[villages];
        for (int j = 0; j < total; j++) {
            int v = village[j];
            h[v]++;
            x[v] += persons[j];
            if (error[j]) {
                e[v]++;
                y[v] += persons[j];
            }
        }
        return new CalibrationStudy.County(villages, h, x, e, y, (double) errors / units);
    }
}
