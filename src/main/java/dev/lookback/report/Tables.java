package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.HouseholdLists;
import dev.lookback.check.VillageTally;
import dev.lookback.decide.Decision;
import dev.lookback.rates.ErrorRate;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw views of review results; each call builds a new table. */
public final class Tables {
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }

    private Tables() {
    }

    /** The result's estimates (the columns of estimates.csv, and a note). */
    public static Table estimates(ReviewResult result) {
        return estimates(result.rates());
    }

    /** The result's rectification list. */
    public static Table discrepancies(ReviewResult result) {
        return discrepancies(result.discrepancies());
    }

    /** The result's data-quality findings. */
    public static Table findings(ReviewResult result) {
        return findings(result.findings());
    }

    /** The result's decisions. */
    public static Table decisions(ReviewResult result) {
        return decisions(result.decisions());
    }

    /** Estimates: one row per county × measure × interval method, the columns of estimates.csv. */
    public static Table estimates(List<ErrorRate> rates) {
        return OutputFiles.ESTIMATES.table("estimates", OutputFiles.EstimateRow.of(rates));
    }

    /** The rectification list: the columns of discrepancies.csv. */
    public static Table discrepancies(List<Discrepancy> list) {
        return HouseholdLists.DISCREPANCIES.table("discrepancies", list);
    }

    /** Data-quality findings: the columns of data_quality.csv. */
    public static Table findings(List<Finding> list) {
        return HouseholdLists.DATA_QUALITY.table("data quality", list);
    }

    /** Village tallies: errors and units of every measure in the given unit. */
    public static Table tallies(List<VillageTally> tallies, Unit unit) {
        StringColumn county = StringColumn.create("county");
        StringColumn village = StringColumn.create("village");
        for (VillageTally v : tallies) {
            county.append(v.county());
            village.append(v.village());
        }
        Table t = Table.create("village tallies (" + unit.label() + ")", county, village);
        for (Measure m : Measure.values()) {
            LongColumn errors = LongColumn.create(m.label() + "_errors");
            LongColumn units = LongColumn.create(m.label() + "_units");
            for (VillageTally v : tallies) {
                errors.append(v.errors(m, unit));
                units.append(v.units(m, unit));
            }
            t.addColumns(errors, units);
        }
        return t;
    }

    /** Decisions: the columns of decisions.csv. */
    public static Table decisions(List<Decision> list) {
        return OutputFiles.DECISIONS.table("decisions", list);
    }
}
