package dev.lookback.sim;

import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * How often the upper bound of a county's error rate in persons misses the county's own
 * (finite-population) rate, with errors clustered in villages at a known intraclass correlation ρ: the
 * check of DESIGN.md special case 4. Each city has {@code counties} counties of {@code villages} villages,
 * all at the same true propensity; a village's propensity is Beta with that mean and ρ (0: none), each
 * household errs with its village's propensity and has 1–6 persons, all share its verdict; {@code sampled}
 * villages are drawn per county (SRS, seeded), and each county row gets its Korn–Graubard interval at the
 * level, with the zero-error bound over n_b = H/d (ρ̂ by one-way ANOVA over the review's villages, the
 * prior where undefined) and, for comparison, over n persons as independent units.
 */
public final class BoundStudy {
    private BoundStudy() {
    }

    /**
     * One scenario's result.
     *
     * @param rho         the true intraclass correlation of errors in households
     * @param households  households per village
     * @param rate        the propensity of an error (the counties' true rates scatter around it)
     * @param rows        county rows
     * @param zeroRows    rows with no error in the sample
     * @param misses      rows whose upper bound is below the county's true rate (bound over n_b)
     * @param zeroMisses  of those, rows with no error in the sample (the exact bound's own misses)
     * @param missesOld   rows missed with the zero-error bound over n persons as independent units
     * @param missesNb    rows missed by {@link IntervalMethod#KORN_GRAUBARD_NB} (n* capped at n_b, not n)
     * @param meanUpper   the mean upper bound of {@code korn-graubard}
     * @param meanUpperNb the mean upper bound of {@code korn-graubard-nb}: what its safety costs
     */
    public record Result(double rho, int households, double rate, int rows, int zeroRows, int misses, int zeroMisses,
            int missesOld, int missesNb, double meanUpper, double meanUpperNb) {
        /** misses / rows. */
        public double missRate() {
            return (double) misses / rows;
        }

        /** missesOld / rows. */
        public double missRateOld() {
            return (double) missesOld / rows;
        }

        /** missesNb / rows. */
        public double missRateNb() {
            return (double) missesNb / rows;
        }

        /** The Markdown table's header. */
        public static String header() {
            return "| ρ | households per village | error propensity | county rows | rows with no error "
                    + "| `korn-graubard` misses | of which zero-error rows | `korn-graubard-nb` misses "
                    + "| misses with the zero-error bound over persons | mean upper bound, `korn-graubard` → `-nb` |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|";
        }

        /** A Markdown table row. */
        public String markdown() {
            return String.format(Locale.ROOT, "| %.2f | %d | %.1f%% | %d | %.1f%% | %.2f%% | %.2f%% | **%.2f%%** | %.2f%% | %.2f%% → %.2f%% |",
                    rho, households, 100 * rate, rows, 100.0 * zeroRows / rows, 100 * missRate(),
                    100.0 * zeroMisses / rows, 100 * missRateNb(), 100 * missRateOld(), 100 * meanUpper,
                    100 * meanUpperNb);
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /**
     * Runs one scenario.
     *
     * @param rho        true ρ in [0, 1)
     * @param households households per village
     * @param rate       error propensity in (0, 1)
     * @param cities     cities simulated
     * @param counties   counties per city
     * @param villages   villages per county
     * @param sampled    villages sampled per county
     * @param level      confidence level of the two-sided interval (the upper bound is at (1 + level)/2)
     * @param prior      ρ where the review cannot estimate it
     * @param seed       the random seed
     */
    public static Result run(double rho, int households, double rate, int cities, int counties, int villages,
            int sampled, double level, double prior, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BetaDistribution propensity = propensity(rho, rate);
        int rows = 0;
        int zero = 0;
        int misses = 0;
        int zeroMisses = 0;
        int missesOld = 0;
        int missesNb = 0;
        double upper = 0;
        double upperNb = 0;
        for (int c = 0; c < cities; c++) {
            Review review = review(random, propensity, rate, households, counties, villages, sampled, prior);
            for (int k = 0; k < counties; k++) {
                RatioEstimate bounded = review.estimates().get(k);
                RatioEstimate persons = bounded.withIndependentUnits(bounded.units());
                double truth = review.truth()[k];
                rows++;
                if (bounded.errors() == 0) {
                    zero++;
                }
                double kg = bounded.interval(IntervalMethod.KORN_GRAUBARD, level).upper();
                double kgNb = bounded.interval(IntervalMethod.KORN_GRAUBARD_NB, level).upper();
                upper += kg;
                upperNb += kgNb;
                if (kg < truth) {
                    misses++;
                    if (bounded.errors() == 0) {
                        zeroMisses++;
                    }
                }
                if (persons.interval(IntervalMethod.KORN_GRAUBARD, level).upper() < truth) {
                    missesOld++;
                }
                if (kgNb < truth) {
                    missesNb++;
                }
            }
        }
        return new Result(rho, households, rate, rows, zero, misses, zeroMisses, missesOld, missesNb, upper / rows,
                upperNb / rows);
    }

    /**
     * One simulated review: every county's estimate in persons (with n_b set as the review sets it) and its
     * own finite-population rate.
     *
     * @param estimates the counties' ratio estimates, county {@code C0}, {@code C1}, …
     * @param truth     their true rates
     */
    record Review(List<RatioEstimate> estimates, double[] truth) {
    }

    /** Village propensities: Beta with mean {@code rate} and intraclass correlation {@code rho}; null for ρ = 0. */
    static BetaDistribution propensity(double rho, double rate) {
        return rho > 0 ? BetaDistribution.of(rate * (1 / rho - 1), (1 - rate) * (1 / rho - 1)) : null;
    }

    /** Simulates one review's counties (see the class documentation). */
    static Review review(SplittableRandom random, BetaDistribution propensity, double rate, int households,
            int counties, int villages, int sampled, double prior) {
        ClusterDesign.Builder b = ClusterDesign.builder();
        int n = counties * sampled;
        double[] y = new double[n];
        double[] x = new double[n];
        double[] hy = new double[n];
        double[] hx = new double[n];
        double[] truth = new double[counties];
        for (int k = 0; k < counties; k++) {
            String county = "C" + k;
            b.stratum(county, villages);
            boolean[] drawn = choose(random, villages, sampled);
            double errorsAll = 0;
            double personsAll = 0;
            int j = k * sampled;
            for (int v = 0; v < villages; v++) {
                double p = propensity == null ? rate : propensity.inverseCumulativeProbability(random.nextDouble());
                double ye = 0;
                double xe = 0;
                double he = 0;
                for (int h = 0; h < households; h++) {
                    int persons = 1 + random.nextInt(6);
                    boolean error = random.nextDouble() < p;
                    xe += persons;
                    if (error) {
                        ye += persons;
                        he++;
                    }
                }
                errorsAll += ye;
                personsAll += xe;
                if (drawn[v]) {
                    b.cluster(county, county + "-" + v);
                    y[j] = ye;
                    x[j] = xe;
                    hy[j] = he;
                    hx[j] = households;
                    j++;
                }
            }
            truth[k] = errorsAll / personsAll;
        }
        ClusterDesign design = b.build();
        double estimated = IntraclassCorrelation.anova(hx, hy);
        double r = Double.isNaN(estimated) ? prior : estimated;
        List<RatioEstimate> estimates = new ArrayList<>();
        for (int k = 0; k < counties; k++) {
            double[] own = new double[n];
            System.arraycopy(hx, k * sampled, own, k * sampled, sampled);
            estimates.add(design.ratio("C" + k, y, x).withIndependentUnits(IntraclassCorrelation.independentUnits(own, r)));
        }
        return new Review(estimates, truth);
    }

    /** The table in docs/statistics.md: ρ 0, 0.05, 0.1 × 20 and 60 households per village × rates 0.5%, 1%, 2%. */
    public static List<Result> table(int cities, long seed) {
        List<Result> out = new ArrayList<>();
        for (double rho : new double[] {0, 0.05, 0.1}) {
            for (int households : new int[] {20, 60}) {
                for (double rate : new double[] {0.005, 0.01, 0.02}) {
                    out.add(run(rho, households, rate, cities, 10, 40, 8, 0.95, 0.05, seed));
                }
            }
        }
        return out;
    }

    private static boolean[] choose(SplittableRandom random, int n, int k) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean[] chosen = new boolean[n];
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            chosen[order[i]] = true;
        }
        return chosen;
    }
}
