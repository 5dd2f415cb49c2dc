package dev.lookback.funds;

import static dev.lookback.io.Columns.ACTUAL_FINISH;
import static dev.lookback.io.Columns.AMOUNT;
import static dev.lookback.io.Columns.AUDITED_MISUSED;
import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.PLANNED_FINISH;
import static dev.lookback.io.Columns.PROJECT;
import static dev.lookback.io.Columns.STARTED;

import dev.lookback.io.Column;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counties' fund checks ({@code fund_checks.csv}) as the fund rule reads them: per county the
 * misused share of audited money (Σ misused / Σ audited amount) and the share of projects overdue or
 * not started (有资金、有项目、无落实). The counties check all their projects, so these are counts,
 * not samples: their intervals are the values themselves.
 */
public final class FundChecks {

    /** A checked project. */
    public record Check(Project project, LocalDate plannedFinish, LocalDate actualFinish, Boolean started) {

        /** Finished after its planned date, unfinished past it (as of a date), or not started. */
        public boolean overdue(LocalDate asOf) {
            if (Boolean.FALSE.equals(started)) {
                return true;
            }
            if (plannedFinish == null) {
                return false;
            }
            if (actualFinish != null) {
                return actualFinish.isAfter(plannedFinish);
            }
            return asOf != null && asOf.isAfter(plannedFinish);
        }
    }

    /** A county's fund measures. */
    public record CountyFunds(String county, double audited, double misused, int projects, int overdue) {
        /** Σ misused / Σ audited amount; NaN without audited money. */
        public double misusedShare() {
            return audited > 0 ? misused / audited : Double.NaN;
        }

        /** Overdue or unstarted projects over projects; NaN without projects. */
        public double overdueShare() {
            return projects > 0 ? (double) overdue / projects : Double.NaN;
        }
    }

    private FundChecks() {
    }

    /** Reads fund_checks.csv; a bad record stops the reading with its place. */
    public static List<Check> read(TabularSource source) {
        List<Check> checks = new ArrayList<>();
        List<Column> columns = List.of(PROJECT, COUNTY, AMOUNT, AUDITED_MISUSED,
                PLANNED_FINISH, ACTUAL_FINISH, STARTED);
        source.read(columns, row -> {
            double amount = row.number(AMOUNT, 0, Double.MAX_VALUE);
            if (Double.isNaN(amount)) {
                throw row.error(AMOUNT, "", "a book value is required");
            }
            double misused = row.number(AUDITED_MISUSED, 0, Double.MAX_VALUE);
            if (misused > amount) {
                throw row.error(AUDITED_MISUSED, row.text(AUDITED_MISUSED), "is more than the amount " + amount);
            }
            Project p = new Project(row.requireText(PROJECT), row.requireText(COUNTY), amount,
                    misused, row.line());
            Boolean started = row.text(STARTED) == null ? null : row.bool(STARTED);
            checks.add(new Check(p, date(row, PLANNED_FINISH), date(row, ACTUAL_FINISH), started));
        });
        return checks;
    }

    private static LocalDate date(Row row, Column c) {
        return row.date(c);
    }

    /** Per-county measures, counties sorted. */
    public static List<CountyFunds> byCounty(List<Check> checks, LocalDate asOf) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Check c : checks) {
            double[] s = sums.computeIfAbsent(c.project().county(), k -> new double[4]);
            if (!Double.isNaN(c.project().auditedMisused())) {
                s[0] += c.project().amount();
                s[1] += c.project().auditedMisused();
            }
            s[2]++;
            if (c.overdue(asOf)) {
                s[3]++;
            }
        }
        List<CountyFunds> out = new ArrayList<>();
        sums.forEach((county, s) -> out.add(new CountyFunds(county, s[0], s[1], (int) s[2], (int) s[3])));
        return out;
    }

    /** Writes the referral list (移送纪检监察): every project with misused money, largest first. */
    public static void writeReferrals(Path file, List<Check> checks) throws IOException {
        List<Check> misused = new ArrayList<>();
        for (Check c : checks) {
            if (c.project().auditedMisused() > 0) {
                misused.add(c);
            }
        }
        misused.sort((a, b) -> Double.compare(b.project().auditedMisused(), a.project().auditedMisused()));
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "project", "amount", "audited_misused", "line");
            for (Check c : misused) {
                w.row(c.project().county(), c.project().project(), c.project().amount(), c.project().auditedMisused(),
                        c.project().line());
            }
        }
    }
}
