package dev.lookback.draw;

import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * What a county's sample can tell, by seeded simulation of the county itself: the chance that a policy
 * triggers if the county's own rate were a given value, and the villages to add for an 80% chance that the
 * interval no longer spans the line.
 *
 * <p>The simulated county has the county's N villages, each a copy of one of its sampled villages (domain
 * households h and units x, drawn with replacement); village propensities are Beta with the given mean
 * and intraclass correlation ρ (the review's ρ̂ of the measure, or the prior), scaled so that the county's expected
 * rate is the rate asked for, each household errs with its village's propensity; then errors are added (removed) one at a time at a household
 * drawn uniformly from those without (with) one until the county's own rate in households is the rate asked for (so the truth is the county's
 * finite-population rate in households, not a superpopulation mean); an erring household then counts
 * 1 + Poisson(s − 1) units, s = x/h the village's units per household (persons are not spread evenly: a few large
 * households can carry a village's errors). Each simulated county serves 8 replicates. Each
 * replicate draws n villages by simple random
 * sampling, estimates the ratio on the county's design (one stratum of N villages, fpc), bounds zero errors
 * over n_b = H/d with ρ, and applies the policy to the interval of the decision's method at its level (a
 * bootstrap decision is simulated with Korn–Graubard). An unequal-probability sample is simulated as a
 * simple random one: an approximation.
 *
 * @param households domain households of each sampled village
 * @param units      domain units of each sampled village (persons or households)
 * @param villages   N, the county's villages in the frame
 * @param rho        intraclass correlation of errors in households, in [0, 1] (1 is taken as 0.99)
 * @param method     the decision's interval method
 * @param level      its level
 * @param replicates replicates per question
 * @param seed       the seed (the same question gives the same answer)
 */
