package dev.lookback.sim;

import dev.lookback.ReviewSettings;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.draw.FollowUp;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Two declared rounds against one round of the same villages, by simulation, at the defaults
 * ({@link ReviewSettings#defaults()}: policy, interval method, level, prior ρ).
 *
 * <p>Each city has {@code counties} counties of the scenario's size ({@link CalibrationStudy#county}: villages of
 * 20–100 households, in persons 1–6 persons a household, errors clustered at ρ, the truth each county's own rate
 * in the unit); the counties' error propensities cycle through ½T, ¾T, T, 1½T and 2T (T = 2%), one measure
 * (identification) a county. Round 1 draws the scenario's villages per county (a simple random sample), estimates
 * with the review's ρ̂ over every sampled village, and decides every county at the first look's level; the villages
 * to settle are sized for the second look's level, with the review's own simulation. Then:
 * <ul>
 * <li><b>two rounds</b> (the review's rule): the error is spent by the Lan–DeMets O'Brien–Fleming-type function
 * ({@link ReviewSettings#decisionLevel(int)}: 99.69% then 95.31%), and only the counties with a decision that more
 * villages could change ({@link FollowUp#additions}: triggered but fragile, or above the line but not proven) get
 * their villages to settle; then every county is decided again at the second look's level on all its villages, ρ̂
 * over them all;</li>
 * <li><b>one round</b>: the same total of villages spread evenly over the counties, decided once at the level;</li>
 * <li><b>the former rule</b>: the error split equally (97.5% a look), every fragile county extended.</li>
 * </ul>
 * A county is settled when its final decision is not fragile, caught when its own rate is at or over T and it is
 * triggered, and wrongly accused when its own rate is under T and it is triggered.
 */
public final class RoundsStudy {
    private RoundsStudy() {
    }

    /** Share of the county propensities, in units of T. */
    private static final double[] SHARES = {0.5, 0.75, 1.0, 1.5, 2.0};

    /** Counties a city. */
    public static final int COUNTIES = 10;

    /**
     * One procedure's counts.
     *
     * @param settled  counties whose final decision is not fragile
     * @param caught   failing counties (own rate ≥ T) triggered
     * @param accused  compliant counties (own rate under T) triggered
     * @param nearAccused compliant counties within half a point under the line, triggered
     * @param villages villages drawn in all
     * @param extended counties given villages in round 2 (0 for one round)
     */
    public record Counts(int settled, int caught, int accused, int nearAccused, long villages, int extended) {
    }

    /**
     * A scenario's result.
     *
     * @param scenario  the setting
     * @param counties  counties simulated
     * @param failing   counties whose own rate is at or over the line
     * @param compliant counties under it
     * @param near      compliant counties within half a point of it
     * @param two       two rounds, the error spent O'Brien–Fleming-wise, extended where the outcome could change
     * @param one       one round of the same villages
     * @param former    two rounds, the error split equally, every fragile county extended
     * @param formerOne one round of the former rule's villages
     */
    public record Result(CalibrationStudy.Scenario scenario, int counties, int failing, int compliant, int near,
            Counts two, Counts one, Counts former, Counts formerOne) {

        /** The Markdown header of {@link #markdown()}. */
        public static String header() {
            return "| villages a county (round 1) | ρ | unit | settled: two rounds | one round | caught (failing): two "
                    + "rounds | one round | compliant accused: two rounds | within ½ point of the line | villages a county "
                    + "| extended | former rule (97.5% a look, every fragile county): settled, caught vs one round; "
                    + "villages |\n|---|---|---|---|---|---|---|---|---|---|---|---|";
        }

        /** A row, the shares with their Monte Carlo standard errors. */
        public String markdown() {
            return String.format(Locale.ROOT, "| %s (%d) | %.2f | %s | **%s** | %s | **%s** | %s | %s | %s | %.1f | %s "
                    + "| %s vs %s, %s vs %s; %.1f |", scenario.size(), scenario.sampled(), scenario.rho(),
                    scenario.unit().label(), CalibrationStudy.share(two.settled(), counties),
                    CalibrationStudy.share(one.settled(), counties), CalibrationStudy.share(two.caught(), failing),
                    CalibrationStudy.share(one.caught(), failing), CalibrationStudy.share(two.accused(), compliant),
                    CalibrationStudy.share(two.nearAccused(), near), (double) two.villages() / counties,
                    CalibrationStudy.share(two.extended(), counties), pct(former.settled(), counties),
                    pct(formerOne.settled(), counties), pct(former.caught(), failing), pct(formerOne.caught(), failing),
                    (double) former.villages() / counties);
        }

        private static String pct(int k, int n) {
            return n == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /** The README's scenarios: {@link CalibrationStudy.Scenario#table()}. */
    public static List<Result> table(int cities, long seed) {
        return CalibrationStudy.Scenario.table().parallelStream().map(s -> run(s, cities, seed)).toList();
    }

    /** Runs the study for one scenario: {@code cities} cities of {@link #COUNTIES} counties. */
    public static Result run(CalibrationStudy.Scenario s, int cities, long seed) {
        ReviewSettings d = ReviewSettings.defaults().withRounds(2);
        double line = Line.ERROR_THRESHOLD.defaultValue();
        SplittableRandom random = new SplittableRandom(seed);
        int counties = 0;
        int failing = 0;
        int compliant = 0;
        int near = 0;
        int[][] sums = new int[4][6];
        long[] villages = new long[4];
        for (int c = 0; c < cities; c++) {
            List<CalibrationStudy.County> city = new ArrayList<>();
            List<int[]> orders = new ArrayList<>();
            for (int k = 0; k < COUNTIES; k++) {
                int n = s.fewest() + random.nextInt(s.most() - s.fewest() + 1);
                city.add(CalibrationStudy.county(random, n, SHARES[k % SHARES.length] * line, s.rho(), s.unit(), 1));
                orders.add(CalibrationStudy.order(random, n));
            }
            int[] first = new int[COUNTIES];
            java.util.Arrays.fill(first, s.sampled());
            long seeds = random.nextLong();
            // the review's rule: error spent O'Brien–Fleming-wise, extension where the outcome could change
            int[] two = twoRounds(city, orders, first, d.decisionLevel(1), d.decisionLevel(2), true, seeds);
            // the former rule: 97.5% a look, every fragile county extended
            double half = 1 - (1 - d.level()) / 2;
            int[] former = twoRounds(city, orders, first, half, half, false, seeds);
            List<int[]> procedures = List.of(two, even(city, two), former, even(city, former));
            double[] levels = {d.decisionLevel(2), d.level(), half, d.level()};
            for (int p = 0; p < 4; p++) {
                int[] size = procedures.get(p);
                List<Decision> ds = decide(city, orders, size, levels[p], Double.NaN, seeds, false);
                for (int k = 0; k < COUNTIES; k++) {
                    CalibrationStudy.County ct = city.get(k);
                    boolean bad = ct.truth() >= line;
                    boolean triggered = ds.get(k).triggered();
                    sums[p][0] += ds.get(k).fragile() ? 0 : 1;
                    sums[p][1] += bad && triggered ? 1 : 0;
                    sums[p][2] += !bad && triggered ? 1 : 0;
                    sums[p][3] += !bad && triggered && line - ct.truth() <= RiskSimulation.NEAR_LINE ? 1 : 0;
                    sums[p][5] += p % 2 == 0 && size[k] > s.sampled() ? 1 : 0;
                    villages[p] += size[k];
                }
            }
            for (CalibrationStudy.County ct : city) {
                counties++;
                boolean bad = ct.truth() >= line;
                failing += bad ? 1 : 0;
                compliant += bad ? 0 : 1;
                near += !bad && line - ct.truth() <= RiskSimulation.NEAR_LINE ? 1 : 0;
            }
        }
        Counts[] out = new Counts[4];
        for (int p = 0; p < 4; p++) {
            out[p] = new Counts(sums[p][0], sums[p][1], sums[p][2], sums[p][3], villages[p], sums[p][5]);
        }
        return new Result(s, counties, failing, compliant, near, out[0], out[1], out[2], out[3]);
    }

    /**
     * Round 1 at {@code look1} and the extension: each county's final number of villages. {@code targeted}: only
     * the decisions more villages could change are extended ({@link FollowUp#additions}); otherwise every fragile
     * county by its largest villages to settle (the former rule).
     */
    private static int[] twoRounds(List<CalibrationStudy.County> city, List<int[]> orders, int[] first, double look1,
            double look2, boolean targeted, long seed) {
        List<Decision> round1 = decide(city, orders, first, look1, look2, seed, true);
        Map<String, Integer> sampled = new java.util.TreeMap<>();
        for (int k = 0; k < city.size(); k++) {
            sampled.put("C" + k, first[k]);
        }
        List<FollowUp.Unsettled> unsettled = Decisions.unsettled(round1);
        if (!targeted) { // the former rule: every unsettled decision counted as one that could change
            unsettled = unsettled.stream().map(u -> new FollowUp.Unsettled(u.county(), u.measure(), u.noData(), true,
                    u.villagesToSettle(), u.estimate(), u.lower(), u.upper(), u.threshold())).toList();
        }
        Map<String, Integer> add = FollowUp.additions(unsettled, sampled);
        int[] size = first.clone();
        for (int k = 0; k < city.size(); k++) {
            size[k] = Math.min(city.get(k).villages(), first[k] + add.getOrDefault("C" + k, 0));
        }
        return size;
    }

    /** The same villages spread evenly over the counties (capped at each county's villages). */
    private static int[] even(List<CalibrationStudy.County> city, int[] size) {
        int total = java.util.Arrays.stream(size).sum();
        int[] out = new int[city.size()];
        int left = total;
        boolean grew = true;
        while (left > 0 && grew) { // one village at a time round the counties, skipping the full ones
            grew = false;
            for (int k = 0; k < city.size() && left > 0; k++) {
                if (out[k] < city.get(k).villages()) {
                    out[k]++;
                    left--;
                    grew = true;
                }
            }
        }
        return out;
    }

    /**
     * Decides every county on its first {@code size[k]} villages at {@code level}, ρ̂ over them all; with
     * {@code settle}, each decision carries the review's simulation and its villages to settle at {@code settleLevel}.
     */
    private static List<Decision> decide(List<CalibrationStudy.County> city, List<int[]> orders, int[] size,
            double level, double settleLevel, long seed, boolean settle) {
        ReviewSettings d = ReviewSettings.defaults();
        IntervalMethod method = d.methods().get(0);
        double rho = CalibrationStudy.rho(city, orders, size, d.rho());
        List<Measurement> ms = new ArrayList<>();
        for (int k = 0; k < city.size(); k++) {
            CalibrationStudy.County c = city.get(k);
            int[] order = orders.get(k);
            RatioEstimate e = CalibrationStudy.estimate(c, order, size[k], rho);
            Measurement m = CalibrationStudy.measurement("C" + k, Measure.IDENTIFICATION, e, method, level);
            if (settle) {
                double[] h = new double[size[k]];
                double[] x = new double[size[k]];
                for (int i = 0; i < size[k]; i++) {
                    h[i] = c.households()[order[i]];
                    x[i] = c.units()[order[i]];
                }
                m = m.withSimulation(new RiskSimulation(h, x, c.villages(), rho, method, level,
                        ReviewSettings.RISK_REPLICATES, seed + k));
            }
            ms.add(m);
        }
        return Decisions.decide(ms, Leaders.of(List.of()), Map.of(Line.ERROR_THRESHOLD, Line.ERROR_THRESHOLD.defaultValue()),
                d.policy(), settleLevel);
    }
}
