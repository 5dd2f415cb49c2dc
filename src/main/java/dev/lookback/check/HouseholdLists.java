package dev.lookback.check;

import static dev.lookback.io.OutputColumn.Kind.FLAG;
import static dev.lookback.io.OutputColumn.Kind.INTEGER;
import static dev.lookback.io.OutputColumn.Kind.TEXT;

import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.Column;
import dev.lookback.io.Columns;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Field;
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
    /**
     * discrepancies.csv, the rectification list: {@code household, county, village, kind, kind_zh, self_check_status,
     * qualifies, persons, spot_check_line, self_check_line} (the register's line blank for a household it lacks).
     */
    public static final OutputFile<Discrepancy> DISCREPANCIES = OutputFile.of("discrepancies.csv", () -> List.of(
            OutputColumn.<Discrepancy>of(Field.HOUSEHOLD, TEXT, Discrepancy::household).readAs(Columns.HOUSEHOLD),
            OutputColumn.<Discrepancy>of(Field.COUNTY, TEXT, Discrepancy::county).readAs(Columns.COUNTY),
            OutputColumn.<Discrepancy>of(Field.VILLAGE, TEXT, Discrepancy::village).readAs(Columns.VILLAGE),
            OutputColumn.<Discrepancy>of(Field.KIND, TEXT, d -> d.kind().name()).alsoRead("误差类型", "核查结论")
                    .machinesOnly(),
            OutputColumn.<Discrepancy>of(Field.KIND_ZH, TEXT, d -> d.kind().chinese()),
            OutputColumn.<Discrepancy>of(Field.SELF_CHECK_STATUS, TEXT, d -> d.status().name())
                    .shown(d -> d.status().chinese()).alsoRead("自查状态", "台账状态"),
            OutputColumn.<Discrepancy>of(Field.QUALIFIES, FLAG, Discrepancy::qualifies).readAs(Columns.QUALIFIES),
            OutputColumn.<Discrepancy>of(Field.PERSONS, INTEGER, Discrepancy::persons).readAs(Columns.PERSONS),
            OutputColumn.<Discrepancy>of(Field.SPOT_CHECK_LINE, INTEGER, Discrepancy::spotLine).alsoRead("抽查行号"),
            OutputColumn.<Discrepancy>of(Field.SELF_CHECK_LINE, INTEGER, d -> d.registerLine() == 0 ? null
                    : d.registerLine())));

    /**
     * data_quality.csv, every finding: {@code file, line, column, household, county, village, type, type_zh, left_out,
     * message} (the line blank for the file as a whole).
     */
    public static final OutputFile<Finding> DATA_QUALITY = OutputFile.of("data_quality.csv", () -> List.of(
            OutputColumn.<Finding>of(Field.FILE, TEXT, Finding::file),
            OutputColumn.<Finding>of(Field.LINE, INTEGER, f -> f.line() == 0 ? null : f.line()),
            OutputColumn.<Finding>of(Field.COLUMN, TEXT, Finding::column),
            OutputColumn.<Finding>of(Field.HOUSEHOLD, TEXT, Finding::household).readAs(Columns.HOUSEHOLD),
            OutputColumn.<Finding>of(Field.COUNTY, TEXT, Finding::county).readAs(Columns.COUNTY),
            OutputColumn.<Finding>of(Field.VILLAGE, TEXT, Finding::village).readAs(Columns.VILLAGE),
            OutputColumn.<Finding>of(Field.TYPE, TEXT, f -> f.type().name()).alsoRead("问题类型").machinesOnly(),
            OutputColumn.<Finding>of(Field.TYPE_ZH, TEXT, f -> f.type().chinese()),
            OutputColumn.<Finding>of(Field.LEFT_OUT, FLAG, Finding::leftOut).alsoRead("是否剔除"),
            OutputColumn.<Finding>of(Field.MESSAGE, TEXT, Finding::message)));

    private static final Column HOUSEHOLD = DISCREPANCIES.reading(Field.HOUSEHOLD);
    private static final Column COUNTY = DISCREPANCIES.reading(Field.COUNTY);
    private static final Column VILLAGE = DISCREPANCIES.reading(Field.VILLAGE);
    private static final Column KIND = DISCREPANCIES.reading(Field.KIND);
    private static final Column SELF_CHECK_STATUS = DISCREPANCIES.reading(Field.SELF_CHECK_STATUS);
    private static final Column QUALIFIES = DISCREPANCIES.reading(Field.QUALIFIES);
    private static final Column PERSONS = DISCREPANCIES.reading(Field.PERSONS);
    private static final Column SPOT_CHECK_LINE = DISCREPANCIES.readingOptional(Field.SPOT_CHECK_LINE);
    private static final Column SELF_CHECK_LINE = DISCREPANCIES.readingOptional(Field.SELF_CHECK_LINE);
    private static final Column FINDING_FILE = DATA_QUALITY.reading(Field.FILE);
    private static final Column FINDING_LINE = DATA_QUALITY.readingOptional(Field.LINE);
    private static final Column FINDING_COLUMN = DATA_QUALITY.readingOptional(Field.COLUMN);
    private static final Column HOUSEHOLD_OPTIONAL = DATA_QUALITY.readingOptional(Field.HOUSEHOLD);
    private static final Column COUNTY_OPTIONAL = DATA_QUALITY.readingOptional(Field.COUNTY);
    private static final Column VILLAGE_OPTIONAL = DATA_QUALITY.readingOptional(Field.VILLAGE);
    private static final Column FINDING_TYPE = DATA_QUALITY.reading(Field.TYPE);
    private static final Column LEFT_OUT = DATA_QUALITY.reading(Field.LEFT_OUT);
    private static final Column MESSAGE = DATA_QUALITY.reading(Field.MESSAGE);

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
