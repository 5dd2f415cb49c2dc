package dev.lookback.rates;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.survey.ClusterDesign;
import dev.lookback.survey.DomainEstimates;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.IntraclassCorrelation;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Estimates the review's error rates from village tallies: strata are counties, clusters are the
 * sampled villages, and each measure's errors and domain units in a village are a cluster's y and x
 * (see {@link dev.lookback.survey.RatioEstimate} for the estimator and its special cases).
 */
public final class ErrorRates {
    private ErrorRates() {
    }

    /** The design of a sample: counties as strata with their frame sizes, villages as clusters. */
    public static ClusterDesign design(Frame frame, List<SampledVillage> sample) {
        return Sample.of(sample).design(frame);
    }

    /**
     * Every county × measure row, counties sorted, then the {@code ALL} row of each measure: in the
     * order county-major, measures in {@link Measure} order.
     *
     * @param bootstrap the bootstrap for {@link IntervalMethod#BOOTSTRAP} intervals (unused otherwise)
     */
    public static List<ErrorRate> estimate(CrossCheckResult cross, Unit unit, double level,
            List<IntervalMethod> methods, LonelyPsu lonely, RaoWuBootstrap bootstrap, double rhoPrior) {
        return estimate(cross.frame(), MeasureTallies.of(cross, unit), unit, level, methods, lonely, bootstrap, rhoPrior);
    }

    /**
     * Every county × measure row from village tallies alone (the household review's, or tallies.csv
     * computed elsewhere): counties sorted, then the {@code ALL} row of each measure.
     *
     * <p>At zero (or all) errors the exact bound counts the n_b = H/d independent households of the row
     * whatever the unit (DESIGN.md, special case 4): H domain households, d = 1 + (m̄ − 1)·ρ̂ with m̄ = H
     * over the row's villages with domain households, and ρ̂ the measure's intraclass correlation in
     * households by one-way ANOVA over every sampled village of the review
     * ({@link IntraclassCorrelation}), or {@code rhoPrior} where that is undefined. Tallies without
     * household counts in persons count persons as independent (the reader says so in a finding).
     *
     * @param unit     the unit the tallies count (a label for the output)
     * @param rhoPrior ρ where the review cannot estimate it (no error anywhere, fewer than two villages)
     */
    public static List<ErrorRate> estimate(Frame frame, MeasureTallies tallies, Unit unit, double level,
            List<IntervalMethod> methods, LonelyPsu lonely, RaoWuBootstrap bootstrap, double rhoPrior) {
        return estimate(frame, tallies, unit, new DomainEstimates.Options(methods, level, lonely, false), bootstrap,
                rhoPrior);
    }