public record RiskSimulation(double[] households, double[] units, int villages, double rho, IntervalMethod method,
        double level, int replicates, long seed) {

    /** Samples drawn from each simulated county (the county is the costly part). */
    static final int SAMPLES_PER_COUNTY = 8;

    /** The chance of settling a fragile decision that {@link #villagesToSettle} aims at. */
    public static final double SETTLE = 0.80;

    /**
     * A county for planning, before any village is drawn: N villages whose domain households and units are those of
     * {@code households} and {@code units} (a village's pair drawn with replacement; at most N of them; units are
     * the households themselves in a review in households, their persons in one in persons).
     */
    public static RiskSimulation planned(double[] households, double[] units, int villages, double rho,
            IntervalMethod method, double level, int replicates, long seed) {
        return new RiskSimulation(households, units, villages, rho, method, level, replicates, seed);
    }

    /** The same county and run, its decisions' intervals at another level (the next round's, for settling). */
    public RiskSimulation withLevel(double other) {
        return other == level ? this : new RiskSimulation(households, units, villages, rho, method, other, replicates, seed);
    }

    /** The same county asked with another number of replicates and seed (an independent run). */
    public RiskSimulation withRun(int replicates, long seed) {
        return new RiskSimulation(households, units, villages, rho, method, level, replicates, seed);
    }

    public RiskSimulation {
        households = households.clone();
        units = units.clone();
        if (households.length != units.length || households.length == 0 || villages < households.length) {
            throw new IllegalArgumentException("need 1 ≤ sampled villages ≤ N, with households and units for each");
        }
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1], got " + rho);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("need at least one replicate, got " + replicates);
        }
        rho = Math.min(rho, 0.99); // ρ = 1 (every household of a village alike) as nearly so
        if (method == IntervalMethod.BOOTSTRAP) { // never swapped quietly for another interval
            throw new IllegalArgumentException("a bootstrap percentile interval cannot be simulated sample by sample:"
                    + " simulate the interval method the decision uses (with --variance bootstrap, its replicate"
                    + " variance is approximated by the linearised one, which estimates the same variance)");
        }
    }

    /**
     * The chance that {@code rule} triggers (for a rate bad when high: at or above T) if the county's own
     * rate were {@code rate}, with the county's own sample size. A family-wise rule reads its bound at its
     * strictest step's level over a family of {@code family} decisions ({@link TriggerRule#level}).
     */
    public double triggerChance(double rate, double threshold, boolean badWhenHigh, TriggerRule rule, int family) {
        return triggerChance(households.length, rate, threshold, badWhenHigh, rule, family);
    }

    /** As {@link #triggerChance(double, double, boolean, TriggerRule, int)} for a sample of {@code size} villages. */
    public double triggerChance(int size, double rate, double threshold, boolean badWhenHigh, TriggerRule rule,
            int family) {
        return triggerChances(size, rate, threshold, badWhenHigh, family, java.util.List.of(rule))[0];
    }

    /**
     * The chance that each of {@code rules} triggers (in their order) if the county's own rate were {@code rate},
     * all from the same replicates, with the county's own sample size.
     */
    public double[] triggerChances(double rate, double threshold, boolean badWhenHigh, int family,
            java.util.List<? extends TriggerRule> rules) {
        return triggerChances(households.length, rate, threshold, badWhenHigh, family, rules);
    }

    /**
     * As {@link #triggerChances(double, double, boolean, int, java.util.List)} for a sample of {@code size} villages
     * of the simulated county instead of the county's own: the planner's operating characteristic.
     */
    public double[] triggerChances(int size, double rate, double threshold, boolean badWhenHigh, int family,
            java.util.List<? extends TriggerRule> rules) {
        if (size < 1 || size > villages) {
            throw new IllegalArgumentException("a sample of " + size + " villages of " + villages);
        }
        int n = size;
        ClusterDesign design = design(n);
        SplittableRandom random = new SplittableRandom(seed);
        RatioEstimate[] estimates = new RatioEstimate[replicates];
        double[] y = new double[n];
        double[] x = new double[n];
        double[] h = new double[n];
        County c = null;
        for (int r = 0; r < replicates; r++) {
            if (r % SAMPLES_PER_COUNTY == 0) {
                c = county(random, rate);
            }
            sample(random, c, n, y, x, h);
            estimates[r] = design.ratio("C", y, x).withIndependentUnits(IntraclassCorrelation.independentUnits(h, rho));
        }
        double[] chances = new double[rules.size()];
        for (int k = 0; k < rules.size(); k++) { // one level at a time: the t quantiles stay cached
            TriggerRule rule = rules.get(k);
            TriggerRule.Reads reads = rule.reads(badWhenHigh);
            double at = rule.level(level, family);
            int hits = 0;
            for (RatioEstimate e : estimates) {
                if (triggers(reads, e, at, threshold, badWhenHigh)) {
                    hits++;
                }
            }
            chances[k] = (double) hits / replicates;
        }
        return chances;
    }

    /**
     * The rates a county's own data leave plausible: Beta(R̂·n* + ½, (1 − R̂)·n* + ½), Jeffreys' posterior for
     * a rate seen in n* independent units, with n* = min(n_b, n_eff) the units the decision's bound counts
     * ({@link dev.lookback.survey.IntervalMethod#KORN_GRAUBARD_NB}); a single rate when n* is infinite.
     *
     * @param estimate R̂
     * @param size     n*, the independent units it rests on ({@code +∞}: the rate is known)
     */
    public record Plausible(double estimate, double size) {

        public Plausible {
            if (!(estimate >= 0 && estimate <= 1) || !(size > 0)) {
                throw new IllegalArgumentException("need a rate in [0, 1] and a positive size, got " + estimate + ", "
                        + size);
            }
        }

        /** The rates the estimate's own data leave plausible (null without an estimate or without units). */
        public static Plausible of(RatioEstimate e) {
            if (Double.isNaN(e.estimate()) || !(e.units() > 0)) {
                return null;
            }
            double nb = Double.isNaN(e.independentUnits()) ? e.units() : e.independentUnits();
            double nEff = e.effectiveSampleSize();
            double size = Double.isNaN(nEff) ? nb : Math.min(nb, nEff);
            return new Plausible(e.estimate(), size > 0 ? size : e.units());
        }

        /** The rate known exactly: the county's own rate is {@code rate}. */
        public static Plausible exactly(double rate) {
            return new Plausible(rate, Double.POSITIVE_INFINITY);
        }

        /** The distribution, or null for a rate known exactly. */
        private BetaDistribution beta() {
            return Double.isInfinite(size) ? null : BetaDistribution.of(estimate * size + 0.5, (1 - estimate) * size + 0.5);
        }

    }

    /** A rate sampler: the next plausible rate from the random source. */
    private interface Rates {
        double next(SplittableRandom random);
    }

    /** Rates drawn from {@code p}: a draw of the Beta by its inverse distribution function, or the rate itself. */
    private static Rates rates(Plausible p) {
        BetaDistribution b = p.beta();
        return b == null ? random -> p.estimate() : random -> b.inverseCumulativeProbability(random.nextDouble());
    }

    /** Half a point: the band around the line within which the table in docs/accountability.md also checks the settle promise. */
    public static final double NEAR_LINE = 0.005;

    /**
     * The fewest villages to add (up to every village left: a census of the county settles it) for a chance of at
     * least {@link #SETTLE} that the interval no longer spans T, averaged over the rates the county's data leave
     * plausible ({@code rates}: each simulated county draws its own rate from them): a promise that holds when the
     * county's rate is unknown, not only if it equals today's estimate (taken at R̂ the same search settled about
     * 70% of fragile decisions in simulation, and a third where persons were spread evenly). The answer is every
     * village left (a census) when nothing less does; 0 when the current sample already does; −1 when the rates
     * are unknown or no village is left.
     */
    public int villagesToSettle(Plausible rates, double threshold) {
        int n = households.length;
        if (rates == null || n >= villages) {
            return -1;
        }
        if (settles(rates, threshold, n)) {
            return 0;
        }
        int lo = n;
        int hi = villages; // a census settles: SE 0, the interval is the county's own rate
        while (hi - lo > 1) { // the chance grows with the sample: bisection on the size
            int mid = (lo + hi) / 2;
            if (settles(rates, threshold, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi - n;
    }

    /** The same at a rate known exactly (today's estimate, as a planner would: optimistic). */
    public int villagesToSettle(double rate, double threshold) {
        return Double.isNaN(rate) ? -1 : villagesToSettle(Plausible.exactly(rate), threshold);
    }

    /** Whether a sample of {@code size} villages settles with a chance of at least {@link #SETTLE}. */
    private boolean settles(Plausible rates, double threshold, int size) {
        return size >= villages || settleChance(rates(rates), threshold, size) >= SETTLE;
    }

    /**
     * The chance that a sample of {@code size} villages gives an interval wholly on one side of T, averaged over
     * {@code rates} (each simulated county its own rate).
     */
    public double settleChance(Plausible rates, double threshold, int size) {
        return settleChance(rates(rates), threshold, size);
    }

    /** The chance that a sample of {@code size} villages gives an interval wholly on one side of T at {@code rate}. */
    double settleChance(double rate, double threshold, int size) {
        return settleChance(Plausible.exactly(rate), threshold, size);
    }

    private double settleChance(Rates rates, double threshold, int size) {
        ClusterDesign design = design(size);
        SplittableRandom random = new SplittableRandom(seed + size);
        double[] y = new double[size];
        double[] x = new double[size];
        double[] h = new double[size];
        int settled = 0;
        County c = null;
        for (int r = 0; r < replicates; r++) {
            if (r % SAMPLES_PER_COUNTY == 0) {
                c = county(random, Math.min(1, Math.max(0, rates.next(random))));
            }
            sample(random, c, size, y, x, h);
            RatioEstimate e = design.ratio("C", y, x).withIndependentUnits(IntraclassCorrelation.independentUnits(h, rho));
            if (defined(e) && (method.boundReaches(e, level, threshold, true)
                    || !method.boundReaches(e, level, threshold, false))) {
                settled++;
            }
        }
        return (double) settled / replicates;
    }

    /** Whether the design gives an interval at all. */
    private static boolean defined(RatioEstimate e) {
        return !Double.isNaN(e.estimate()) && e.status() != EstimateStatus.SINGLE_CLUSTER
                && e.status() != EstimateStatus.NO_DEGREES_OF_FREEDOM;
    }

    /**
     * Whether a rule that reads {@code reads} triggers: what it reads at or beyond T on the bad side, the bound's
     * position found from one Beta CDF for Korn–Graubard instead of two quantiles (the rule is the one the decisions
     * apply, {@code decide.DecisionPolicy#outcome}, read through {@link TriggerRule#reads}).
     */
    private boolean triggers(TriggerRule.Reads reads, RatioEstimate e, double atLevel, double threshold, boolean high) {
        if (Double.isNaN(e.estimate())) {
            return false;
        }
        boolean atOrAbove; // what the rule reads is at or above T
        switch (reads) {
            case ESTIMATE:
                atOrAbove = e.estimate() >= threshold;
                break;
            case LOWER:
            case UPPER:
                if (!defined(e)) {
                    return false; // no interval: no data, which never triggers
                }
                atOrAbove = method.boundReaches(e, atLevel, threshold, reads == TriggerRule.Reads.LOWER); // true: the lower
                break;
            default:
                throw new AssertionError(reads);
        }
        return high == atOrAbove;
    }

    private ClusterDesign design(int size) {
        ClusterDesign.Builder b = ClusterDesign.builder().stratum("C", villages);
        for (int i = 0; i < size; i++) {
            b.cluster("C", "v" + i);
        }
        return b.build();
    }

    /**
     * A simulated county: per village its households, units, household errors and errors in the unit (persons of
     * the erring households, or the households themselves).
     */
    private record County(double[] households, double[] units, double[] errors, double[] unitErrors) {
    }

    private County county(SplittableRandom random, double rate) {
        double[] hh = new double[villages];
        double[] xx = new double[villages];
        double[] ee = new double[villages];
        UniformRandomProvider rng = random::nextLong;
        ContinuousDistribution.Sampler propensity = rho > 0 && rate > 0 && rate < 1
                ? BetaDistribution.of(rate * (1 / rho - 1), (1 - rate) * (1 / rho - 1)).createSampler(rng) : () -> rate;
        double[] q = new double[villages];
        double total = 0;
        double expected = 0;
        for (int v = 0; v < villages; v++) {
            int k = random.nextInt(households.length);
            hh[v] = households[k];
            xx[v] = units[k];
            q[v] = propensity.sample();
            total += hh[v];
            expected += hh[v] * q[v];
        }
        // the propensities scaled so that the county's expected rate is the rate asked about: the adjustment below then
        // moves only a binomial handful of errors, and the county keeps the clustering ρ it was asked for (errors added
        // at households drawn uniformly are unclustered: adding the shortfall of a Beta draw thinned ρ = 0.3 to 0.26)
        double scale = expected > 0 ? rate * total / expected : 1;
        double errors = 0;
        for (int v = 0; v < villages; v++) {
            int e = Plan.binomial(random, (int) hh[v], Math.min(1, scale * q[v])); // about m·p steps, not m draws
            ee[v] = e;
            errors += e;
        }
        // the county's own rate exactly: add (remove) errors one at a time at a household drawn uniformly from
        // the county's households without (with) one, so the adjustment keeps the villages' clustering
        long target = Math.round(rate * total);
        while (errors != target) {
            boolean add = errors < target;
            long r = random.nextLong((long) (add ? total - errors : errors));
            int v = 0;
            for (long here = (long) (add ? hh[0] - ee[0] : ee[0]); r >= here; here = (long) (add ? hh[v] - ee[v] : ee[v])) {
                r -= here;
                v++;
            }
            ee[v] += add ? 1 : -1;
            errors += add ? 1 : -1;
        }
        // errors in the unit: an erring household has 1 + Poisson(s − 1) persons, s the village's persons per
        // household, so that a few large households can carry a village's errors (not persons spread evenly)
        double[] ye = new double[villages];
        for (int v = 0; v < villages; v++) {
            double extra = hh[v] > 0 ? ee[v] * (xx[v] / hh[v] - 1) : 0;
            ye[v] = extra > 0 ? Math.min(xx[v], ee[v] + PoissonDistribution.of(extra).createSampler(rng).sample()) : ee[v];
        }
        return new County(hh, xx, ee, ye);
    }

    /** A simple random sample of {@code n} of the county's villages: errors and units in the unit, households. */
    private void sample(SplittableRandom random, County c, int n, double[] y, double[] x, double[] h) {
        int[] order = new int[villages];
        for (int i = 0; i < villages; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(villages - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            int v = order[i];
            h[i] = c.households()[v];
            x[i] = c.units()[v];
            y[i] = c.unitErrors()[v];
        }
    }
}
