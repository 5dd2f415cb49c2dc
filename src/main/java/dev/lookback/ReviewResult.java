package dev.lookback;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.Measure;
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
 */
public record ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates) {
    /** The default accountability threshold for identification and exit error rates (2%). */
    public static final double DEFAULT_THRESHOLD = 0.02;

    public ReviewResult {
        rates = List.copyOf(rates);
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
    }

    /** The one-screen summary at a given threshold. */
    public String summary(double threshold) {
        return Summary.text(crossCheck, rates, threshold);
    }

    @Override
    public String toString() {
        return summary(DEFAULT_THRESHOLD);
    }
}
