package dev.lookback.draw;

import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.DecisionPolicy;
import java.util.ArrayList;
import java.util.List;
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
     * The fewest villages (of N in the county) whose Korn–Graubard interval at rate p stays within
     * ±{@code margin} of p (both sides; at p = 0 the exact upper bound), for villages of m̄ units with
     * size cv and intra-village correlation ρ, and the finite population correction: with n villages,
     * v = deff·p(1 − p)/(n·m̄)·(1 − n/N) and df = n − 1. N when no smaller sample will do.
     */
    public static int villagesForPrecision(double p, double margin, double level, double meanUnits, double cv,
            double rho, int villagesInFrame) {
        for (int n = 2; n < villagesInFrame; n++) {
            Interval ci = plannedInterval(p, n, level, meanUnits, cv, rho, villagesInFrame);
            if (p - ci.lower() <= margin && ci.upper() - p <= margin) {
                return n;
            }
        }
        return villagesInFrame;
    }

    /** The Korn–Graubard interval that n villages would give at rate p (the planning model above). */
    public static Interval plannedInterval(double p, int n, double level, double meanUnits, double cv, double rho,
            int villagesInFrame) {
        double units = n * meanUnits;
        double f = (double) n / villagesInFrame;
        double v = designEffect(meanUnits, cv, rho) * p * (1 - p) / units * (1 - f);
        EstimateStatus status = n >= villagesInFrame ? EstimateStatus.CENSUS : EstimateStatus.OK;
        RatioEstimate e = new RatioEstimate("plan", p, Math.sqrt(v), n - 1, units, p * units, n, villagesInFrame, status);
        return e.interval(IntervalMethod.KORN_GRAUBARD, level);
    }

    /**
     * The operating characteristic: the probability that a county whose true rate is p is triggered,
     * for each p of {@code rates}, by Monte Carlo: in each of {@code replicates} samples, n villages of
     * m̄ units (sizes log-normal with the given cv), village rates Beta with mean p and intra-class
     * correlation ρ (a beta-binomial model of clustered errors), errors binomial; the sample's ratio
     * estimate and Korn–Graubard interval (SRS of n of N villages; zero errors bounded over n_b = units/d, the
     * units taken as households) decide by the policy.
     * Seeded: the same arguments give the same curve.
     */
    public static double[] operatingCharacteristic(int n, int villagesInFrame, double meanUnits, double cv, double rho,
            double threshold, DecisionPolicy policy, double level, double[] rates, int replicates, long seed) {
        if (policy == DecisionPolicy.FAMILY_WISE) {
            throw new IllegalArgumentException("the family-wise policy decides over a whole review, not one county: plan"
                    + " a county with the confident policy at level 1 − (1 − level)/m for m decisions");
        }
        ClusterDesign.Builder b = ClusterDesign.builder().stratum("C", villagesInFrame);
        for (int i = 0; i < n; i++) {
            b.cluster("C", "V" + i);
        }
        ClusterDesign design = b.build();
        double[] out = new double[rates.length];
        // village sizes: drawn once and shared by every rate (common random numbers, and less work)
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        int[][] sizes = new int[replicates][n];
        SplittableRandom sizeRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int k = 0; k < replicates; k++) {
            for (int i = 0; i < n; i++) {
                double size = cv > 0 ? meanUnits * Math.exp(sigma * sizeRandom.nextGaussian() - sigma * sigma / 2)
                        : meanUnits;
                sizes[k][i] = Math.max(1, (int) Math.round(size));
            }
        }
        // the rates are independent (each restarts the seed): both cores share them
        java.util.stream.IntStream.range(0, rates.length).parallel().forEach(r -> {
            double p = rates[r];
            double[] y = new double[n];
            double[] x = new double[n];
            SplittableRandom random = new SplittableRandom(seed); // common random numbers across rates
            UniformRandomProvider rng = random::nextLong;
            ContinuousDistribution.Sampler villageRate = rho > 0 && p > 0 && p < 1
                    ? BetaDistribution.of(p * (1 - rho) / rho, (1 - p) * (1 - rho) / rho).createSampler(rng) : () -> p;
            int triggered = 0;
            for (int k = 0; k < replicates; k++) {
                for (int i = 0; i < n; i++) {
                    int m = sizes[k][i];
                    x[i] = m;
                    y[i] = binomial(random, m, villageRate.sample());
                }
                if (policy == DecisionPolicy.POINT) { // the estimate alone decides: no interval needed
                    double sy = 0;
                    double sx = 0;
                    for (int i = 0; i < n; i++) {
                        sy += y[i];
                        sx += x[i];
                    }
                    triggered += sy / sx >= threshold ? 1 : 0;
                    continue;
                }
                // zero errors are bounded over the independent units, as the review bounds them
                RatioEstimate e = design.ratio("C", y, x).withIndependentUnits(
                        IntraclassCorrelation.independentUnits(x, rho));
                boolean undefined = e.status().intervalUndefined();
                boolean trigger = policy == DecisionPolicy.CONFIDENT
                        ? !undefined && IntervalMethod.KORN_GRAUBARD.boundReaches(e, level, threshold, true)
                        : undefined || IntervalMethod.KORN_GRAUBARD.boundReaches(e, level, threshold, false);
                triggered += trigger ? 1 : 0;
            }
            out[r] = (double) triggered / replicates;
        });
        return out;
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
     * The fewest villages such that a county at {@code pOk} is triggered with probability at most
     * {@code alpha} and one at {@code pBad} escapes with probability at most {@code beta}, under the
     * policy (operating characteristic by {@link #operatingCharacteristic}); N when no smaller sample
     * will do. Searches by bisection, taking the risks to fall as villages are added.
     */
    public static int villagesForDecision(double pOk, double pBad, double alpha, double beta, int villagesInFrame,
            double meanUnits, double cv, double rho, double threshold, DecisionPolicy policy, double level,
            int replicates, long seed) {
        int lo = 2;
        int hi = villagesInFrame;
        if (!meets(hi, pOk, pBad, alpha, beta, villagesInFrame, meanUnits, cv, rho, threshold, policy, level, replicates,
                seed)) {
            return villagesInFrame;
        }
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (meets(mid, pOk, pBad, alpha, beta, villagesInFrame, meanUnits, cv, rho, threshold, policy, level,
                    replicates, seed)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean meets(int n, double pOk, double pBad, double alpha, double beta, int villagesInFrame,
            double meanUnits, double cv, double rho, double threshold, DecisionPolicy policy, double level,
            int replicates, long seed) {
        if (n >= villagesInFrame) {
            // a census decides without sampling error: triggered exactly when the rate reaches T
            return pOk < threshold && pBad >= threshold;
        }
        double[] oc = operatingCharacteristic(n, villagesInFrame, meanUnits, cv, rho, threshold, policy, level,
                new double[] {pOk, pBad}, replicates, seed);
        return oc[0] <= alpha && 1 - oc[1] <= beta;
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
