package dev.lookback.rates;

import static dev.lookback.io.OutputColumn.Kind.INTEGER;
import static dev.lookback.io.OutputColumn.Kind.TEXT;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Finding;
import dev.lookback.check.VillageMatch;
import dev.lookback.check.VillageTally;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.Column;
import dev.lookback.io.Columns;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Field;
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

    /**
     * A row of tallies.csv: a sampled village's errors and units of one measure, in the review's unit and in
     * households (NaN where unknown), with the village's match counts (null when unknown).
     */
    public record TallyRow(String county, String village, Measure measure, double errors, double units,
            double householdErrors, double domainHouseholds, VillageMatch match) {
    }

    /**
     * tallies.csv: {@code county, village, measure, errors, units, household_errors, domain_households} and, when the
     * tallies have them, the village's match counts {@code spot_households, spot_in_register, register_households,
     * register_in_spot}; written by a review and by the Spark job, read back by a review of tallies ({@link #read})
     * and by {@code lookback plan}.
     */
    public static final OutputFile<TallyRow> FILE = OutputFile.of("tallies.csv", () -> List.of(
            OutputColumn.<TallyRow>of(Field.COUNTY, TEXT, TallyRow::county).readAs(Columns.COUNTY),
            OutputColumn.<TallyRow>of(Field.VILLAGE, TEXT, TallyRow::village).readAs(Columns.VILLAGE),
            OutputColumn.<TallyRow>of(Field.MEASURE, TEXT, t -> t.measure().label()).shown(t -> t.measure().chinese()),
            OutputColumn.<TallyRow>of(Field.ERRORS, INTEGER, t -> blankIfNaN(t.errors())).alsoRead("误差数", "错误数"),
            OutputColumn.<TallyRow>of(Field.UNITS, INTEGER, t -> blankIfNaN(t.units())).alsoRead("核查数", "单位数"),
            OutputColumn.<TallyRow>of(Field.HOUSEHOLD_ERRORS, INTEGER, t -> blankIfNaN(t.householdErrors())),
            OutputColumn.<TallyRow>of(Field.DOMAIN_HOUSEHOLDS, INTEGER, t -> blankIfNaN(t.domainHouseholds())),
            OutputColumn.<TallyRow>of(Field.SPOT_HOUSEHOLDS, INTEGER, t -> t.match().spotHouseholds()),
            OutputColumn.<TallyRow>of(Field.SPOT_IN_REGISTER, INTEGER, t -> t.match().spotInRegister()),
            OutputColumn.<TallyRow>of(Field.REGISTER_HOUSEHOLDS, INTEGER, t -> t.match().registerHouseholds()),
            OutputColumn.<TallyRow>of(Field.REGISTER_IN_SPOT, INTEGER, t -> t.match().registerInSpot())));

    /** tallies.csv without the match counts (tallies that do not have them). */
    static final OutputFile<TallyRow> FILE_WITHOUT_MATCHES = FILE.without(Field.SPOT_HOUSEHOLDS,
            Field.SPOT_IN_REGISTER, Field.REGISTER_HOUSEHOLDS, Field.REGISTER_IN_SPOT);

    private static final Column COUNTY = FILE.reading(Field.COUNTY);
    private static final Column VILLAGE = FILE.reading(Field.VILLAGE);
    private static final Column MEASURE = FILE.reading(Field.MEASURE);
    private static final Column ERRORS = FILE.reading(Field.ERRORS);
    private static final Column UNITS = FILE.reading(Field.UNITS);
    private static final Column HOUSEHOLD_ERRORS = FILE.readingOptional(Field.HOUSEHOLD_ERRORS);
    private static final Column DOMAIN_HOUSEHOLDS = FILE.readingOptional(Field.DOMAIN_HOUSEHOLDS);
    private static final Column SPOT_HOUSEHOLDS = FILE.readingOptional(Field.SPOT_HOUSEHOLDS);
    private static final Column SPOT_IN_REGISTER = FILE.readingOptional(Field.SPOT_IN_REGISTER);
    private static final Column REGISTER_HOUSEHOLDS = FILE.readingOptional(Field.REGISTER_HOUSEHOLDS);
    private static final Column REGISTER_IN_SPOT = FILE.readingOptional(Field.REGISTER_IN_SPOT);

    private static Double blankIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private final Sample sample;
    private final double[][] errors;
    private final double[][] units;
    /** Household errors and domain households per village ({@code NaN} where tallies.csv does not give them). */
    private final double[][] householdErrors;
    private final double[][] households;
    /** How the two files overlap in each village (null when the tallies do not say). */
    private final List<VillageMatch> matches;

    private MeasureTallies(Sample sample, double[][] errors, double[][] units, double[][] householdErrors,
            double[][] households, List<VillageMatch> matches) {
        this.sample = sample;
        this.errors = errors;
        this.units = units;
        this.householdErrors = householdErrors;
        this.households = households;
        this.matches = matches == null ? null : List.copyOf(matches);
    }

    /** The tallies of a household cross-check, counting persons or households, with its match counts. */
    public static MeasureTallies of(CrossCheckResult cross, Unit unit) {
        return of(cross.sample(), cross.tallies(), unit, cross.matches().isEmpty() ? null : cross.matches());
    }

    /** The tallies of the sampled villages (one per sampled village, in sample order), counting persons or households. */
    public static MeasureTallies of(Sample sample, List<VillageTally> tallies, Unit unit) {
        return of(sample, tallies, unit, null);
    }

    /**
     * The tallies of the sampled villages with how the two files overlap in each (one per sampled village, in sample
     * order; null when unknown): what the match gate reads, and what tallies.csv carries for a review of tallies.
     */
    public static MeasureTallies of(Sample sample, List<VillageTally> tallies, Unit unit, List<VillageMatch> matches) {
        if (matches != null && matches.size() != sample.villages().size()) {
            throw new IllegalArgumentException(matches.size() + " match counts for " + sample.villages().size()
                    + " sampled villages");
        }
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
        return new MeasureTallies(sample, y, x, hy, hx, matches);
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
        long[][] overlap = new long[n][];
        boolean[] noOverlap = {false};
        source.read(List.of(COUNTY, VILLAGE, MEASURE, ERRORS, UNITS, HOUSEHOLD_ERRORS, DOMAIN_HOUSEHOLDS, SPOT_HOUSEHOLDS,
                SPOT_IN_REGISTER, REGISTER_HOUSEHOLDS, REGISTER_IN_SPOT), row -> {
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
            long[] o = overlap(row);
            if (o == null) {
                noOverlap[0] = true;
            } else if (overlap[i] == null) {
                overlap[i] = o;
            } else if (!java.util.Arrays.equals(overlap[i], o)) {
                throw row.error(SPOT_HOUSEHOLDS, row.text(SPOT_HOUSEHOLDS), "village " + village + " has other match"
                        + " counts on another of its rows; a village's match counts are the same on each of its rows");
            }
        });
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                SampledVillage s = sample.villages().get(i);
                findings.add(new Finding(source.name(), 0, "", "", s.county(), s.village(),
                        FindingType.VILLAGE_NOT_CHECKED, false, "sampled village " + s.village()
                                + " has no tallies: it counts 0 of 0 in every measure"));
            }
        }
        List<VillageMatch> matches = null;
        if (!noOverlap[0]) {
            matches = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                SampledVillage s = sample.villages().get(i);
                long[] o = overlap[i] == null ? new long[4] : overlap[i];
                matches.add(new VillageMatch(s.county(), s.village(), o[0], o[1], o[2], o[3]));
            }
        }
        return new MeasureTallies(sample, y, x, hy, hx, matches);
    }

    /**
     * A row's match counts (spot_households, spot_in_register, register_households, register_in_spot), or null
     * when it has none; refused when only some are given or one exceeds its total.
     */
    private static long[] overlap(dev.lookback.io.Row row) {
        Column[] columns = {SPOT_HOUSEHOLDS, SPOT_IN_REGISTER, REGISTER_HOUSEHOLDS, REGISTER_IN_SPOT};
        long[] o = new long[4];
        int given = 0;
        for (int k = 0; k < 4; k++) {
            if (row.text(columns[k]) != null) {
                given++;
                o[k] = row.integer(columns[k], 0);
            }
        }
        if (given == 0) {
            return null;
        }
        if (given < 4) {
            throw row.error(SPOT_HOUSEHOLDS, row.text(SPOT_HOUSEHOLDS) == null ? "" : row.text(SPOT_HOUSEHOLDS),
                    "give all four match counts (spot_households, spot_in_register, register_households,"
                            + " register_in_spot), or none");
        }
        if (o[1] > o[0] || o[3] > o[2]) {
            throw row.error(o[1] > o[0] ? SPOT_IN_REGISTER : REGISTER_IN_SPOT, row.text(o[1] > o[0] ? SPOT_IN_REGISTER
                    : REGISTER_IN_SPOT), "is more than its total (" + (o[1] > o[0] ? "spot_households " + o[0]
                            : "register_households " + o[2]) + ")");
        }
        return o;
    }

    /**
     * How the spot check and the register overlap in each sampled village (sample order), as the match gate reads
     * them; empty when the tallies do not say (tallies.csv without the match columns).
     */
    public java.util.Optional<List<VillageMatch>> matches() {
        return java.util.Optional.ofNullable(matches);
    }

    /**
     * The tallies without the villages of some counties: a sample of the other counties' villages with their
     * tallies (what the estimates rest on when those counties' data were withheld).
     */
    public MeasureTallies withoutCounties(java.util.Set<String> counties) {
        if (counties.isEmpty()) {
            return this;
        }
        List<SampledVillage> kept = new java.util.ArrayList<>();
        java.util.Map<String, Integer> rounds = new HashMap<>();
        List<Integer> index = new java.util.ArrayList<>();
        for (int i = 0; i < sample.villages().size(); i++) {
            SampledVillage v = sample.villages().get(i);
            if (!counties.contains(v.county())) {
                kept.add(v);
                rounds.put(v.village(), sample.round(v.village()));
                index.add(i);
            }
        }
        int k = Measure.values().length;
        double[][][] parts = {errors, units, householdErrors, households};
        double[][][] out = new double[4][k][index.size()];
        for (int p = 0; p < 4; p++) {
            for (int m = 0; m < k; m++) {
                for (int j = 0; j < index.size(); j++) {
                    out[p][m][j] = parts[p][m][index.get(j)];
                }
            }
        }
        List<VillageMatch> keptMatches = matches == null ? null : index.stream().map(matches::get).toList();
        return new MeasureTallies(Sample.of(kept, rounds), out[0], out[1], out[2], out[3], keptMatches);
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

    /**
     * Writes tallies.csv: one row per sampled village and measure, with the village's match counts on each of its
     * rows when the tallies have them.
     */
    public void write(Path file) throws IOException {
        (matches == null ? FILE_WITHOUT_MATCHES : FILE).write(file, rows());
    }

    /** The rows of tallies.csv: each sampled village (sample order) × each measure. */
    public List<TallyRow> rows() {
        List<TallyRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < sample.villages().size(); i++) {
            SampledVillage s = sample.villages().get(i);
            for (Measure m : Measure.values()) {
                int k = m.ordinal();
                rows.add(new TallyRow(s.county(), s.village(), m, errors[k][i], units[k][i], householdErrors[k][i],
                        households[k][i], matches == null ? null : matches.get(i)));
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Tallies of " + sample.villages().size() + " villages × " + Measure.values().length + " measures";
    }
}
