package dev.lookback.assist;

import static dev.lookback.io.Columns.ANSWER;
import static dev.lookback.io.Columns.CADRE;
import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.HOUSEHOLD;
import static dev.lookback.io.Columns.MONTHS_IN_VILLAGE;
import static dev.lookback.io.Columns.REPLACED;
import static dev.lookback.io.Columns.REPLACEMENT_APPROVED;
import static dev.lookback.io.Columns.ROLE;
import static dev.lookback.io.Columns.TASKS_DONE;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.DomainEstimates;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Answer;
import dev.lookback.vocabulary.AssistanceMeasure;
import dev.lookback.vocabulary.CadreRole;
import dev.lookback.vocabulary.Shortfall;
import dev.lookback.vocabulary.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assistance link (帮扶工作落实): cadres' compliance from {@code cadres.csv} and households'
 * satisfaction from {@code satisfaction.csv}, each as a rate per county on the review's own design (the
 * sampled villages as clusters within counties, weighted by their inclusion probabilities), through the one
 * estimation path of the error rates ({@link DomainEstimates}): every interval method asked for, a city row
 * ({@code ALL}), the bootstrap's replicates when asked; at 0% or 100% the exact bound counts n_b = units/d with
 * the one-way ANOVA ρ̂ of the outcome over the sampled villages ({@code rhoPrior} where undefined).
 *
 * <p>A cadre fails when the months in the village are below the role's minimum, when the cadre was
 * replaced without approval, or when the tasks (两扶两助, 四送) are not done. Satisfaction counts
 * 满意 and 基本满意 over all answers.
 */
public final class AssistanceCheck {

    private AssistanceCheck() {
    }

    /**
     * A rate of the assistance link.
     *
     * @param county   county, or {@code ALL} for the city
     * @param measure  cadre non-compliance or satisfaction
     * @param estimate the ratio estimate (villages as clusters)
     * @param intervals its intervals, one per method asked, in that order (the first is the decisions')
     * @param failures the failing cadres or dissatisfied answers, for the rectification list
     * @param villageUnits cadres or answers in each of the county's sampled villages (sample order): what a
     *                 simulation of the county needs
     * @param rho      the intraclass correlation of the outcome the bound used (estimated, or the prior)
     */
    public record Rate(String county, AssistanceMeasure measure, RatioEstimate estimate, List<Interval> intervals,
            List<Failure> failures, List<Double> villageUnits, double rho) {
        public Rate {
            intervals = List.copyOf(intervals);
            failures = List.copyOf(failures);
            villageUnits = List.copyOf(villageUnits);
        }

        /** The first interval (the one decisions use). */
        public Interval interval() {
            return intervals.get(0);
        }

        /** Whether this is the city's row. */
        public boolean city() {
            return DomainEstimates.ALL.equals(county);
        }
    }

    /**
     * A failing cadre or a dissatisfied household: who, where, and why.
     *
     * @param id         the cadre or the household
     * @param village    the village
     * @param shortfalls why, in order
     * @param months     a cadre's months in the village (0 for a household)
     * @param minimum    the cadre's minimum months (0 for a household)
     */
    public record Failure(String id, String village, List<Shortfall> shortfalls, int months, int minimum) {
        public Failure {
            shortfalls = List.copyOf(shortfalls);
        }

        @Override
        public String toString() {
            List<String> why = new ArrayList<>();
            for (Shortfall f : shortfalls) {
                why.add(f == Shortfall.TOO_FEW_MONTHS ? months + " months in the village, below " + minimum : f.english());
            }
            return id + " (" + village + "): " + String.join(", ", why);
        }
    }

    /** Minimum months in the village by role; the plan's own figures are masked: set them. */
    public record Minimums(int firstSecretary, int teamMember) {
        /** 12 months for a first secretary (第一书记), 6 for a team member (工作队员). */
        public static Minimums defaults() {
            return new Minimums(12, 6);
        }
    }

    /** Cadre non-compliance per county and for the city, by one interval method. */
    public static List<Rate> cadres(TabularSource source, Frame frame, Sample sample, Minimums minimums,
            IntervalMethod method, double level, double rhoPrior) {
        return cadres(source, frame, sample, minimums, method, level, rhoPrior, null);
    }

