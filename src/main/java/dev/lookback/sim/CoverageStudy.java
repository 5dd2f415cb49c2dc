package dev.lookback.sim;

import dev.lookback.ReviewResult;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Sample;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.Unit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How often each interval method covers the true rate: many synthetic cities (seeds 1..R of a
 * spec), each drawn by the simple random draw of {@link Draw} and reviewed; for every county row and every city row of every
 * measure, does the interval contain the city's true (finite-population) rate? Rows whose interval is
 * undefined (empty domain, one village, df ≤ 0) are counted apart.
 */
public final class CoverageStudy {
    private CoverageStudy() {
    }

    /** Coverage counts of one method over one kind of row. */
    public record Coverage(IntervalMethod method, String rows, int covered, int defined, int undefined,
            double meanWidth) {
        /** covered / defined. */
        public double rate() {
            return (double) covered / defined;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-14s %-7s coverage %.1f%% (%d of %d), mean width %.4f, %d undefined",
                    method.label(), rows, 100 * rate(), covered, defined, meanWidth, undefined);
        }
    }

    /**
     * Runs the study.
     *
     * @param spec      the city (its seed is replaced by 1..cities)
     * @param cities    how many cities
     * @param perCounty villages sampled per county
     * @param unit      persons or households
     * @param level     confidence level
     */
    public static List<Coverage> run(CitySpec spec, int cities, int perCounty, Unit unit, double level) {
        IntervalMethod[] methods = IntervalMethod.values();
        Map<IntervalMethod, long[]> county = new EnumMap<>(IntervalMethod.class);
        Map<IntervalMethod, long[]> city = new EnumMap<>(IntervalMethod.class);
        Map<IntervalMethod, double[]> countyWidth = new EnumMap<>(IntervalMethod.class);
        Map<IntervalMethod, double[]> cityWidth = new EnumMap<>(IntervalMethod.class);
        for (IntervalMethod m : methods) {
            county.put(m, new long[3]);
            city.put(m, new long[3]);
            countyWidth.put(m, new double[1]);
            cityWidth.put(m, new double[1]);
        }
        for (int seed = 1; seed <= cities; seed++) {
            SyntheticCity c = SyntheticCity.generate(spec.withSeed(seed));
            Sample sample = Draw.sample(Draw.draw(c.frame(), "coverage/" + seed, DrawMethod.SRS, Allocation.perCounty(c.frame(), perCounty)));
            ReviewResult result = c.review(sample).unit(unit).level(level).methods(methods).run();
            for (ErrorRate r : result.rates()) {
                double truth = c.trueRate(r.county(), r.measure(), unit);
                if (Double.isNaN(truth)) {
                    continue;
                }
                boolean all = ErrorRate.ALL.equals(r.county());
                for (Interval ci : r.intervals()) {
                    long[] counts = (all ? city : county).get(ci.method());
                    if (!ci.isDefined()) {
                        counts[2]++;
                        continue;
                    }
                    counts[1]++;
                    if (ci.contains(truth)) {
                        counts[0]++;
                    }
                    (all ? cityWidth : countyWidth).get(ci.method())[0] += ci.width();
                }
            }
        }
        List<Coverage> out = new java.util.ArrayList<>();
        for (IntervalMethod m : methods) {
            long[] k = county.get(m);
            out.add(new Coverage(m, "county", (int) k[0], (int) k[1], (int) k[2], countyWidth.get(m)[0] / k[1]));
        }
        for (IntervalMethod m : methods) {
            long[] k = city.get(m);
            out.add(new Coverage(m, "city", (int) k[0], (int) k[1], (int) k[2], cityWidth.get(m)[0] / k[1]));
        }
        return out;
    }

    /** The coverages as a table. */
    public static Table table(List<Coverage> coverages) {
        StringColumn method = StringColumn.create("ci_method");
        StringColumn rows = StringColumn.create("rows");
        DoubleColumn rate = DoubleColumn.create("coverage");
        IntColumn covered = IntColumn.create("covered");
        IntColumn defined = IntColumn.create("defined");
        IntColumn undefined = IntColumn.create("undefined");
        DoubleColumn width = DoubleColumn.create("mean_width");
        for (Coverage c : coverages) {
            method.append(c.method().label());
            rows.append(c.rows());
            rate.append(c.rate());
            covered.append(c.covered());
            defined.append(c.defined());
            undefined.append(c.undefined());
            width.append(c.meanWidth());
        }
        return Table.create("coverage", method, rows, rate, covered, defined, undefined, width);
    }
}
