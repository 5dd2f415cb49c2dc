package dev.lookback.report;

import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.io.CsvWriter;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.survey.RatioEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the review's machine-readable outputs: {@code estimates.csv}, {@code discrepancies.csv}
 * and {@code data_quality.csv}, numbers in full precision ({@link Double#toString}), {@code NaN}
 * where undefined.
 */
public final class ReviewFiles {
    /** The columns of {@code estimates.csv}. */
    public static final List<String> ESTIMATE_COLUMNS = List.of("county", "measure", "unit", "villages_sampled",
            "villages_in_frame", "units", "errors", "estimate", "std_error", "df", "ci_lower", "ci_upper", "ci_method",
            "level");

    private ReviewFiles() {
    }

    /** One row per county × measure × interval method. */
    public static void writeEstimates(Path file, List<ErrorRate> rates) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row(ESTIMATE_COLUMNS.toArray());
            for (ErrorRate r : rates) {
                RatioEstimate e = r.estimate();
                for (Interval ci : r.intervals()) {
                    w.row(r.county(), r.measure().label(), r.unit().label(), r.villagesSampled(), r.villagesInFrame(),
                            count(e.units()), count(e.errors()), e.estimate(), e.standardError(), count(e.df()),
                            ci.lower(), ci.upper(), ci.method().label(), r.interval().level());
                }
            }
        }
    }

    /**
     * Why some estimates are special (census, exact bound at zero errors, no variance estimate):
     * {@code county, measure, ci_method, note}, one row per special interval. Kept apart so that
     * estimates.csv has exactly the contract's columns.
     */
    public static void writeEstimateNotes(Path file, List<ErrorRate> rates) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "measure", "ci_method", "note");
            for (ErrorRate r : rates) {
                for (Interval ci : r.intervals()) {
                    if (!ci.note().isEmpty()) {
                        w.row(r.county(), r.measure().label(), ci.method().label(), ci.note());
                    }
                }
            }
        }
    }

    /** The rectification list: every household that is not correct. */
    public static void writeDiscrepancies(Path file, List<Discrepancy> discrepancies) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("household", "county", "village", "kind", "kind_zh", "self_check_status", "qualifies", "persons",
                    "spot_check_line", "self_check_line");
            for (Discrepancy d : discrepancies) {
                w.row(d.household(), d.county(), d.village(), d.kind(), d.kind().chinese(), d.status(), d.qualifies(),
                        d.persons(), d.spotLine(), d.registerLine() == 0 ? "" : d.registerLine());
            }
        }
    }

    /** Every data-quality finding. */
    public static void writeFindings(Path file, List<Finding> findings) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("file", "line", "column", "household", "county", "village", "type", "type_zh", "left_out", "message");
            for (Finding f : findings) {
                w.row(f.file(), f.line() == 0 ? "" : f.line(), f.column(), f.household(), f.county(), f.village(), f.type(),
                        f.type().chinese(), f.leftOut(), f.message());
            }
        }
    }

    /** A whole number as an integer, anything else (NaN, fractions) as {@link Double#toString}. */
    static String count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * One file per county (整改清单), {@code <dir>/<county>.csv}: what the county must act on — every
     * household the spot check contradicts, every failing cadre and dissatisfied answer, every project
     * with misused money or overdue (as of {@code asOf}) — as {@code item, id, village, problem_zh,
     * problem, amount}. Nothing is written when there is nothing to act on.
     */
    public static void writeRectificationLists(Path dir, List<Discrepancy> discrepancies,
            List<dev.lookback.assist.AssistanceCheck.Rate> assistance, List<dev.lookback.funds.FundChecks.Check> fundChecks,
            java.time.LocalDate asOf) throws IOException {
        java.util.Map<String, List<String[]>> byCounty = new java.util.TreeMap<>();
        for (Discrepancy d : discrepancies) {
            byCounty.computeIfAbsent(d.county(), k -> new java.util.ArrayList<>()).add(new String[] {"household",
                    d.household(), d.village(), d.kind().chinese(), d.kind().english() + " (register: " + d.status()
                            + ", " + d.persons() + " persons)", ""});
        }
        for (dev.lookback.assist.AssistanceCheck.Rate r : assistance) {
            boolean cadre = dev.lookback.assist.AssistanceCheck.NONCOMPLIANCE.equals(r.measure());
            for (dev.lookback.assist.AssistanceCheck.Failure f : r.failures()) {
                byCounty.computeIfAbsent(r.county(), k -> new java.util.ArrayList<>()).add(new String[] {
                        cadre ? "cadre" : "satisfaction", f.id(), f.village(), cadre ? "帮扶不到位" : "群众不满意",
                        f.reason(), ""});
            }
        }
        for (dev.lookback.funds.FundChecks.Check c : fundChecks) {
            boolean misused = c.project().auditedMisused() > 0;
            boolean overdue = c.overdue(asOf);
            if (misused || overdue) {
                byCounty.computeIfAbsent(c.project().county(), k -> new java.util.ArrayList<>()).add(new String[] {
                        "project", c.project().project(), "", misused ? (overdue ? "挤占挪用；逾期或未开工" : "挤占挪用")
                                : "逾期或未开工", misused ? (overdue ? "misused money; overdue or not started"
                                        : "misused money") : "overdue or not started",
                        misused ? Double.toString(c.project().auditedMisused()) : ""});
            }
        }
        if (byCounty.isEmpty()) {
            return;
        }
        java.nio.file.Files.createDirectories(dir);
        for (java.util.Map.Entry<String, List<String[]>> e : byCounty.entrySet()) {
            try (CsvWriter w = CsvWriter.create(dir.resolve(e.getKey() + ".csv"))) {
                w.row("item", "id", "village", "problem_zh", "problem", "amount");
                for (String[] row : e.getValue()) {
                    w.row((Object[]) row);
                }
            }
        }
    }
}
