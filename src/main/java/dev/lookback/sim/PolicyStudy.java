package dev.lookback.sim;

import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How often each decision policy accuses a compliant county, county by county and review by review: the
 * simulated reviews of {@link BoundStudy} (clustered errors at a known ρ, every county at the same error
 * propensity, its own finite-population rate as the truth), each county decided against the line T by the
 * one evaluator ({@link Decisions#decide}) with Korn–Graubard intervals at the level. A false trigger is a
 * triggered county whose true rate is below T.
 */
public final class PolicyStudy {
    private PolicyStudy() {
    }

    /**
     * One policy's result in one scenario.
     *
     * @param policy        the policy
     * @param rho           true ρ
     * @param households    households per village
     * @param rate          the error propensity of every county
     * @param threshold     the line T
     * @param compliant     county rows whose true rate is below T
     * @param falseTriggers of those, rows triggered
     * @param reviews       reviews simulated
     * @param anyFalse      reviews with at least one false trigger
     * @param perReview     mean false triggers per review
     */
    public record Result(DecisionPolicy policy, double rho, int households, double rate, double threshold,
            int compliant, int falseTriggers, int reviews, int anyFalse, double perReview) {

        /** falseTriggers / compliant. */
        public double countyRate() {
            return (double) falseTriggers / compliant;
        }

        /** anyFalse / reviews. */
        public double reviewRate() {
            return (double) anyFalse / reviews;
        }

        /** A Markdown table row. */
        public String markdown() {
            return String.format(Locale.ROOT, "| %.1f%% | %.2f | %d | `%s` | %.2f%% | %.2f | **%.1f%%** |", 100 * rate, rho,
                    households, policy.label(), 100 * countyRate(), perReview, 100 * reviewRate());
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /** Every policy on the same simulated reviews. */
    public static List<Result> run(double rho, int households, double rate, double threshold, int cities,
            int counties, int villages, int sampled, double level, double prior, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        var propensity = BoundStudy.propensity(rho, rate);
        Map<DecisionPolicy, long[]> counts = new EnumMap<>(DecisionPolicy.class);
        for (DecisionPolicy p : DecisionPolicy.values()) {
            counts.put(p, new long[3]);
        }
        int compliant = 0;
        Leaders nobody = Leaders.of(List.of());
        for (int c = 0; c < cities; c++) {
            BoundStudy.Review review = BoundStudy.review(random, propensity, rate, households, counties, villages, sampled,
                    prior);
            List<Measurement> ms = new ArrayList<>();
            for (int k = 0; k < counties; k++) {
                RatioEstimate e = review.estimates().get(k);
                ms.add(new Measurement("C" + k, Measure.EXIT, e.estimate(), e.interval(IntervalMethod.KORN_GRAUBARD, level),
                        e.errors(), e.units(), e));
                if (review.truth()[k] < threshold) {
                    compliant++;
                }
            }
            for (DecisionPolicy p : DecisionPolicy.values()) {
                List<Decision> ds = Decisions.decide(ms, nobody, Map.of(Line.ERROR_THRESHOLD, threshold), p);
                int wrong = 0;
                for (int k = 0; k < counties; k++) {
                    if (ds.get(k).triggered() && review.truth()[k] < threshold) {
                        wrong++;
                    }
                }
                long[] n = counts.get(p);
                n[0] += wrong;
                n[1] += wrong > 0 ? 1 : 0;
            }
        }
        List<Result> out = new ArrayList<>();
        for (DecisionPolicy p : DecisionPolicy.values()) {
            long[] n = counts.get(p);
            out.add(new Result(p, rho, households, rate, threshold, compliant, (int) n[0], cities, (int) n[1],
                    (double) n[0] / cities));
        }
        return out;
    }

    /**
     * The table in docs/accountability.md: 20 counties of 40 villages, 8 drawn each, T = 2%, every county at 2% (on the
     * line: about half are compliant), 1.5% or 1%, ρ = 0.05, villages of 20 and 60 households.
     */
    public static List<Result> table(int cities, long seed) {
        List<Result> out = new ArrayList<>();
        for (double rate : new double[] {0.02, 0.015, 0.01}) {
            for (int households : new int[] {20, 60}) {
                out.addAll(run(0.05, households, rate, 0.02, cities, 20, 40, 8, 0.95, 0.05, seed));
            }
        }
        return out;
    }
}
