package dev.lookback.sim;

import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The two-round procedure against one round of the same size, by simulation (issue 13's check). Each city
 * has {@code counties} counties of {@code villages} villages of 20–60 households; the counties' error
 * propensities cycle through ½T, ¾T, T, 1½T and 2T (some below the line, some on it, some above); a village's
 * propensity is Beta with that mean and intraclass correlation ρ, a household errs with its village's
 * propensity, and a county's truth is its own finite-population rate in households.
 *
 * <p>Two rounds (K = 2 declared): round 1 draws {@code first} villages per county (SRS in ticket order) and
 * decides every county at the look level 1 − (1 − level)/2 under the policy; each county whose decision is
 * fragile gets its villages to settle (the decision-risk simulation, 80%) as the next tickets, and is decided
 * again at the same look level on its combined sample; the others keep their round-1 decision. Under
 * family-wise each look is Holm-adjusted over the decisions it takes. One round: the same total number of
 * villages spread evenly over the counties, decided once at {@code level}. A false accusation is a county
 * triggered whose own rate is below T.
 */
public final class RoundsStudy {
    private RoundsStudy() {
    }

    /**
     * One policy's result.
     *
     * @param policy             the policy
     * @param counties           counties simulated
     * @param compliant          counties whose own rate is below the line
     * @param falseTwoRounds     compliant counties accused by the two-round procedure
     * @param falseOneRound      compliant counties accused by one round of the same size
     * @param settledTwoRounds   decisions not fragile at the end of the two rounds
     * @param settledOneRound    decisions not fragile after one round of the same size
     * @param villagesPerCounty  villages per county spent by both (the two rounds' mean)
     * @param extended           counties extended in round 2
     * @param reviewsWithFalse   reviews (cities) in which the two-round procedure accused a compliant county
     * @param cities             cities simulated
     */
    public record Result(DecisionPolicy policy, int counties, int compliant, int falseTwoRounds, int falseOneRound,
            int settledTwoRounds, int settledOneRound, double villagesPerCounty, int extended, int reviewsWithFalse,
            int cities) {
        /** A Markdown row. */
        public String markdown() {
            return String.format(Locale.ROOT, "| `%s` | %d | %d | **%.2f%%** | %.2f%% | %.1f%% | %.1f%% | %.1f | %.1f%% | %.1f%% |",
                    policy.label(), counties, compliant, 100.0 * falseTwoRounds / compliant,
                    100.0 * falseOneRound / compliant, 100.0 * settledTwoRounds / counties,
                    100.0 * settledOneRound / counties, villagesPerCounty, 100.0 * extended / counties,
                    100.0 * reviewsWithFalse / cities);
        }

        /** The Markdown header. */
        public static String header() {
            return "| policy | counties | compliant | two rounds: compliant accused | one round: compliant accused"
                    + " | two rounds: settled | one round: settled | villages per county | extended in round 2"
                    + " | reviews accusing anyone compliant (two rounds) |\n|---|---|---|---|---|---|---|---|---|---|";
        }

        @Override
        public String toString() {
            return markdown();
        }
    }

    /** A simulated county: its villages' households and household errors, in ticket order, and its own rate. */
    record County(double[] households, double[] errors, double truth) {
    }

    /** Runs the study for one policy. */
    public static Result run(DecisionPolicy policy, int cities, int counties, int villages, int first, double threshold,
            double rho, double level, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double look = dev.lookback.ReviewSettings.defaults().withLevel(level).withRounds(2).decisionLevel();
        double[] shares = {0.5, 0.75, 1.0, 1.5, 2.0};
        Leaders nobody = Leaders.of(List.of());
        Map<Line, Double> lines = Map.of(Line.ERROR_THRESHOLD, threshold);
        int total = 0;
        int compliant = 0;
        int false2 = 0;
        int false1 = 0;
        int settled2 = 0;
        int settled1 = 0;
        int extended = 0;
        int withFalse = 0;
        long spent = 0;
        for (int c = 0; c < cities; c++) {
            List<County> city = new ArrayList<>();
            for (int k = 0; k < counties; k++) {
                city.add(county(random, villages, shares[k % shares.length] * threshold, rho));
            }
            // round 1, every county at the look level; ρ̂ over the review's round-1 villages
            double[] hx = new double[counties * first];
            double[] hy = new double[counties * first];
            for (int k = 0; k < counties; k++) {
                System.arraycopy(city.get(k).households(), 0, hx, k * first, first);
                System.arraycopy(city.get(k).errors(), 0, hy, k * first, first);
            }
            double estimatedRho = IntraclassCorrelation.anova(hx, hy);
            double r = Double.isNaN(estimatedRho) ? 0.05 : estimatedRho;
            int[] size = new int[counties];
            java.util.Arrays.fill(size, first);
            List<Decision> round1 = decide(city, size, r, look, policy, nobody, lines, null);
            int[] finalSize = size.clone();
            List<Integer> again = new ArrayList<>();
            for (int k = 0; k < counties; k++) {
                Decision d = round1.get(k);
                if (d.fragile()) {
                    County ct = city.get(k);
                    RiskSimulation s = new RiskSimulation(java.util.Arrays.copyOf(ct.households(), first),
                            java.util.Arrays.copyOf(ct.households(), first), villages, r, IntervalMethod.KORN_GRAUBARD,
                            look, 200, seed * 31 + c * 1000L + k);
                    int add = s.villagesToSettle(d.estimate(), threshold);
                    finalSize[k] = add < 0 ? villages : Math.min(villages, first + add);
                    if (finalSize[k] > first) {
                        again.add(k);
                    }
                }
            }
            List<Decision> round2 = again.isEmpty() ? List.of() : decide(city, finalSize, r, look, policy, nobody, lines,
                    again);
            List<Decision> last = new ArrayList<>(round1);
            for (int i = 0; i < again.size(); i++) {
                last.set(again.get(i), round2.get(i));
            }
            // one round of the same size, spread evenly
            int used = java.util.Arrays.stream(finalSize).sum();
            int[] even = new int[counties];
            for (int k = 0; k < counties; k++) {
                even[k] = Math.min(villages, used / counties + (k < used % counties ? 1 : 0));
            }
            List<Decision> once = decide(city, even, r, level, policy, nobody, lines, null);
            boolean anyFalse = false;
            for (int k = 0; k < counties; k++) {
                boolean ok = city.get(k).truth() < threshold;
                total++;
                compliant += ok ? 1 : 0;
                if (ok && last.get(k).triggered()) {
                    false2++;
                    anyFalse = true;
                }
                if (ok && once.get(k).triggered()) {
                    false1++;
                }
                settled2 += last.get(k).fragile() ? 0 : 1;
                settled1 += once.get(k).fragile() ? 0 : 1;
            }
            withFalse += anyFalse ? 1 : 0;
            extended += again.size();
            spent += used;
        }
        return new Result(policy, total, compliant, false2, false1, settled2, settled1, (double) spent / total, extended,
                withFalse, cities);
    }

    /** Decisions of the counties asked (all when null) on their first {@code size[k]} villages. */
    private static List<Decision> decide(List<County> city, int[] size, double rho, double level, DecisionPolicy policy,
            Leaders nobody, Map<Line, Double> lines, List<Integer> only) {
        List<Measurement> ms = new ArrayList<>();
        List<Integer> which = only;
        if (which == null) {
            which = new ArrayList<>();
            for (int k = 0; k < city.size(); k++) {
                which.add(k);
            }
        }
        for (int k : which) {
            County c = city.get(k);
            int n = size[k];
            ClusterDesign.Builder b = ClusterDesign.builder().stratum("C", c.households().length);
            for (int i = 0; i < n; i++) {
                b.cluster("C", "v" + i);
            }
            double[] x = java.util.Arrays.copyOf(c.households(), n);
            double[] y = java.util.Arrays.copyOf(c.errors(), n);
            RatioEstimate e = b.build().ratio("C", y, x).withIndependentUnits(IntraclassCorrelation.independentUnits(x, rho));
            ms.add(new Measurement("C" + k, Measure.IDENTIFICATION, e.estimate(), e.interval(IntervalMethod.KORN_GRAUBARD,
                    level), e.errors(), e.units(), e));
        }
        return Decisions.decide(ms, nobody, lines, policy);
    }

    /** A county of {@code villages} villages (in a random ticket order) at a propensity. */
    static County county(SplittableRandom random, int villages, double rate, double rho) {
        BetaDistribution propensity = BoundStudy.propensity(rho, rate);
        double[] h = new double[villages];
        double[] y = new double[villages];
        double all = 0;
        double errors = 0;
        for (int v = 0; v < villages; v++) {
            h[v] = 20 + random.nextInt(41);
            double p = propensity == null ? rate : propensity.inverseCumulativeProbability(random.nextDouble());
            for (int i = 0; i < h[v]; i++) {
                if (random.nextDouble() < p) {
                    y[v]++;
                }
            }
            all += h[v];
            errors += y[v];
        }
        return new County(h, y, errors / all);
    }

    /** The README's table: confident and family-wise, 20 counties of 40 villages, 8 drawn first, T = 2%, ρ = 0.05. */
    public static List<Result> table(int cities, long seed) {
        List<Result> out = new ArrayList<>();
        for (DecisionPolicy p : new DecisionPolicy[] {DecisionPolicy.CONFIDENT, DecisionPolicy.FAMILY_WISE}) {
            out.add(run(p, cities, 20, 40, 8, 0.02, 0.05, 0.95, 1));
        }
        return out;
    }
}