    /**
     * The same with the estimation's options (methods, level, lonely village, and whether the bootstrap's replicate
     * variance replaces the linearised one): each measure through {@link DomainEstimates}, the one estimation path of
     * every rate of the review.
     */
    public static List<ErrorRate> estimate(Frame frame, MeasureTallies tallies, Unit unit, DomainEstimates.Options options,
            RaoWuBootstrap bootstrap, double rhoPrior) {
        if (!(rhoPrior >= 0 && rhoPrior <= 1)) {
            throw new IllegalArgumentException("the prior intraclass correlation must be in [0, 1], got " + rhoPrior);
        }
        ClusterDesign design = design(frame, tallies.sample().villages());
        int n = tallies.sample().villages().size();
        Map<String, List<SampledVillage>> byCounty = tallies.sample().byCounty();
        List<String> counties = new ArrayList<>(byCounty.keySet());
        double[][] factors = options.needsReplicates() ? bootstrap.factors(design) : null;
        boolean households = tallies.hasHouseholds() || unit == Unit.HOUSEHOLDS;
        List<List<DomainEstimates.Row>> byMeasure = new ArrayList<>();
        for (Measure m : Measure.values()) {
            double[] x = tallies.unitsView(m);
            double[] independent = !households ? null : tallies.hasHouseholds() ? tallies.householdsView(m) : x;
            double rho = households ? rho(tallies, unit, m, rhoPrior) : Double.NaN;
            byMeasure.add(DomainEstimates.of(design, counties, tallies.errorsView(m), x, independent, rho, options,
                    factors));
        }
        List<ErrorRate> rows = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) { // county-major, measures in their order
            String county = counties.get(c);
            for (Measure m : Measure.values()) {
                DomainEstimates.Row r = byMeasure.get(m.ordinal()).get(c);
                rows.add(new ErrorRate(county, m, unit, r.estimate(), r.intervals(), byCounty.get(county).size(),
                        frame.villageCount(county)));
            }
        }
        for (Measure m : Measure.values()) {
            DomainEstimates.Row r = byMeasure.get(m.ordinal()).get(counties.size());
            rows.add(new ErrorRate(ErrorRate.ALL, m, unit, r.estimate(), r.intervals(), n, frame.villages().size()));
        }
        return rows;
    }

    /**
     * As {@link #estimate(Frame, MeasureTallies, Unit, DomainEstimates.Options, RaoWuBootstrap, double)}, with the
     * data of some counties withheld as unusable (the match gate's counties): their rows say so, with every number
     * {@code NaN} (status {@link dev.lookback.survey.EstimateStatus#WITHHELD}, the reason in each interval's note), so
     * that no decision rests on them; the other counties' rows are estimated from their own villages as before, and
     * the city rows from the other counties (each interval's note names the counties left out), with ρ̂ from the
     * villages kept.
     *
     * @param withheld county → why its data were withheld (empty: as the method without it)
     */
    public static List<ErrorRate> estimate(Frame frame, MeasureTallies tallies, Unit unit, DomainEstimates.Options options,
            RaoWuBootstrap bootstrap, double rhoPrior, Map<String, String> withheld) {
        if (withheld.isEmpty()) {
            return estimate(frame, tallies, unit, options, bootstrap, rhoPrior);
        }
        double level = options.level();
        List<IntervalMethod> methods = options.methods();
        MeasureTallies kept = tallies.withoutCounties(withheld.keySet());
        List<ErrorRate> estimated = kept.sample().villages().isEmpty() ? List.of()
                : estimate(frame, kept, unit, options, bootstrap, rhoPrior);
        Map<String, List<SampledVillage>> byCounty = tallies.sample().byCounty();
        List<ErrorRate> rows = new ArrayList<>();
        String without = "without " + String.join(", ", new java.util.TreeSet<>(withheld.keySet())) + " (no data)";
        for (String county : byCounty.keySet()) {
            for (Measure m : Measure.values()) {
                if (withheld.containsKey(county)) {
                    rows.add(withheld(county, m, unit, level, methods, byCounty.get(county).size(),
                            frame.villageCount(county), withheld.get(county)));
                } else {
                    rows.add(find(estimated, county, m));
                }
            }
        }
        for (Measure m : Measure.values()) {
            if (estimated.isEmpty()) {
                rows.add(withheld(ErrorRate.ALL, m, unit, level, methods, tallies.sample().villages().size(),
                        frame.villages().size(), "no data: every county's data were withheld"));
                continue;
            }
            ErrorRate all = find(estimated, ErrorRate.ALL, m);
            List<Interval> noted = new ArrayList<>();
            for (Interval i : all.intervals()) {
                noted.add(new Interval(i.lower(), i.upper(), i.method(), i.level(), i.note().isEmpty() ? without
                        : i.note() + "; " + without));
            }
            rows.add(new ErrorRate(ErrorRate.ALL, m, unit, all.estimate(), noted, all.villagesSampled(),
                    all.villagesInFrame()));
        }
        return rows;
    }

    private static ErrorRate find(List<ErrorRate> rates, String county, Measure m) {
        for (ErrorRate r : rates) {
            if (r.county().equals(county) && r.measure() == m) {
                return r;
            }
        }
        throw new IllegalStateException("no row " + county + " " + m.label());
    }

    /** A row whose data were withheld: every number NaN, the reason in each interval's note. */
    private static ErrorRate withheld(String county, Measure m, Unit unit, double level, List<IntervalMethod> methods,
            int sampled, int inFrame, String reason) {
        List<Interval> intervals = new ArrayList<>();
        for (IntervalMethod method : methods) {
            intervals.add(new Interval(Double.NaN, Double.NaN, method, level, reason));
        }
        return new ErrorRate(county, m, unit, RatioEstimate.withheld(county, sampled, inFrame), intervals, sampled,
                inFrame);
    }

    /**
     * The measure's intraclass correlation of errors in households by one-way ANOVA over the review's
     * sampled villages ({@link IntraclassCorrelation#anova}), or {@code prior} where undefined; tallies
     * without household counts are taken in their own unit.
     */
    public static double rho(MeasureTallies tallies, Unit unit, Measure m, double prior) {
        boolean given = tallies.hasHouseholds();
        double estimated = IntraclassCorrelation.anova(given ? tallies.householdsView(m) : tallies.unitsView(m),
                given ? tallies.householdErrorsView(m) : tallies.errorsView(m));
        return Double.isNaN(estimated) ? prior : estimated;
    }
}
