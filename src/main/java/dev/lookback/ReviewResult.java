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
 * @param settings   how the review was run (thresholds, policy, methods, inputs)
 */
public record ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates, List<Decision> decisions,
        List<dev.lookback.funds.FundChecks.Check> fundChecks, List<dev.lookback.assist.AssistanceCheck.Rate> assistance,
        ReviewSettings settings) {
    /** The default accountability threshold for identification and exit error rates (2%). */
    public static final double DEFAULT_THRESHOLD = 0.02;

    public ReviewResult {
        rates = List.copyOf(rates);
        decisions = List.copyOf(decisions);
        fundChecks = List.copyOf(fundChecks);
        assistance = List.copyOf(assistance);
        java.util.Objects.requireNonNull(settings, "settings");
    }

    /** The date as of which unfinished projects past their planned date are overdue (may be null). */
    public java.time.LocalDate asOf() {
        return settings.asOf();
    }

    /** A result without decisions. */
    public ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates) {
        this(crossCheck, rates, List.of(), List.of(), List.of(), ReviewSettings.defaults());
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
     * Writes estimates.csv, estimate_notes.csv, discrepancies.csv, data_quality.csv, tallies.csv (the
     * village tallies the estimates rest on, when the review had households), decisions.csv and
     * fund_referrals.csv (when there is something to decide) and the rectification lists into
     * {@code dir} (created if needed).
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReviewFiles.writeEstimates(dir.resolve("estimates.csv"), rates);
        ReviewFiles.writeEstimateNotes(dir.resolve("estimate_notes.csv"), rates);
        ReviewFiles.writeDiscrepancies(dir.resolve("discrepancies.csv"), crossCheck.discrepancies());
        ReviewFiles.writeFindings(dir.resolve("data_quality.csv"), crossCheck.findings());
        if (!crossCheck.tallies().isEmpty()) {
            dev.lookback.rates.MeasureTallies.of(crossCheck, settings.unit()).write(dir.resolve("tallies.csv"));
        }
        if (!decisions.isEmpty()) {
            Decisions.write(dir.resolve("decisions.csv"), decisions);
        }
        if (!fundChecks.isEmpty()) {
            dev.lookback.funds.FundChecks.writeReferrals(dir.resolve("fund_referrals.csv"), fundChecks);
        }
        writeRectificationLists(dir.resolve("rectification"));
    }

    /**
     * One file per county (整改清单), {@code rectification/<county>.csv}: every household the spot check
     * contradicts, failing cadre, dissatisfied answer, and project with misused money or overdue.
     */
    public void writeRectificationLists(Path dir) throws IOException {
        ReviewFiles.writeRectificationLists(dir, crossCheck.discrepancies(), assistance, fundChecks, asOf());
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
        return Tables.decisions(decisions);
    }

    @Override
    public String toString() {
        return summary(DEFAULT_THRESHOLD);
    }
}
