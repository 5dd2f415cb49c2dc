package dev.lookback.sim;

import dev.lookback.ReviewSettings;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.decide.DecisionPolicy;
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
 * Whether what a review prints at its defaults comes true, checked by simulating whole reviews: false accusations
 * per decision, per leader and per review; how often each Korn–Graubard upper bound misses the county's own rate;
 * and whether adding exactly the villages a fragile decision states settles it.
 *
 * <p>A simulated review has {@code counties} counties of N villages (N uniform in the scenario's range), each
 * village 20–100 households of 1–6 persons. Two measures are simulated per county, each on its own domain:
 * identification (every household) and exit (each household exited with chance 0.3). A village's error propensity
 * is Beta with the county's propensity as mean and intraclass correlation ρ; a household of the domain errs with
 * it, and all its persons share the verdict. Each county's truth is its own finite-population rate in the review's
 * unit. The sampled villages are a simple random sample per county; the rates are estimated on the stratified
 * cluster design with n_b from the review's ρ̂ of the measure (one-way ANOVA over its sampled villages, the prior
 * where undefined), exactly as {@code lookback review} estimates them, and decided by {@link Decisions#decide},
 * the review's evaluator, with its villages to settle from the review's {@link RiskSimulation}. A fragile
 * decision is then extended by exactly the villages it states (a simple random sample of the county's villages
 * not yet drawn) and decided again.
 */
public final class CalibrationStudy {

    private CalibrationStudy() {
    }

    /** Share of a village's households in the exit domain. */
    static final double EXITED = 0.3;

    /**
     * A setting.
     *
     * @param fewest  fewest villages of a county
     * @param most    most villages of a county
     * @param sampled villages drawn per county
     * @param rho     true intraclass correlation of errors in households
     * @param unit    the review's unit
     */
    public record Scenario(int fewest, int most, int sampled, double rho, Unit unit) {
        /** The counties' size as printed: {@code 40} or {@code 100–300}. */
        public String size() {
            return fewest == most ? Integer.toString(fewest) : fewest + "–" + most;
        }

        /** The scenarios of the table in docs/accountability.mds: counties of 40 (8 drawn) and 100–300 (20 drawn), ρ 0.05 and 0.3, both units. */
        public static List<Scenario> table() {
            List<Scenario> out = new ArrayList<>();
            for (int[] size : new int[][] {{40, 40, 8}, {100, 300, 20}}) {
                for (double rho : new double[] {0.05, 0.3}) {
                    for (Unit unit : Unit.values()) {
                        out.add(new Scenario(size[0], size[1], size[2], rho, unit));
                    }
                }
            }
            return out;
        }
    }

    /**
     * False accusations and bound misses at the defaults, counties whose propensity sits just below the line.
     *
     * @param scenario          the setting
     * @param propensity        every county's error propensity
     * @param reviews           reviews simulated
     * @param decisions         decisions whose county's own rate is below the line (compliant)
     * @param accused           of those, triggered
     * @param leaders           county leader pairs whose counties' two rates are both below the line
     * @param reached           of those, reached (either measure triggered)
     * @param reviewsWithAny    reviews in which some compliant leader is reached
     * @param rows              county rows (both measures)
     * @param missesKg          rows whose {@code korn-graubard} upper bound lies below the county's own rate
     * @param missesNb          rows whose {@code korn-graubard-nb} upper bound does
     * @param pointAccused      compliant decisions triggered under {@code point}, for comparison
     */
    public record Accusations(Scenario scenario, double propensity, int reviews, int decisions, int accused, int leaders,
            int reached, int reviewsWithAny, int rows, int missesKg, int missesNb, int pointAccused) {

        /** The Markdown header of {@link #markdown()}. */
        public static String header() {
            return "| villages a county (drawn) | ρ | unit | compliant decisions accused | `point` for comparison "
                    + "| compliant leaders reached | reviews reaching any | `korn-graubard` upper bound misses "
                    + "| `korn-graubard-nb` misses |\n|---|---|---|---|---|---|---|---|---|";
        }

        /** A row: each share with its Monte Carlo standard error (±). */
        public String markdown() {
            return String.format(Locale.ROOT, "| %s (%d) | %.2f | %s | %s | %s | %s | %s | %s | **%s** |",
                    scenario.size(), scenario.sampled(), scenario.rho(), scenario.unit().label(),
                    share(accused, decisions), share(pointAccused, decisions), share(reached, leaders),
                    share(reviewsWithAny, reviews), share(missesKg, rows), share(missesNb, rows));
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /**
     * Whether the villages to settle come true.
     *
     * @param scenario  the setting
     * @param fragile   fragile decisions with villages to settle stated
     * @param settled   of those, settled after adding exactly that many villages
     * @param near      fragile decisions whose county's own rate lies within half a point of the line
     * @param nearSettled of those, settled
     * @param atToday   of the fragile decisions, settled when the villages are computed at today's estimate (the
     *                  former rule), extended the same way
     * @param added     villages added in all
     * @param censuses  decisions whose villages to settle were every village left
     */
    public record Settling(Scenario scenario, int fragile, int settled, int near, int nearSettled, int atToday,
            long added, int censuses) {

        /** The Markdown header of {@link #markdown()}. */
        public static String header() {
            return "| villages a county (drawn) | ρ | unit | fragile decisions | settled by the villages stated "
                    + "| within half a point of the line: settled | at today's estimate instead (former rule) "
                    + "| mean villages added | of which censuses |\n|---|---|---|---|---|---|---|---|---|";
        }

        /** A row: each share with its Monte Carlo standard error (±). */
        public String markdown() {
            return String.format(Locale.ROOT, "| %s (%d) | %.2f | %s | %d | **%s** | **%s** (%d) | %s | %.1f | %s |",
                    scenario.size(), scenario.sampled(), scenario.rho(), scenario.unit().label(), fragile,
                    share(settled, fragile), share(nearSettled, near), near, share(atToday, fragile),
                    fragile == 0 ? 0.0 : (double) added / fragile, share(censuses, fragile));
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /** {@code k/n} as a percentage with its Monte Carlo standard error √(p(1 − p)/n). */
    static String share(int k, int n) {
        if (n == 0) {
            return "–";
        }
        double p = (double) k / n;
        return String.format(Locale.ROOT, "%.1f%% ± %.1f", 100 * p, 100 * Math.sqrt(p * (1 - p) / n));
    }

    /** One measure of one county: per village domain households and units, household errors and unit errors. */
    record County(int villages, double[] households, double[] units, double[] errors, double[] unitErrors, double truth) {
    }

    /** One measure of a county, simulated (see the class documentation). */
    static County county(SplittableRandom random, int villages, double propensity, double rho, Unit unit,
            double domainShare) {
        BetaDistribution beta = rho > 0 ? BetaDistribution.of(propensity * (1 / rho - 1), (1 - propensity) * (1 / rho - 1))
                : null;
        double[] h = new double[villages];
        double[] x = new double[villages];
        double[] e = new double[villages];
        double[] y = new double[villages];
        double units = 0;
        double errors = 0;
        for (int v = 0; v < villages; v++) {
            double p = beta == null ? propensity : beta.inverseCumulativeProbability(random.nextDouble());
            int size = 20 + random.nextInt(81);
            for (int k = 0; k < size; k++) {
                if (domainShare < 1 && random.nextDouble() >= domainShare) {
                    continue;
                }
                int persons = unit == Unit.PERSONS ? 1 + random.nextInt(6) : 1;
                boolean error = random.nextDouble() < p;
                h[v]++;
                x[v] += persons;
                if (error) {
                    e[v]++;
                    y[v] += persons;
                }
            }
            units += x[v];
            errors += y[v];
        }
        return new County(villages, h, x, e, y, errors / units);
    }

    /** Per county its sampled villages (indices) in the order drawn, and the rest in a random order after them. */
    static int[] order(SplittableRandom random, int villages) {
        int[] order = new int[villages];
        for (int i = 0; i < villages; i++) {
            order[i] = i;
        }
        for (int i = 0; i < villages - 1; i++) {
            int j = i + random.nextInt(villages - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A review's estimate of one county from its first {@code n} villages in {@code order}, with n_b at ρ. */
    static RatioEstimate estimate(County c, int[] order, int n, double rho) {
        ClusterDesign.Builder b = ClusterDesign.builder().stratum("C", c.villages());
        double[] y = new double[n];
        double[] x = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            int v = order[i];
            b.cluster("C", "v" + v);
            y[i] = c.unitErrors()[v];
            x[i] = c.units()[v];
            h[i] = c.households()[v];
        }
        return b.build().ratio("C", y, x).withIndependentUnits(IntraclassCorrelation.independentUnits(h, rho));
    }

    /** The review's ρ̂ of a measure over every sampled village of the review, the prior where undefined. */
    static double rho(List<County> counties, List<int[]> orders, int sampled, double prior) {
        int[] size = new int[counties.size()];
        java.util.Arrays.fill(size, sampled);
        return rho(counties, orders, size, prior);
    }

    /** The same over each county's first {@code size[c]} villages. */
    static double rho(List<County> counties, List<int[]> orders, int[] size, double prior) {
        int k = java.util.Arrays.stream(size).sum();
        double[] m = new double[k];
        double[] y = new double[k];
        int j = 0;
        for (int c = 0; c < counties.size(); c++) {
            for (int i = 0; i < size[c]; i++) {
                int v = orders.get(c)[i];
                m[j] = counties.get(c).households()[v];
                y[j] = counties.get(c).errors()[v];
                j++;
            }
        }
        double r = IntraclassCorrelation.anova(m, y);
        return Double.isNaN(r) ? prior : r;
    }

    /** The counties' villages: N uniform in the scenario's range. */
    private static int villages(SplittableRandom random, Scenario s) {
        return s.fewest() + random.nextInt(s.most() - s.fewest() + 1);
    }

    /** Simulates the counties of one review, both measures; index 0 identification, 1 exit. */
    private static List<List<County>> review(SplittableRandom random, Scenario s, int counties, double[] propensities) {
        List<List<County>> both = List.of(new ArrayList<>(), new ArrayList<>());
        for (int c = 0; c < counties; c++) {
            int n = villages(random, s);
            both.get(0).add(county(random, n, propensities[c], s.rho(), s.unit(), 1));
            both.get(1).add(county(random, n, propensities[c], s.rho(), s.unit(), EXITED));
        }
        return both;
    }

    /**
     * False accusations per decision, leader and review at the defaults ({@link ReviewSettings#defaults()}: policy and
     * interval method, level, prior ρ), every county at {@code propensity}; and both bounds' misses.
     */
    public static Accusations accusations(Scenario s, double propensity, int reviews, int counties, long seed) {
        ReviewSettings d = ReviewSettings.defaults();
        double line = Line.ERROR_THRESHOLD.defaultValue();
        SplittableRandom random = new SplittableRandom(seed);
        double[] propensities = new double[counties];
        java.util.Arrays.fill(propensities, propensity);
        int decisions = 0;
        int accused = 0;
        int point = 0;
        int leaders = 0;
        int reached = 0;
        int any = 0;
        int rows = 0;
        int missesKg = 0;
        int missesNb = 0;
        for (int r = 0; r < reviews; r++) {
            List<List<County>> both = review(random, s, counties, propensities);
            List<int[]> orders = new ArrayList<>();
            for (County c : both.get(0)) {
                orders.add(order(random, c.villages()));
            }
            List<Measurement> ms = new ArrayList<>();
            boolean[][] compliant = new boolean[2][counties];
            for (int m = 0; m < 2; m++) {
                Measure measure = m == 0 ? Measure.IDENTIFICATION : Measure.EXIT;
                double rho = rho(both.get(m), orders, s.sampled(), d.rho());
                for (int c = 0; c < counties; c++) {
                    County county = both.get(m).get(c);
                    RatioEstimate e = estimate(county, orders.get(c), s.sampled(), rho);
                    compliant[m][c] = county.truth() < line;
                    ms.add(measurement("C" + c, measure, e, d.methods().get(0), d.level()));
                    rows++;
                    if (e.interval(IntervalMethod.KORN_GRAUBARD, d.level()).upper() < county.truth()) {
                        missesKg++;
                    }
                    if (e.interval(IntervalMethod.KORN_GRAUBARD_NB, d.level()).upper() < county.truth()) {
                        missesNb++;
                    }
                }
            }
            List<Decision> ds = Decisions.decide(ms, Leaders.of(List.of()), Map.of(Line.ERROR_THRESHOLD, line), d.policy());
            List<Decision> byPoint = Decisions.decide(ms, Leaders.of(List.of()), Map.of(Line.ERROR_THRESHOLD, line),
                    DecisionPolicy.POINT);
            boolean anyHere = false;
            for (int c = 0; c < counties; c++) {
                boolean reachedHere = false;
                for (int m = 0; m < 2; m++) {
                    int k = m * counties + c;
                    if (compliant[m][c]) {
                        decisions++;
                        accused += ds.get(k).triggered() ? 1 : 0;
                        point += byPoint.get(k).triggered() ? 1 : 0;
                    }
                    reachedHere |= ds.get(k).triggered();
                }
                if (compliant[0][c] && compliant[1][c]) {
                    leaders++;
                    if (reachedHere) {
                        reached++;
                        anyHere = true;
                    }
                }
            }
            any += anyHere ? 1 : 0;
        }
        return new Accusations(s, propensity, reviews, decisions, accused, leaders, reached, any, rows, missesKg, missesNb,
                point);
    }

    /** A county's measurement as the review makes it: the interval of the first method at the level. */
    static Measurement measurement(String county, Measure measure, RatioEstimate e, IntervalMethod method,
            double level) {
        Interval ci = e.interval(method, level);
        return new Measurement(county, measure, e.estimate(), ci, e.errors(), e.units(), e);
    }

    /**
     * The villages to settle, checked: counties' propensities uniform in [0.5%, 4%], decided at the defaults; every
     * fragile decision extended by exactly the villages it states and decided again; also the villages the former
     * rule (the settle chance at today's estimate) would have stated, extended the same way.
     */
    public static Settling settling(Scenario s, int reviews, int counties, long seed) {
        ReviewSettings d = ReviewSettings.defaults();
        double line = Line.ERROR_THRESHOLD.defaultValue();
        IntervalMethod method = d.methods().get(0);
        SplittableRandom random = new SplittableRandom(seed);
        int fragile = 0;
        int settled = 0;
        int near = 0;
        int nearSettled = 0;
        int atToday = 0;
        long added = 0;
        int censuses = 0;
        for (int r = 0; r < reviews; r++) {
            double[] propensities = new double[counties];
            for (int c = 0; c < counties; c++) {
                propensities[c] = 0.005 + 0.035 * random.nextDouble();
            }
            List<List<County>> both = review(random, s, counties, propensities);
            List<int[]> orders = new ArrayList<>();
            for (County c : both.get(0)) {
                orders.add(order(random, c.villages()));
            }
            for (int m = 0; m < 2; m++) {
                Measure measure = m == 0 ? Measure.IDENTIFICATION : Measure.EXIT;
                List<County> cs = both.get(m);
                double rho = rho(cs, orders, s.sampled(), d.rho());
                List<Measurement> ms = new ArrayList<>();
                List<RiskSimulation> sims = new ArrayList<>();
                for (int c = 0; c < counties; c++) {
                    County county = cs.get(c);
                    int[] order = orders.get(c);
                    RatioEstimate e = estimate(county, order, s.sampled(), rho);
                    double[] h = new double[s.sampled()];
                    double[] x = new double[s.sampled()];
                    for (int i = 0; i < s.sampled(); i++) {
                        h[i] = county.households()[order[i]];
                        x[i] = county.units()[order[i]];
                    }
                    RiskSimulation sim = new RiskSimulation(h, x, county.villages(), rho, method, d.level(),
                            ReviewSettings.RISK_REPLICATES, random.nextLong());
                    sims.add(sim);
                    ms.add(measurement("C" + c, measure, e, method, d.level()).withSimulation(sim));
                }
                List<Decision> ds = Decisions.decide(ms, Leaders.of(List.of()), Map.of(Line.ERROR_THRESHOLD, line),
                        d.policy());
                for (int c = 0; c < counties; c++) {
                    Decision dc = ds.get(c);
                    if (!dc.fragile() || dc.extraVillages() < 0) {
                        continue;
                    }
                    County county = cs.get(c);
                    int k = dc.extraVillages();
                    boolean done = settles(county, orders.get(c), s.sampled() + k, rho, method, d.level(), line);
                    fragile++;
                    settled += done ? 1 : 0;
                    added += k;
                    censuses += s.sampled() + k >= county.villages() ? 1 : 0;
                    if (Math.abs(county.truth() - line) <= RiskSimulation.NEAR_LINE) {
                        near++;
                        nearSettled += done ? 1 : 0;
                    }
                    int former = sims.get(c).villagesToSettle(dc.estimate(), line);
                    if (former >= 0 && settles(county, orders.get(c), s.sampled() + former, rho, method, d.level(), line)) {
                        atToday++;
                    }
                }
            }
        }
        return new Settling(s, fragile, settled, near, nearSettled, atToday, added, censuses);
    }

    /** Whether the county's first {@code n} villages give an interval wholly on one side of the line. */
    private static boolean settles(County c, int[] order, int n, double rho, IntervalMethod method, double level,
            double line) {
        Interval ci = estimate(c, order, Math.min(n, c.villages()), rho).interval(method, level);
        return ci.isDefined() && (ci.lower() >= line || ci.upper() < line);
    }
}
