package dev.lookback.rates;

import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.List;

/**
 * One error rate of the review, for a county or the whole city ({@code ALL}), with its intervals.
 *
 * @param county          county code, or {@code ALL}
 * @param measure         the measure
 * @param unit            persons or households
 * @param estimate        the design-based ratio estimate
 * @param intervals       one interval per requested method, in the order requested
 * @param villagesSampled villages sampled in the county (all counties for {@code ALL})
 * @param villagesInFrame villages of the county in the frame (the whole frame for {@code ALL})
 */
public record ErrorRate(String county, Measure measure, Unit unit, RatioEstimate estimate, List<Interval> intervals,
        int villagesSampled, int villagesInFrame) {

    /** The county code of the city-wide rows. */
    public static final String ALL = "ALL";

    public ErrorRate {
        intervals = List.copyOf(intervals);
    }

    /** The first interval (the one decisions use). */
    public Interval interval() {
        return intervals.get(0);
    }

    /** R̂. */
    public double rate() {
        return estimate.estimate();
    }

    @Override
    public String toString() {
        Interval ci = interval();
        return String.format("%s %s %s: %s %s, %d villages, %s %s, %s errors", measure.label(), measure.chinese(), county,
                Formats.percent(rate()), ci, villagesSampled, Formats.number(estimate.units()), unit.label(),
                Formats.number(estimate.errors()));
    }
}
