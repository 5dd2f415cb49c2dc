package dev.lookback.decide;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.funds.FundChecks;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Indicator;
import java.util.Objects;

/**
 * One county's value of an indicator, as the decision evaluator reads it, whatever link it comes from.
 *
 * @param county    county code ({@code ALL} rows are never decided)
 * @param indicator the indicator
 * @param estimate  the value (NaN: no data)
 * @param interval  its interval; for a census, the value itself
 * @param count     the numerator
 * @param of        the denominator
 * @param sample    the ratio estimate over villages, or null for a census (every unit checked)
 * @param simulation what the county's sample can tell by simulation, or null where the review has no
 *                  village-level counts for it (then no trigger chance is stated, and a fragile decision's
 *                  villages to settle come from the planner's precision formula)
 */
public record Measurement(String county, Indicator indicator, double estimate, Interval interval, double count,
        double of, RatioEstimate sample, RiskSimulation simulation) {

    /** A measurement without a simulation. */
    public Measurement(String county, Indicator indicator, double estimate, Interval interval, double count, double of,
            RatioEstimate sample) {
        this(county, indicator, estimate, interval, count, of, sample, null);
    }

    /** The same measurement with a simulation of the county. */
    public Measurement withSimulation(RiskSimulation s) {
        return new Measurement(county, indicator, estimate, interval, count, of, sample, s);
    }

    /**
     * The same measurement decided at another level: its interval recomputed at {@code level} by its own method
     * (a census keeps its value; a bootstrap interval from the estimate's replicates).
     */
    public Measurement atLevel(double level) {
        if (level == interval.level()) {
            return this;
        }
        Interval at;
        if (sample == null) {
            at = new Interval(interval.lower(), interval.upper(), interval.method(), level, interval.note());
        } else {
            at = sample.interval(interval.method(), level);
        }
        return new Measurement(county, indicator, estimate, at, count, of, sample, simulation);
    }

    public Measurement {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(interval, "interval");
    }

    /** Whether every unit was checked. */
    public boolean census() {
        return sample == null;
    }

    /** An error rate of the review (its first interval). */
    public static Measurement of(ErrorRate r) {
        RatioEstimate e = r.estimate();
        return new Measurement(r.county(), r.measure(), e.estimate(), r.interval(), e.errors(), e.units(), e);
    }

    /** A rate of the assistance link. */
    public static Measurement of(AssistanceCheck.Rate r) {
        RatioEstimate e = r.estimate();
        return new Measurement(r.county(), r.measure(), e.estimate(), r.interval(), e.errors(), e.units(), e);
    }

    /**
     * A fund measure of a county: a census of its projects, so the interval is the value (stated with the
     * review's interval method and level).
     */
    public static Measurement of(FundChecks.CountyFunds c, FundMeasure measure, IntervalMethod method, double level) {
        boolean misused = measure == FundMeasure.MISUSED_SHARE;
        double value = misused ? c.misusedShare() : c.overdueShare();
        return new Measurement(c.county(), measure, value, new Interval(value, value, method, level,
                "every project checked"), misused ? c.misused() : c.overdue(), misused ? c.audited() : c.projects(), null);
    }
}