    /**
     * Cadre non-compliance by one interval method, with the bootstrap that draws the replicates of a
     * {@link IntervalMethod#BOOTSTRAP} interval (may be null for any other method).
     */
    public static List<Rate> cadres(TabularSource source, Frame frame, Sample sample, Minimums minimums,
            IntervalMethod method, double level, double rhoPrior, RaoWuBootstrap bootstrap) {
        return cadres(source, frame, sample, minimums, options(method, level), rhoPrior, bootstrap);
    }

    /** One method at a level, lonely villages adjusted, the linearised variance. */
    private static DomainEstimates.Options options(IntervalMethod method, double level) {
        return new DomainEstimates.Options(List.of(method), level, LonelyPsu.ADJUST, false);
    }

    /**
     * Cadre non-compliance per county and for the city ({@code ALL}, last), every interval of {@code options}, with
     * the bootstrap that draws the replicates where the options need them (may be null otherwise).
     */
    public static List<Rate> cadres(TabularSource source, Frame frame, Sample sample, Minimums minimums,
            DomainEstimates.Options options, double rhoPrior, RaoWuBootstrap bootstrap) {
        Map<String, double[]> byVillage = new LinkedHashMap<>();
        Map<String, String> countyOf = new LinkedHashMap<>();
        Map<String, List<Failure>> failures = new TreeMap<>();
        source.read(List.of(CADRE, COUNTY, VILLAGE, ROLE, MONTHS_IN_VILLAGE, REPLACED, REPLACEMENT_APPROVED, TASKS_DONE), row -> {
            String county = row.requireText(COUNTY);
            String village = row.requireText(VILLAGE);
            String text = row.requireText(ROLE);
            CadreRole role = CadreRole.parse(text);
            if (role == null) {
                throw row.error(ROLE, text, Term.notOneOf(CadreRole.values()));
            }
            int months = row.integer(MONTHS_IN_VILLAGE, 0);
            boolean replaced = row.text(REPLACED) != null && row.bool(REPLACED);
            boolean approved = row.text(REPLACEMENT_APPROVED) != null && row.bool(REPLACEMENT_APPROVED);
            boolean tasks = row.bool(TASKS_DONE);
            List<Shortfall> why = new ArrayList<>();
            int minimum = role == CadreRole.FIRST_SECRETARY ? minimums.firstSecretary() : minimums.teamMember();
            if (months < minimum) {
                why.add(Shortfall.TOO_FEW_MONTHS);
            }
            if (replaced && !approved) {
                why.add(Shortfall.UNAPPROVED_REPLACEMENT);
            }
            if (!tasks) {
                why.add(Shortfall.TASKS_NOT_DONE);
            }
            record(row, county, village, frame, sample, byVillage, countyOf);
            double[] t = byVillage.get(village);
            t[1]++;
            if (!why.isEmpty()) {
                t[0]++;
                failures.computeIfAbsent(county, k -> new ArrayList<>())
                        .add(new Failure(row.requireText(CADRE), village, why, months, minimum));
            }
        });
        return rates(AssistanceMeasure.CADRE_NONCOMPLIANCE, byVillage, countyOf, frame, sample, failures, options,
                rhoPrior, bootstrap);
    }

    /** Satisfaction (满意 + 基本满意 over answers) per county and for the city, by one interval method. */
    public static List<Rate> satisfaction(TabularSource source, Frame frame, Sample sample, IntervalMethod method,
            double level, double rhoPrior) {
        return satisfaction(source, frame, sample, method, level, rhoPrior, null);
    }

    /**
     * Satisfaction by one interval method, with the bootstrap that draws the replicates of a
     * {@link IntervalMethod#BOOTSTRAP} interval (may be null for any other method).
     */
    public static List<Rate> satisfaction(TabularSource source, Frame frame, Sample sample, IntervalMethod method,
            double level, double rhoPrior, RaoWuBootstrap bootstrap) {
        return satisfaction(source, frame, sample, options(method, level), rhoPrior, bootstrap);
    }

