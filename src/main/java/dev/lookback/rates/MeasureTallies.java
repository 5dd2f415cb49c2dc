package dev.lookback.rates;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.DOMAIN_HOUSEHOLDS;
import static dev.lookback.io.Columns.ERRORS;
import static dev.lookback.io.Columns.HOUSEHOLD_ERRORS;
import static dev.lookback.io.Columns.MEASURE;
import static dev.lookback.io.Columns.UNITS;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Finding;
import dev.lookback.check.VillageTally;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All the estimator needs: for each sampled village (in sample order) and each measure, the errors
 * y and the domain units x. A household review computes them from the spot check
 * ({@link #of(CrossCheckResult, Unit)}); a review too large for one machine computes them elsewhere
 * (e.g. Spark SQL over the register) and hands them over as {@code tallies.csv}
 * ({@link #read}): {@code county, village, measure, errors, units}.
 */
public final class MeasureTallies {

    private final Sample sample;
    private final double[][] errors;
    private final double[][] units;
    /** Household errors and domain households per village ({@code NaN} where tallies.csv does not give them). */
    private final double[][] householdErrors;
    private final double[][] households;

    private MeasureTallies(Sample sample, double[][] errors, double[][] units, double[][] householdErrors,
            double[][] households) {
        this.sample = sample;
        this.errors = errors;
        this.units = units;
        this.householdErrors = householdErrors;
        this.households = households;
    }

    /** The tallies of a household cross-check, counting persons or households. */
    public static MeasureTallies of(CrossCheckResult cross, Unit unit) {
        return of(cross.sample(), cross.tallies(), unit);
    }

    /** The tallies of the sampled villages (one per sampled village, in sample order), counting persons or households. */
    public static MeasureTallies of(Sample sample, List<VillageTally> tallies, Unit unit) {
        int n = tallies.size();
        if (n != sample.villages().size()) {
            throw new IllegalArgumentException(n + " tallies for " + sample.villages().size() + " sampled villages");
        }
        double[][] y = new double[Measure.values().length][n];
        double[][] x = new double[Measure.values().length][n];
        double[][] hy = new double[Measure.values().length][n];
        double[][] hx = new double[Measure.values().length][n];
        for (Measure m : Measure.values()) {
            for (int i = 0; i < n; i++) {
                VillageTally t = tallies.get(i);
                if (!t.village().equals(sample.villages().get(i).village())) {
                    throw new IllegalStateException("tallies are not in sample order");
                }
                y[m.ordinal()][i] = t.errors(m, unit);
                x[m.ordinal()][i] = t.units(m, unit);
                hy[m.ordinal()][i] = t.errors(m, Unit.HOUSEHOLDS);
                hx[m.ordinal()][i] = t.units(m, Unit.HOUSEHOLDS);
            }
        }
        return new MeasureTallies(sample, y, x, hy, hx);
    }

    /**
     * Reads tallies.csv ({@code county, village, measure, errors, units}; Chinese headers 县, 村, 指标,
     * 误差数, 核查数). The tallies are the data of the estimate, so a bad record stops the reading with
     * its file, line and column: a village not in the sample, a county that is not the frame's, an
     * unknown measure, a number that is not 0 ≤ errors ≤ units, or a village and measure given twice.
     * A measure missing for a village counts 0 of 0 (an empty domain there); a sampled village with no
     * row at all counts 0 of 0 in every measure and is reported as {@link FindingType#VILLAGE_NOT_CHECKED}.
     *
     * @param findings receives the findings
     */
    public static MeasureTallies read(TabularSource source, Frame frame, Sample sample, List<Finding> findings) {
        int n = sample.villages().size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(sample.villages().get(i).village(), i);
        }
        double[][] y = new double[Measure.values().length][n];
        double[][] x = new double[Measure.values().length][n];
        double[][] hy = new double[Measure.values().length][n];
        double[][] hx = new double[Measure.values().length][n];
        for (int k = 0; k < hy.length; k++) {
            java.util.Arrays.fill(hy[k], Double.NaN);
            java.util.Arrays.fill(hx[k], Double.NaN);
        }
        long[][] line = new long[Measure.values().length][n];
        boolean[] seen = new boolean[n];
        source.read(List.of(COUNTY, VILLAGE, MEASURE, ERRORS, UNITS, HOUSEHOLD_ERRORS, DOMAIN_HOUSEHOLDS), row -> {
            String village = row.requireText(VILLAGE);
            Integer i = index.get(village);
            if (i == null) {
                throw row.error(VILLAGE, village, frame.village(village) == null ? "is not a village of the frame"
                        : "is not a sampled village (sample.csv)");
            }
            String county = row.requireText(COUNTY);
            Village v = frame.village(village);
            if (!v.county().equals(county)) {
                throw row.error(COUNTY, county, "does not match the frame, where village " + village + " is in county "
                        + v.county());
            }
            String name = row.requireText(MEASURE);
            Measure m;
            try {
                m = Measure.parse(name);
            } catch (IllegalArgumentException e) {
                throw row.error(MEASURE, name, "is not a measure: missed, wrong_inclusion, identification or exit");
            }
            if (line[m.ordinal()][i] != 0) {
                throw row.error(MEASURE, name, "village " + village + " has this measure already on line "
                        + line[m.ordinal()][i]);
            }
            double u = row.number(UNITS, 0, Double.MAX_VALUE);
            if (Double.isNaN(u)) {
                throw row.error(UNITS, "", "the units checked are required");
            }
            double e = row.number(ERRORS, 0, Double.MAX_VALUE);
            if (Double.isNaN(e)) {
                throw row.error(ERRORS, "", "the errors are required (0 when none)");
            }
            if (e > u) {
                throw row.error(ERRORS, row.text(ERRORS), "is more than the units checked (" + row.text(UNITS) + ")");
            }
            y[m.ordinal()][i] = e;
            x[m.ordinal()][i] = u;
            double h = row.number(DOMAIN_HOUSEHOLDS, 0, Double.MAX_VALUE);
            double he = row.number(HOUSEHOLD_ERRORS, 0, Double.MAX_VALUE);
            if (Double.isNaN(h) != Double.isNaN(he)) {
                throw row.error(Double.isNaN(h) ? DOMAIN_HOUSEHOLDS : HOUSEHOLD_ERRORS, "",
                        "give household_errors and domain_households together, or neither");
            }
            if (he > h) {
                throw row.error(HOUSEHOLD_ERRORS, row.text(HOUSEHOLD_ERRORS), "is more than the domain households ("
                        + row.text(DOMAIN_HOUSEHOLDS) + ")");
            }
            hy[m.ordinal()][i] = he;
            hx[m.ordinal()][i] = h;
            line[m.ordinal()][i] = row.line();
            seen[i] = true;
        });
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                SampledVillage s = sample.villages().get(i);
                findings.add(new Finding(source.name(), 0, "", "", s.county(), s.village(),
                        FindingType.VILLAGE_NOT_CHECKED, false, "sampled village " + s.village()
                                + " has no tallies: it counts 0 of 0 in every measure"));
            }
        }
        return new MeasureTallies(sample, y, x, hy, hx);
    }

    /** The sample the tallies follow. */
    public Sample sample() {
        return sample;
    }

    /** y of a measure, one value per sampled village in sample order (a copy). */
    public double[] errors(Measure m) {
        return errors[m.ordinal()].clone();
    }

    /** x of a measure, one value per sampled village in sample order (a copy). */
    public double[] units(Measure m) {
        return units[m.ordinal()].clone();
    }

    /**
     * Whether every sampled village has household counts (household errors and domain households) for
     * every measure: what the exact bound at zero errors needs whatever the unit.
     */
    public boolean hasHouseholds() {
        for (double[] row : households) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Domain households of a measure, one value per sampled village in sample order (a copy); the units
     * where the tallies have no household counts.
     */
    public double[] households(Measure m) {
        return (hasHouseholds() ? households[m.ordinal()] : units[m.ordinal()]).clone();
    }

    double[] householdErrorsView(Measure m) {
        return householdErrors[m.ordinal()];
    }

    double[] householdsView(Measure m) {
        return households[m.ordinal()];
    }

    double[] errorsView(Measure m) {
        return errors[m.ordinal()];
    }

    double[] unitsView(Measure m) {
        return units[m.ordinal()];
    }

    /** Writes tallies.csv: one row per sampled village and measure. */
    public void write(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "village", "measure", "errors", "units", "household_errors", "domain_households");
            for (int i = 0; i < sample.villages().size(); i++) {
                SampledVillage s = sample.villages().get(i);
                for (Measure m : Measure.values()) {
                    w.row(s.county(), s.village(), m.label(), count(errors[m.ordinal()][i]),
                            count(units[m.ordinal()][i]), count(householdErrors[m.ordinal()][i]),
                            count(households[m.ordinal()][i]));
                }
            }
        }
    }

    private static String count(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return "Tallies of " + sample.villages().size() + " villages × " + Measure.values().length + " measures";
    }
}
