package dev.lookback.check;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.FINDING_COLUMN;
import static dev.lookback.io.Columns.FINDING_FILE;
import static dev.lookback.io.Columns.FINDING_LINE;
import static dev.lookback.io.Columns.FINDING_TYPE;
import static dev.lookback.io.Columns.HOUSEHOLD;
import static dev.lookback.io.Columns.KIND;
import static dev.lookback.io.Columns.LEFT_OUT;
import static dev.lookback.io.Columns.MESSAGE;
import static dev.lookback.io.Columns.PERSONS;
import static dev.lookback.io.Columns.QUALIFIES;
import static dev.lookback.io.Columns.SELF_CHECK_LINE;
import static dev.lookback.io.Columns.SELF_CHECK_STATUS;
import static dev.lookback.io.Columns.SPOT_CHECK_LINE;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.Column;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The household lists of a cross-check done elsewhere (the Spark job), read back for a review of its tallies:
 * discrepancies.csv (the rectification lists) and data_quality.csv (what was found and left out), in the columns
 * Lookback writes them. They are the review's lists, not its data: the estimates come from the tallies alone. A
 * record that cannot be what Lookback wrote stops the reading with its file, line and column.
 */
public final class HouseholdLists {
    private static final Column COUNTY_OPTIONAL = COUNTY.asOptional();
    private static final Column VILLAGE_OPTIONAL = VILLAGE.asOptional();
    private static final Column HOUSEHOLD_OPTIONAL = HOUSEHOLD.asOptional();

    private HouseholdLists() {
    }

    /**
     * Reads discrepancies.csv: each household of a sampled village, in the sample's county, once, with a verdict
     * that follows from its register status and the check ({@link Kind#of}), never {@link Kind#CORRECT}.
     */
    public static List<Discrepancy> discrepancies(TabularSource source, Sample sample) {
        Map<String, String> countyOf = new HashMap<>();
        for (SampledVillage v : sample.villages()) {
            countyOf.put(v.village(), v.county());
        }
        Map<String, Long> seen = new HashMap<>();
        List<Discrepancy> out = new ArrayList<>();
        source.read(List.of(HOUSEHOLD, COUNTY, VILLAGE, KIND, SELF_CHECK_STATUS, QUALIFIES, PERSONS, SPOT_CHECK_LINE,
                SELF_CHECK_LINE), row -> {
                    String household = row.requireText(HOUSEHOLD);
                    Long first = seen.putIfAbsent(household, row.line());
                    if (first != null) {
                        throw row.error(HOUSEHOLD, household, "is listed already on line " + first);
                    }
                    String village = row.requireText(VILLAGE);
                    String county = countyOf.get(village);
                    if (county == null) {
                        throw row.error(VILLAGE, village, "is not a sampled village (sample.csv)");
                    }
                    if (!county.equals(row.requireText(COUNTY))) {
                        throw row.error(COUNTY, row.text(COUNTY), "does not match the sample, where village " + village
                                + " is in county " + county);
                    }
                    String s = row.requireText(SELF_CHECK_STATUS);
                    Status status = s.equalsIgnoreCase(Status.UNREGISTERED.name()) || s.equals(Status.UNREGISTERED.chinese())
                            ? Status.UNREGISTERED : Status.parse(s);
                    if (status == null) {
                        throw row.error(SELF_CHECK_STATUS, s, Term.notOneOf(Status.POOR, Status.EXITED, Status.NON_POOR,
                                Status.UNREGISTERED));
                    }
                    boolean qualifies = row.bool(QUALIFIES);
                    Kind kind = Kind.of(status, qualifies);
                    String k = row.requireText(KIND);
                    if (kind == Kind.CORRECT || !k.toUpperCase(Locale.ROOT).equals(kind.name()) && !k.equals(kind.chinese())) {
                        throw row.error(KIND, k, kind == Kind.CORRECT ? "is not a discrepancy: the register status and the"
                                + " check agree (CORRECT)"
                                : "does not follow from the status and the check: " + kind.name());
                    }
                    out.add(new Discrepancy(household, county, village, kind, status, qualifies, row.integer(PERSONS, 0),
                            line(row, SPOT_CHECK_LINE), line(row, SELF_CHECK_LINE)));
                });
        return out;
    }

    /** Reads data_quality.csv: the findings, in the file's order. */
    public static List<Finding> findings(TabularSource source) {
        List<Finding> out = new ArrayList<>();
        source.read(List.of(FINDING_FILE, FINDING_LINE, FINDING_COLUMN, HOUSEHOLD_OPTIONAL, COUNTY_OPTIONAL,
                VILLAGE_OPTIONAL, FINDING_TYPE, LEFT_OUT, MESSAGE), row -> {
                    String t = row.requireText(FINDING_TYPE);
                    FindingType type;
                    try {
                        type = FindingType.valueOf(t.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw row.error(FINDING_TYPE, t, "is not a finding type Lookback writes (BAD_RECORD, DUPLICATE, …)");
                    }
                    out.add(new Finding(row.requireText(FINDING_FILE), line(row, FINDING_LINE), orEmpty(row.text(FINDING_COLUMN)),
                            orEmpty(row.text(HOUSEHOLD_OPTIONAL)), orEmpty(row.text(COUNTY_OPTIONAL)),
                            orEmpty(row.text(VILLAGE_OPTIONAL)), type, row.bool(LEFT_OUT), row.requireText(MESSAGE)));
                });
        return out;
    }

    private static long line(Row row, Column c) {
        double v = row.number(c, 0, Long.MAX_VALUE);
        if (!Double.isNaN(v) && v != Math.rint(v)) {
            throw row.error(c, row.text(c), "expected a line number");
        }
        return Double.isNaN(v) ? 0 : (long) v;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