    /**
     * Satisfaction per county and for the city ({@code ALL}, last), every interval of {@code options}, with the
     * bootstrap that draws the replicates where the options need them (may be null otherwise).
     */
    public static List<Rate> satisfaction(TabularSource source, Frame frame, Sample sample,
            DomainEstimates.Options options, double rhoPrior, RaoWuBootstrap bootstrap) {
        Map<String, double[]> byVillage = new LinkedHashMap<>();
        Map<String, String> countyOf = new LinkedHashMap<>();
        Map<String, List<Failure>> failures = new TreeMap<>();
        source.read(List.of(HOUSEHOLD, COUNTY, VILLAGE, ANSWER), row -> {
            String text = row.requireText(ANSWER);
            Answer answer = Answer.parse(text);
            if (answer == null) {
                throw row.error(ANSWER, text, Term.notOneOf(Answer.values()));
            }
            boolean satisfied = answer.satisfied();
            String county = row.requireText(COUNTY);
            String village = row.requireText(VILLAGE);
            record(row, county, village, frame, sample, byVillage, countyOf);
            double[] t = byVillage.get(village);
            t[1]++;
            if (satisfied) {
                t[0]++;
            } else {
                failures.computeIfAbsent(county, k -> new ArrayList<>())
                        .add(new Failure(row.requireText(HOUSEHOLD), village, List.of(Shortfall.DISSATISFIED), 0, 0));
            }
        });
        return rates(AssistanceMeasure.SATISFACTION, byVillage, countyOf, frame, sample, failures, options,
                rhoPrior, bootstrap);
    }

    private static void record(Row row, String county, String village, Frame frame, Sample sample,
            Map<String, double[]> byVillage, Map<String, String> countyOf) {
        if (frame.village(village) == null) {
            throw row.error(VILLAGE, village, "is not a village of the frame");
        }
        if (!frame.village(village).county().equals(county)) {
            throw row.error(COUNTY, county, "does not match the frame, where village " + village + " is in county "
                    + frame.village(village).county());
        }
        if (sample.village(village) == null) {
            throw row.error(VILLAGE, village, "is not a sampled village (sample.csv): the assistance link is checked in"
                    + " the sampled villages, whose inclusion probabilities weight it");
        }
        byVillage.computeIfAbsent(village, k -> new double[2]);
        countyOf.put(village, county);
    }

    private static List<Rate> rates(AssistanceMeasure measure, Map<String, double[]> byVillage,
            Map<String, String> countyOf, Frame frame, Sample sample, Map<String, List<Failure>> failures,
            DomainEstimates.Options options, double rhoPrior, RaoWuBootstrap bootstrap) {
        List<Rate> out = new ArrayList<>();
        if (byVillage.isEmpty()) {
            return out;
        }
        if (options.needsReplicates() && bootstrap == null) {
            throw new IllegalArgumentException("a bootstrap interval of " + measure.label() + " needs a bootstrap"
                    + " (RaoWuBootstrap) to draw its replicates");
        }
        ClusterDesign design = sample.design(frame);
        List<SampledVillage> villages = sample.villages();
        int n = villages.size();
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double[] t = byVillage.get(villages.get(i).village());
            if (t != null) {
                y[i] = t[0];
                x[i] = t[1];
            }
        }
        double estimated = IntraclassCorrelation.anova(x, y);
        double rho = Double.isNaN(estimated) ? rhoPrior : estimated;
        List<String> counties = new ArrayList<>(new java.util.TreeSet<>(countyOf.values()));
        // cadres and answers are the units, each its own household: the units are what the exact bound counts
        List<DomainEstimates.Row> rows = DomainEstimates.of(design, counties, y, x, x, rho, options,
                options.needsReplicates() ? bootstrap.factors(design) : null);
        for (DomainEstimates.Row r : rows) {
            boolean city = DomainEstimates.ALL.equals(r.stratum());
            List<Double> units = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (city || villages.get(i).county().equals(r.stratum())) {
                    units.add(x[i]);
                }
            }
            out.add(new Rate(r.stratum(), measure, r.estimate(), r.intervals(),
                    city ? List.of() : failures.getOrDefault(r.stratum(), List.of()), units, rho));
        }
        return out;
    }
}
