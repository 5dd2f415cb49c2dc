package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.VillageTally;
import dev.lookback.decide.Decision;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
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
        StringColumn county = StringColumn.create("county");
        StringColumn measure = StringColumn.create("measure");
        StringColumn unit = StringColumn.create("unit");
        IntColumn sampled = IntColumn.create("villages_sampled");
        IntColumn inFrame = IntColumn.create("villages_in_frame");
        DoubleColumn units = DoubleColumn.create("units");
        DoubleColumn errors = DoubleColumn.create("errors");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn df = DoubleColumn.create("df");
        DoubleColumn lower = DoubleColumn.create("ci_lower");
        DoubleColumn upper = DoubleColumn.create("ci_upper");
        StringColumn method = StringColumn.create("ci_method");
        DoubleColumn level = DoubleColumn.create("level");
        StringColumn note = StringColumn.create("note");
        for (ErrorRate r : rates) {
            for (Interval ci : r.intervals()) {
                county.append(r.county());
                measure.append(r.measure().label());
                unit.append(r.unit().label());
                sampled.append(r.villagesSampled());
                inFrame.append(r.villagesInFrame());
                units.append(r.estimate().units());
                errors.append(r.estimate().errors());
                estimate.append(r.rate());
                se.append(r.estimate().standardError());
                df.append(r.estimate().df());
                lower.append(ci.lower());
                upper.append(ci.upper());
                method.append(ci.method().label());
                level.append(ci.level());
                note.append(ci.note());
            }
        }
        return Table.create("estimates", county, measure, unit, sampled, inFrame, units, errors, estimate, se, df, lower,
                upper, method, level, note);
    }

    /** The rectification list. */
    public static Table discrepancies(List<Discrepancy> list) {
        StringColumn household = StringColumn.create("household");
        StringColumn county = StringColumn.create("county");
        StringColumn village = StringColumn.create("village");
        StringColumn kind = StringColumn.create("kind");
        StringColumn kindZh = StringColumn.create("kind_zh");
        StringColumn status = StringColumn.create("self_check_status");
        BooleanColumn qualifies = BooleanColumn.create("qualifies");
        IntColumn persons = IntColumn.create("persons");
        for (Discrepancy d : list) {
            household.append(d.household());
            county.append(d.county());
            village.append(d.village());
            kind.append(d.kind().name());
            kindZh.append(d.kind().chinese());
            status.append(d.status().name());
            qualifies.append(d.qualifies());
            persons.append(d.persons());
        }
        return Table.create("discrepancies", household, county, village, kind, kindZh, status, qualifies, persons);
    }

    /** Data-quality findings. */
    public static Table findings(List<Finding> list) {
        StringColumn file = StringColumn.create("file");
        LongColumn line = LongColumn.create("line");
        StringColumn column = StringColumn.create("column");
        StringColumn household = StringColumn.create("household");
        StringColumn county = StringColumn.create("county");
        StringColumn village = StringColumn.create("village");
        StringColumn type = StringColumn.create("type");
        BooleanColumn leftOut = BooleanColumn.create("left_out");
        StringColumn message = StringColumn.create("message");
        for (Finding f : list) {
            file.append(f.file());
            line.append(f.line());
            column.append(f.column());
            household.append(f.household());
            county.append(f.county());
            village.append(f.village());
            type.append(f.type().name());
            leftOut.append(f.leftOut());
            message.append(f.message());
        }
        return Table.create("data quality", file, line, column, household, county, village, type, leftOut, message);
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

    /** Decisions: county, rule, measure, estimate, outcome, fragile, p_value, p_adjusted, names. */
    public static Table decisions(List<Decision> list) {
        StringColumn county = StringColumn.create("county");
        StringColumn rule = StringColumn.create("rule");
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        StringColumn outcome = StringColumn.create("outcome");
        BooleanColumn fragile = BooleanColumn.create("fragile");
        DoubleColumn pValue = DoubleColumn.create("p_value");
        DoubleColumn pAdjusted = DoubleColumn.create("p_adjusted");
        DoubleColumn chance = DoubleColumn.create("trigger_chance_at_threshold");
        IntColumn settle = IntColumn.create("villages_to_settle");
        StringColumn names = StringColumn.create("names");
        for (Decision d : list) {
            county.append(d.county());
            rule.append(d.rule().label());
            measure.append(d.indicator().label());
            estimate.append(d.estimate());
            outcome.append(d.outcome().label());
            fragile.append(d.fragile());
            pValue.append(d.risk().pValue());
            pAdjusted.append(d.risk().pAdjusted());
            chance.append(d.risk().triggerChanceAtThreshold());
            if (d.extraVillages() < 0) {
                settle.appendMissing();
            } else {
                settle.append(d.extraVillages());
            }
            names.append(String.join(";", d.names()));
        }
        return Table.create("decisions", county, rule, measure, estimate, outcome, fragile, pValue, pAdjusted, chance,
                settle, names);
    }
}
