package dev.lookback;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.Measure;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.rates.ErrorRate;
import dev.lookback.report.ReviewFiles;
import dev.lookback.report.Summary;
import dev.lookback.report.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import tech.tablesaw.api.Table;

/**
 * The outcome of a {@link Review}: the cross-check (tallies, discrepancies, findings) and every
 * error rate. Immutable; {@code toString()} is the one-screen summary.
 *
 * @param crossCheck what the cross-check found
 * @param rates      county × measure rows, counties sorted, then the {@code ALL} rows
 * @param decisions  the accountability decisions (empty when no leaders were given)
 * @param fundChecks the fund checks read (empty when none were given)
 * @param assistance the assistance rates, with the failing cadres and dissatisfied answers (empty when none)
 * @param asOf       the date as of which unfinished projects are overdue (may be null)
 */
public record ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates, List<Decision> decisions,
        List<dev.lookback.funds.FundChecks.Check> fundChecks, List<dev.lookback.assist.AssistanceCheck.Rate> assistance,
        java.time.LocalDate asOf) {
    /** The default accountability threshold for identification and exit error rates (2%). */
    public static final double DEFAULT_THRESHOLD = 0.02;

    public ReviewResult {
        rates = List.copyOf(rates);
        decisions = List.copyOf(decisions);
        fundChecks = List.copyOf(fundChecks);
        assistance = List.copyOf(assistance);
    }

    /** A result without decisions. */
    public ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates) {
        this(crossCheck, rates, List.of(), List.of(), List.of(), null);
    }

    /** The rate of one county (or {@code ALL}) and measure. */
    public ErrorRate rate(String county, Measure measure) {
        for (ErrorRate r : rates) {
            if (r.county().equals(county) && r.measure() == measure) {
                return r;
            }
        }
        throw new NoSuchElementException("no " + measure.label() + " rate for county " + county);
    }

    /** The discrepancies: the rectification list. */
    public List<Discrepancy> discrepancies() {
        return crossCheck.discrepancies();
    }

    /** The data-quality findings. */
    public List<Finding> findings() {
        return crossCheck.findings();
    }

    /** A Tablesaw view of the estimates (the columns of estimates.csv). */
    public Table estimatesTable() {
        return Tables.estimates(rates);
    }

    /** A Tablesaw view of the discrepancies. */
    public Table discrepanciesTable() {
        return Tables.discrepancies(crossCheck.discrepancies());
    }

    /** A Tablesaw view of the data-quality findings. */
    public Table findingsTable() {
        return Tables.findings(crossCheck.findings());
    }

    /**
     * Writes estimates.csv, estimate_notes.csv, discrepancies.csv and data_quality.csv into {@code dir}
     * (created if needed).
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReviewFiles.writeEstimates(dir.resolve("estimates.csv"), rates);
        ReviewFiles.writeEstimateNotes(dir.resolve("estimate_notes.csv"), rates);
        ReviewFiles.writeDiscrepancies(dir.resolve("discrepancies.csv"), crossCheck.discrepancies());
        ReviewFiles.writeFindings(dir.resolve("data_quality.csv"), crossCheck.findings());
        if (!decisions.isEmpty()) {
            Decisions.write(dir.resolve("decisions.csv"), decisions);
        }
        if (!fundChecks.isEmpty()) {
            dev.lookback.funds.FundChecks.writeReferrals(dir.resolve("fund_referrals.csv"), fundChecks);
        }
        writeRectificationLists(dir.resolve("rectification"));
    }

    /**
     * One file per county (整改清单), {@code rectification/<county>.csv}: what the county must act on —
     * every household the spot check contradicts, every failing cadre and dissatisfied answer, every
     * project with misused money or overdue — as {@code item, id, village, problem_zh, problem, amount}.
     */
    public void writeRectificationLists(Path dir) throws IOException {
        java.util.Map<String, List<String[]>> byCounty = new java.util.TreeMap<>();
        for (Discrepancy d : crossCheck.discrepancies()) {
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
        Files.createDirectories(dir);
        for (java.util.Map.Entry<String, List<String[]>> e : byCounty.entrySet()) {
            try (dev.lookback.io.CsvWriter w = dev.lookback.io.CsvWriter.create(dir.resolve(e.getKey() + ".csv"))) {
                w.row("item", "id", "village", "problem_zh", "problem", "amount");
                for (String[] row : e.getValue()) {
                    w.row((Object[]) row);
                }
            }
        }
    }

    /** The one-screen summary at a given threshold, with who is reached and why. */
    public String summary(double threshold) {
        StringBuilder sb = new StringBuilder(Summary.text(crossCheck, rates, threshold));
        if (!decisions.isEmpty()) {
            sb.append("Accountability (问责): ");
            long reached = decisions.stream().filter(Decision::triggered).count();
            sb.append(reached == 0 ? "no county reaches the threshold under the " + decisions.get(0).policy()
                    + " policy.\n" : reached + " decision(s) triggered:\n");
            for (Decision d : decisions) {
                if (d.triggered() || d.fragile()) {
                    sb.append("  ").append(d.triggered() ? "TRIGGERED " : "fragile   ").append(d.evidence()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** A Tablesaw view of the decisions. */
    public Table decisionsTable() {
        tech.tablesaw.api.StringColumn county = tech.tablesaw.api.StringColumn.create("county");
        tech.tablesaw.api.StringColumn measure = tech.tablesaw.api.StringColumn.create("measure");
        tech.tablesaw.api.DoubleColumn estimate = tech.tablesaw.api.DoubleColumn.create("estimate");
        tech.tablesaw.api.StringColumn outcome = tech.tablesaw.api.StringColumn.create("outcome");
        tech.tablesaw.api.BooleanColumn fragile = tech.tablesaw.api.BooleanColumn.create("fragile");
        tech.tablesaw.api.StringColumn names = tech.tablesaw.api.StringColumn.create("names");
        for (Decision d : decisions) {
            county.append(d.county());
            measure.append(d.measure());
            estimate.append(d.estimate());
            outcome.append(d.outcome());
            fragile.append(d.fragile());
            names.append(String.join(";", d.names()));
        }
        return Table.create("decisions", county, measure, estimate, outcome, fragile, names);
    }

    @Override
    public String toString() {
        return summary(DEFAULT_THRESHOLD);
    }
}
