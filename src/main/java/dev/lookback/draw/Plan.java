package dev.lookback.draw;

import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * How many villages a county must draw: for a precise estimate, or for a decision with known risks.
 *
 * <p>Clustering enters through the intra-village correlation ρ of the errors and the design effect
 * deff = 1 + ((cv² + 1)·m̄ − 1)·ρ (Kish 1965, §5.4; with unequal village sizes, Eldridge, Ashby and
 * Kerry 2006), m̄ the mean domain units per village and cv their coefficient of variation.
 */
public final class Plan {
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }

    /**
     * A typical intra-village correlation of errors, used where none can be estimated (the planner's
     * default and the settle-size of a decision without a variance estimate).
     */
    public static final double TYPICAL_RHO = 0.05;

    private Plan() {
    }

    /** The design effect 1 + ((cv² + 1)·m̄ − 1)·ρ. */
    public static double designEffect(double meanUnits, double cv, double rho) {
        return 1 + ((cv * cv + 1) * meanUnits - 1) * rho;
    }

    /**
     * Units for attribute sampling (AICPA Audit Sampling guide): the smallest n whose one-sided
     * Clopper–Pearson upper bound, at k = ⌈expected·n⌉ errors, is at most the tolerable rate:
     * Beta⁻¹(confidence; k + 1, n − k) ≤ tolerable. With no expected error this is
     * n = ⌈ln(1 − confidence)/ln(1 − tolerable)⌉: 59 at 5% and 149 at 2%, for 95% confidence.
     */
    public static int attributeSampleSize(double tolerable, double expected, double confidence) {
        if (!(tolerable > 0 && tolerable < 1 && expected >= 0 && expected < tolerable && confidence > 0
                && confidence < 1)) {
            throw new IllegalArgumentException("need 0 ≤ expected < tolerable < 1 and 0 < confidence < 1");
        }
        for (int n = 1; n < 10_000_000; n++) {
            int k = (int) Math.ceil(expected * n - 1e-9);
            double upper = k >= n ? 1 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(confidence);
            if (upper <= tolerable) {
                return n;
            }
        }
        throw new IllegalArgumentException("no sample size below 10,000,000 reaches that tolerable rate");
    }

    /**
     * The variance of a person rate per household, against a household rate's: 1 + (s − 1)/s² when an erring
     * household carries 1 + Poisson(s − 1) persons (mean s, variance s − 1), the model of {@link RiskSimulation}; 1
     * in households (s = 1). With household errors e of chance p and persons x independent of e, the linearised
     * variance of Σex/Σx over n households is p(1 − p)·E[x²]/(n·s²) = p(1 − p)(1 + Var x/s²)/n.
     */
    public static double personsFactor(double personsPerHousehold) {
        double s = personsPerHousehold;
        if (!(s >= 1)) {
            throw new IllegalArgumentException("need at least one person a household, got " + s);
        }
        return 1 + (s - 1) / (s * s);
    }

    /**
     * The fewest villages (of N in the county) whose Korn–Graubard interval at rate p stays within
     * ±{@code margin} of p (both sides; at p = 0 the exact upper bound), for villages of H̄ domain households with
     * size cv, s persons a household (1 for a review in households), intra-village correlation ρ of errors in
     * households, and the finite population correction: with n villages,
     * v = deff·p(1 − p)·{@link #personsFactor}(s)/(n·H̄)·(1 − n/N), deff = {@link #designEffect}(H̄, cv, ρ), and
     * df = n − 1. N when no smaller sample will do.
     */
    public static int villagesForPrecision(double p, double margin, double level, double households, double cv,
            double personsPerHousehold, double rho, int villagesInFrame) {
        for (int n = 2; n < villagesInFrame; n++) {
            Interval ci = plannedInterval(p, n, level, households, cv, personsPerHousehold, rho, villagesInFrame);
            if (p - ci.lower() <= margin && ci.upper() - p <= margin) {
                return n;
            }
        }
        return villagesInFrame;
    }

    /** The Korn–Graubard interval that n villages would give at rate p (the planning model above). */
    public static Interval plannedInterval(double p, int n, double level, double households, double cv,
            double personsPerHousehold, double rho, int villagesInFrame) {
        double units = n * households * personsPerHousehold;
        double f = (double) n / villagesInFrame;
        double v = designEffect(households, cv, rho) * personsFactor(personsPerHousehold) * p * (1 - p)
                / (n * households) * (1 - f);
        EstimateStatus status = n >= villagesInFrame ? EstimateStatus.CENSUS : EstimateStatus.OK;
        RatioEstimate e = new RatioEstimate("plan", p, Math.sqrt(v), n - 1, units, p * units, n, villagesInFrame, status);
        return e.interval(IntervalMethod.KORN_GRAUBARD, level);
    }

    /** The one-sided confidence with which the confirmation run shows that a planned size meets α and β. */
    public static final double CONFIRMATION_CONFIDENCE = 0.95;

    /** The confirmation run's replicates, as a multiple of the search's. */
    public static final int CONFIRMATION_FACTOR = 4;

    /**
     * The planner's county before any village is drawn: N villages of m̄ units, their sizes the log-normal
     * quantiles at (i + ½)/N with the given cv (so no randomness in the sizes), whole units of at least 1.
     */
    public static double[] villageSizes(int villagesInFrame, double meanUnits, double cv) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        org.apache.commons.statistics.distribution.NormalDistribution z =
                org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        double[] sizes = new double[villagesInFrame];
        for (int i = 0; i < villagesInFrame; i++) {
            double q = cv > 0 ? z.inverseCumulativeProbability((i + 0.5) / villagesInFrame) : 0;
            sizes[i] = Math.max(1, Math.round(meanUnits * Math.exp(sigma * q - sigma * sigma / 2)));
        }
        return sizes;
    }

    /**
     * The planner's county in the review's unit: N villages of H̄ domain households ({@link #villageSizes} with the
     * given cv), s persons a household (1 for a review in households: units are then the households), errors
     * clustered at ρ in households, decided on the default interval method ({@link IntervalMethod#DEFAULT}) at 95%,
     * 1,000 replicates a question,
     * seed 1: {@code Plan.county(200, 15, 0.3, 3.2, 0.05)}.
     */
    public static RiskSimulation county(int villagesInFrame, double households, double cv, double personsPerHousehold,
            double rho) {
        double[] h = villageSizes(villagesInFrame, households, cv);
        return RiskSimulation.planned(h, persons(h, personsPerHousehold), villagesInFrame, rho,
                IntervalMethod.DEFAULT, 0.95, 1000, 1);
    }

    /** Units of villages of {@code households} households at s persons a household (whole persons; s = 1: the households). */
    public static double[] persons(double[] households, double personsPerHousehold) {
        personsFactor(personsPerHousehold); // checks s ≥ 1
        return java.util.Arrays.stream(households).map(h -> Math.round(h * personsPerHousehold)).toArray();
    }

    /**
     * The operating characteristic: the probability that the policy triggers a county whose <em>own</em>
     * (finite-population) rate is p, for each p of {@code rates}, when n of its villages are drawn — by
     * the same seeded simulation that states a review's risks ({@link RiskSimulation}: village propensities
     * Beta with mean p and intraclass correlation ρ, the county's errors then set to exactly p, a simple random
     * sample of n villages, the ratio estimate, the interval of the simulation's method with zero errors
     * bounded over n_b). {@code family} is the number of decisions a family-wise policy adjusts over (1
     * otherwise). The rates run in parallel; the curve is the same for the same arguments.
     */
    public static double[] operatingCharacteristic(RiskSimulation county, int n, double threshold,
            TriggerRule policy, int family, double[] rates) {
        return java.util.stream.IntStream.range(0, rates.length).parallel()
                .mapToDouble(i -> chance(county, n, rates[i], threshold, policy, family)).toArray();
    }

    /** The chance that the policy triggers at {@code rate} with n villages; a census decides without error. */
    static double chance(RiskSimulation county, int n, double rate, double threshold, TriggerRule policy,
            int family) {
        if (n >= county.villages()) {
            return rate >= threshold ? 1 : 0;
        }
        return county.triggerChance(n, rate, threshold, true, policy, family);
    }

    /** A binomial draw by inversion: about m·p steps. */
    static int binomial(SplittableRandom random, int m, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return m;
        }
        if (p > 0.5) {
            return m - binomial(random, m, 1 - p);
        }
        double q = 1 - p;
        double ratio = p / q;
        double prob = Math.pow(q, m);
        double u = random.nextDouble();
        int k = 0;
        double cumulative = prob;
        while (u > cumulative && k < m) {
            prob *= ratio * (m - k) / (k + 1);
            k++;
            cumulative += prob;
        }
        return k;
    }

    /**
     * A planned size and what an independent run confirms of it.
     *
     * @param villages          n, the villages to draw (N: only a census will do)
     * @param villagesInFrame   N
     * @param ok                the compliant rate asked about
     * @param bad               the failing rate asked about
     * @param falseTrigger      the confirmed chance that a county at {@code ok} is triggered
     * @param falseTriggerUpper its one-sided {@link #CONFIRMATION_CONFIDENCE} upper bound (Clopper–Pearson)
     * @param escape            the confirmed chance that a county at {@code bad} is not triggered
     * @param escapeUpper       its upper bound
     * @param confirmation      the confirmation run's replicates (0 for a census: exact)
     */
    public record DecisionPlan(int villages, int villagesInFrame, double ok, double bad, double falseTrigger,
            double falseTriggerUpper, double escape, double escapeUpper, int confirmation) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d of %d villages: at %s triggered %.4f (≤ %.4f), at %s escapes %.4f"
                    + " (≤ %.4f)%s", villages, villagesInFrame, dev.lookback.survey.Formats.percent(ok), falseTrigger,
                    falseTriggerUpper, dev.lookback.survey.Formats.percent(bad), escape, escapeUpper,
                    confirmation > 0 ? ", confirmed over " + confirmation + " independent replicates" : ", a census");
        }
    }

    /**
     * The fewest villages such that a county whose own rate is {@code ok} is triggered with probability at
     * most α and one at {@code bad} escapes with probability at most β, under the policy, confirmed: a
     * search on the simulation's replicates (common random numbers, taking the risks to fall as villages are
     * added: doubling from 2, then bisection) proposes n; an independent run of {@link #CONFIRMATION_FACTOR} times as many replicates
     * (another seed) then estimates both chances at n, and n grows until both one-sided
     * {@link #CONFIRMATION_CONFIDENCE} upper bounds are within α and β (or, where the proposal is confirmed at
     * once, falls while a smaller size is still confirmed). N when no smaller sample will do. The risks of the
     * point policy are not monotone in n for small n (the estimate's attainable values jump), so "fewest" is
     * the fewest the search and the confirmation agree on, not a global minimum.
     */
    public static DecisionPlan villagesForDecision(RiskSimulation county, double ok, double bad, double alpha,
            double beta, double threshold, TriggerRule policy, int family) {
        int villages = county.villages();
        java.util.function.IntPredicate meets = n -> {
            double[] c = bothChances(county, n, ok, bad, threshold, policy, family);
            return c[0] <= alpha && 1 - c[1] <= beta;
        };
        // doubling from 2 brackets the usual small answer in a few steps, then bisection inside the bracket
        int lo = Math.min(2, villages);
        int hi = lo;
        while (hi < villages && !meets.test(hi)) {
            lo = hi + 1;
            hi = Math.min(villages, 2 * hi);
        }
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (meets.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int confirmation = county.replicates() * CONFIRMATION_FACTOR;
        RiskSimulation independent = county.withRun(confirmation, county.seed() ^ 0x9E3779B97F4A7C15L);
        DecisionPlan found = null;
        for (int n = lo; n < villages; n++) { // up from the proposal until the independent run confirms it
            found = confirm(independent, n, ok, bad, alpha, beta, threshold, policy, family);
            if (found != null) {
                break;
            }
        }
        if (found == null) {
            double f = ok >= threshold ? 1 : 0;
            double e = bad >= threshold ? 0 : 1;
            return new DecisionPlan(villages, villages, ok, bad, f, f, e, e, 0);
        }
        // and down while the independent run still confirms a smaller size (the search's own noise)
        for (int n = found.villages() - 1; n >= 2 && found.villages() == lo; n--) {
            DecisionPlan smaller = confirm(independent, n, ok, bad, alpha, beta, threshold, policy, family);
            if (smaller == null) {
                break;
            }
            found = smaller;
            lo = n;
        }
        return found;
    }

    /** The trigger chances at {@code ok} and at {@code bad}, the two simulated side by side (two cores). */
    private static double[] bothChances(RiskSimulation run, int n, double ok, double bad, double threshold,
            TriggerRule policy, int family) {
        return operatingCharacteristic(run, n, threshold, policy, family, new double[] {ok, bad});
    }

    /** The plan at n if the run's one-sided upper bounds of both chances are within α and β, else null. */
    private static DecisionPlan confirm(RiskSimulation run, int n, double ok, double bad, double alpha, double beta,
            double threshold, TriggerRule policy, int family) {
        int r = run.replicates();
        double[] c = bothChances(run, n, ok, bad, threshold, policy, family);
        double f = c[0];
        double e = Math.round((1 - c[1]) * r) / (double) r;
        double fu = upperBound(f, r);
        double eu = upperBound(e, r);
        return fu <= alpha && eu <= beta ? new DecisionPlan(n, run.villages(), ok, bad, f, fu, e, eu, r)
                : null;
    }

    /** The one-sided Clopper–Pearson upper bound of a chance seen as {@code share} of {@code replicates}. */
    static double upperBound(double share, int replicates) {
        long k = Math.round(share * replicates);
        return k >= replicates ? 1
                : BetaDistribution.of(k + 1, replicates - k).inverseCumulativeProbability(CONFIRMATION_CONFIDENCE);
    }

    /**
     * The intra-village correlation of errors from village tallies, by the one-way ANOVA estimator
     * for binary data (Donner 1986; Ridout, Demétrio and Firth 1999): with k villages, M = Σ m_i units,
     * p_i = y_i/m_i and p̂ = Σ y/M,
     * MSB = Σ m_i (p_i − p̂)²/(k − 1), MSW = Σ m_i p_i (1 − p_i)/(M − k), m₀ = (M − Σ m_i²/M)/(k − 1),
     * ρ̂ = (MSB − MSW)/(MSB + (m₀ − 1)·MSW), truncated to [0, 1] ({@link IntraclassCorrelation#anova}).
     * {@code NaN} without errors, or with fewer than two villages with units.
     */
    public static double rhoFromTallies(double[] errors, double[] units) {
        return IntraclassCorrelation.anova(units, errors);
    }

    /**
     * ρ implied by a county's design-based estimate (a row of a previous review's estimates.csv): the
     * design effect deff = SE² / (p(1 − p)/n·(1 − f)) with n units in k villages of N, then
     * ρ = (deff − 1)/(n/k − 1) (villages taken as equal). {@code NaN} where the row cannot tell
     * (no error, no SE, fewer than two villages).
     */
    public static double rhoFromEstimate(double estimate, double standardError, double units, int villagesSampled,
            int villagesInFrame) {
        double f = (double) villagesSampled / villagesInFrame;
        if (!(estimate > 0 && estimate < 1 && standardError > 0 && villagesSampled >= 2 && f < 1)) {
            return Double.NaN;
        }
        double srs = estimate * (1 - estimate) / units * (1 - f);
        double deff = standardError * standardError / srs;
        double m = units / villagesSampled;
        return m > 1 ? Math.min(1, Math.max(0, (deff - 1) / (m - 1))) : Double.NaN;
    }

    /** An operating characteristic as a Tablesaw table: rate, probability_triggered. */
    public static tech.tablesaw.api.Table ocTable(double[] rates, double[] probabilities) {
        return tech.tablesaw.api.Table.create("operating characteristic",
                tech.tablesaw.api.DoubleColumn.create("rate", rates),
                tech.tablesaw.api.DoubleColumn.create("probability_triggered", probabilities));
    }

    /** Rates from 0 to {@code max} in {@code steps} equal steps, for an OC curve. */
    public static double[] grid(double max, int steps) {
        List<Double> list = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            list.add(Math.round(max * i / steps * 1e12) / 1e12);
        }
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
