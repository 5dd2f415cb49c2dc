package dev.lookback.report;

import static dev.lookback.io.OutputColumn.Kind.DECIMAL;
import static dev.lookback.io.OutputColumn.Kind.FLAG;
import static dev.lookback.io.OutputColumn.Kind.INTEGER;
import static dev.lookback.io.OutputColumn.Kind.MONEY;
import static dev.lookback.io.OutputColumn.Kind.PERCENT;
import static dev.lookback.io.OutputColumn.Kind.PROBABILITY;
import static dev.lookback.io.OutputColumn.Kind.TEXT;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.chart.Lang;
import dev.lookback.check.Recheck;
import dev.lookback.decide.Decision;
import dev.lookback.funds.FundChecks;
import dev.lookback.leads.Leads;
import dev.lookback.io.Columns;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.vocabulary.Field;
import dev.lookback.vocabulary.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the review's output files that only Lookback's renderers write (estimates.csv, assistance.csv,
 * decisions.csv, fund_referrals.csv), each declared once: the CSV file, the workbook sheet and the Tablesaw view
 * are made from the declaration. The files some readers take back are declared beside their readers
 * ({@code HouseholdLists.DISCREPANCIES}, {@code HouseholdLists.DATA_QUALITY}, {@code MeasureTallies.FILE}).
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * A row of estimates.csv or assistance.csv: a county's rate of a measure with one of its intervals.
     *
     * @param county          the county, or {@code ALL}
     * @param measure         the measure's code
     * @param measureChinese  its Chinese
     * @param unit            what the rate counts ({@code persons}, {@code cadres})
     * @param unitChinese     its Chinese
     * @param villagesSampled the county's sampled villages
     * @param villagesInFrame its villages in the frame
     * @param estimate        the ratio estimate
     * @param interval        one of its intervals
     * @param level           the level written beside it
     */
    public record EstimateRow(String county, String measure, String measureChinese, String unit, String unitChinese,
            double villagesSampled, double villagesInFrame, RatioEstimate estimate, Interval interval, double level) {

        /** Every interval of every rate, in order. */
        public static List<EstimateRow> of(List<ErrorRate> rates) {
            List<EstimateRow> rows = new ArrayList<>();
            for (ErrorRate r : rates) {
                for (Interval ci : r.intervals()) {
                    rows.add(of(r, ci));
                }
            }
            return rows;
        }

        /** Each rate with the interval that decides (the first method's). */
        public static List<EstimateRow> deciding(List<ErrorRate> rates) {
            return rates.stream().map(r -> of(r, r.interval())).toList();
        }

        static EstimateRow of(ErrorRate r, Interval ci) {
            return new EstimateRow(r.county(), r.measure().label(), r.measure().chinese(), r.unit().label(),
                    r.unit().chinese(), r.villagesSampled(), r.villagesInFrame(), r.estimate(), ci, r.interval().level());
        }

        /** Every interval of every rate of the assistance link, in order. */
        public static List<EstimateRow> ofAssistance(List<AssistanceCheck.Rate> rates) {
            List<EstimateRow> rows = new ArrayList<>();
            for (AssistanceCheck.Rate r : rates) {
                RatioEstimate e = r.estimate();
                for (Interval ci : r.intervals()) {
                    rows.add(new EstimateRow(r.county(), r.measure().label(), r.measure().chinese(), r.measure().unit(),
                            r.measure().unit(), e.clustersSampled(), e.clustersInPopulation(), e, ci, ci.level()));
                }
            }
            return rows;
        }
    }

    /**
     * estimates.csv (and assistance.csv): {@code county, measure, unit, villages_sampled, villages_in_frame, units,
     * errors, estimate, std_error, df, ci_lower, ci_upper, ci_method, level}; a workbook's rates sheet shows the
     * deciding interval's row with its note (the CSV files keep notes in estimate_notes.csv) and without the degrees
     * of freedom.
     */
    public static final OutputFile<EstimateRow> ESTIMATES = OutputFile.of("estimates.csv", () -> List.of(
            OutputColumn.<EstimateRow>of(Field.COUNTY, TEXT, EstimateRow::county)
                    .shown(r -> r.county().equals("ALL") ? "全市 ALL" : r.county()).readAs(Columns.COUNTY),
            OutputColumn.<EstimateRow>of(Field.MEASURE, TEXT, EstimateRow::measure).shown(EstimateRow::measureChinese)
                    .alsoRead("指标"),
            OutputColumn.<EstimateRow>of(Field.UNIT, TEXT, EstimateRow::unit).shown(EstimateRow::unitChinese),
            OutputColumn.<EstimateRow>of(Field.VILLAGES_SAMPLED, INTEGER, EstimateRow::villagesSampled)
                    .alsoRead("样本村数"),
            OutputColumn.<EstimateRow>of(Field.VILLAGES_IN_FRAME, INTEGER, EstimateRow::villagesInFrame)
                    .alsoRead("村数"),
            OutputColumn.<EstimateRow>of(Field.UNITS, INTEGER, r -> r.estimate().units()).alsoRead("核查数", "单位数"),
            OutputColumn.<EstimateRow>of(Field.ERRORS, INTEGER, r -> r.estimate().errors()).alsoRead("误差数", "错误数"),
            OutputColumn.<EstimateRow>of(Field.ESTIMATE, PERCENT, r -> r.estimate().estimate())
                    .alsoRead("估计值"),
            OutputColumn.<EstimateRow>of(Field.STD_ERROR, PERCENT, r -> r.estimate().standardError())
                    .alsoRead("标准误"),
            OutputColumn.<EstimateRow>of(Field.DF, INTEGER, r -> r.estimate().df()).machinesOnly(),
            OutputColumn.<EstimateRow>of(Field.CI_LOWER, PERCENT, r -> r.interval().lower()),
            OutputColumn.<EstimateRow>of(Field.CI_UPPER, PERCENT, r -> r.interval().upper()),
            OutputColumn.<EstimateRow>of(Field.CI_METHOD, TEXT, r -> r.interval().method().label()),
            OutputColumn.<EstimateRow>of(Field.LEVEL, PERCENT, EstimateRow::level),
            OutputColumn.<EstimateRow>of(Field.NOTE, TEXT, r -> r.interval().note()).peopleOnly()));

    /**
     * decisions.csv: {@code county, rule, measure, estimate, ci_lower, ci_upper, threshold, policy, outcome, fragile,
     * p_value, p_adjusted, trigger_chance_at_threshold, villages_to_settle} (blank when settled or unknown), {@code
     * roles, names} (joined by {@code ;}), {@code evidence} (one sentence in Chinese and English) and {@code
     * above_line_not_proven}; people see the terms, the roles and the evidence in Chinese: who is reached (post, name) after the county,
     * then the rule, the measure, the outcome and how sure it is in words ({@link Decision#sureness()}).
     */
    public static final OutputFile<Decision> DECISIONS = OutputFile.of("decisions.csv", () -> List.of(
            OutputColumn.<Decision>of(Field.COUNTY, TEXT, Decision::county),
            OutputColumn.<Decision>of(Field.RULE, TEXT, d -> d.rule().label()).shown(d -> d.rule().chinese()),
            OutputColumn.<Decision>of(Field.MEASURE, TEXT, d -> d.indicator().label())
                    .shown(d -> d.indicator().chinese()),
            OutputColumn.<Decision>of(Field.ESTIMATE, PERCENT, Decision::estimate),
            OutputColumn.<Decision>of(Field.CI_LOWER, PERCENT, Decision::lower),
            OutputColumn.<Decision>of(Field.CI_UPPER, PERCENT, Decision::upper),
            OutputColumn.<Decision>of(Field.THRESHOLD, PERCENT, Decision::threshold),
            OutputColumn.<Decision>of(Field.POLICY, TEXT, d -> d.policy().label()).shown(d -> d.policy().chinese()),
            OutputColumn.<Decision>of(Field.OUTCOME, TEXT, d -> d.outcome().label()).shown(d -> d.outcome().chinese()),
            OutputColumn.<Decision>of(Field.FRAGILE, FLAG, Decision::fragile),
            OutputColumn.<Decision>of(Field.P_VALUE, PROBABILITY, d -> d.risk().pValue()),
            OutputColumn.<Decision>of(Field.P_ADJUSTED, PROBABILITY, d -> d.risk().pAdjusted()),
            OutputColumn.<Decision>of(Field.TRIGGER_CHANCE_AT_THRESHOLD, PERCENT,
                    d -> d.risk().triggerChanceAtThreshold()),
            OutputColumn.<Decision>of(Field.VILLAGES_TO_SETTLE, INTEGER, d -> d.extraVillages() < 0 ? null
                    : d.extraVillages()),
            OutputColumn.<Decision>of(Field.ROLES, TEXT, d -> String.join(";", d.roles().stream().map(Role::name)
                    .toList())).shown(d -> String.join("、", d.roles().stream().map(Role::chinese).toList())),
            OutputColumn.<Decision>of(Field.NAMES, TEXT, d -> String.join(";", d.names()))
                    .shown(d -> String.join("、", d.names())),
            OutputColumn.<Decision>of(Field.EVIDENCE, TEXT, DecisionText::bilingual)
                    .shown(d -> DecisionText.sentence(d, Lang.ZH)),
            OutputColumn.<Decision>of(Field.ABOVE_LINE_NOT_PROVEN, FLAG, Decision::aboveLineNotProven),
            OutputColumn.<Decision>of(Field.SURENESS, TEXT, d -> d.sureness().label())
                    .shown(d -> d.sureness().chinese()).peopleOnly()))
            .shownInOrder(Field.COUNTY, Field.ROLES, Field.NAMES, Field.RULE, Field.MEASURE, Field.OUTCOME,
                    Field.SURENESS, Field.ESTIMATE, Field.CI_LOWER,
                    Field.CI_UPPER, Field.THRESHOLD, Field.POLICY, Field.FRAGILE, Field.ABOVE_LINE_NOT_PROVEN,
                    Field.P_VALUE, Field.P_ADJUSTED, Field.TRIGGER_CHANCE_AT_THRESHOLD, Field.VILLAGES_TO_SETTLE,
                    Field.EVIDENCE);

    /** fund_referrals.csv: {@code county, project, amount, audited_misused, line}, largest misuse first. */
    public static final OutputFile<FundChecks.Check> FUND_REFERRALS = OutputFile.of("fund_referrals.csv", () -> List.of(
            OutputColumn.<FundChecks.Check>of(Field.COUNTY, TEXT, c -> c.project().county()),
            OutputColumn.<FundChecks.Check>of(Field.PROJECT, TEXT, c -> c.project().project()),
            OutputColumn.<FundChecks.Check>of(Field.AMOUNT, MONEY, c -> c.project().amount()),
            OutputColumn.<FundChecks.Check>of(Field.AUDITED_MISUSED, MONEY, c -> c.project().auditedMisused()),
            OutputColumn.<FundChecks.Check>of(Field.LINE, INTEGER, c -> c.project().line())));

    /** estimate_notes.csv: {@code county, measure, ci_method, note}, one row per interval with a note. */
    public static final OutputFile<EstimateRow> ESTIMATE_NOTES = OutputFile.of("estimate_notes.csv", () -> List.of(
            OutputColumn.<EstimateRow>of(Field.COUNTY, TEXT, EstimateRow::county),
            OutputColumn.<EstimateRow>of(Field.MEASURE, TEXT, EstimateRow::measure).shown(EstimateRow::measureChinese),
            OutputColumn.<EstimateRow>of(Field.CI_METHOD, TEXT, r -> r.interval().method().label()),
            OutputColumn.<EstimateRow>of(Field.NOTE, TEXT, r -> r.interval().note())));

    /**
     * A lead as the review sees it: whether it is past the time limit, and the spot check's verdict on its household
     * (a household of a sampled village), or null.
     */
    public record LeadRow(Leads.Lead lead, boolean overdue, dev.lookback.vocabulary.Kind spotCheckVerdict) {
        /** Every lead of a result, as the review sees it. */
        public static List<LeadRow> of(dev.lookback.ReviewResult r) {
            java.util.Map<String, dev.lookback.check.Discrepancy> byHousehold = new java.util.HashMap<>();
            r.discrepancies().forEach(d -> byHousehold.put(d.household(), d));
            int days = r.settings().reportDays();
            return r.leads().stream().map(l -> new LeadRow(l, l.overdue(r.asOf(), days), Leads.spotCheckVerdict(l,
                    byHousehold, r.crossCheck().sample()).orElse(null))).toList();
        }
    }

    /**
     * leads.csv (and the workbook's 群众举报 sheet): {@code report, received, channel, county, village, subject,
     * subject_id, allegation, status, verified_on, overdue, spot_check_verdict}.
     */
    public static final OutputFile<LeadRow> LEADS = OutputFile.of("leads.csv", () -> List.of(
            OutputColumn.<LeadRow>of(Field.REPORT, TEXT, r -> r.lead().report()),
            OutputColumn.<LeadRow>of(Field.RECEIVED, TEXT, r -> r.lead().received().toString()),
            OutputColumn.<LeadRow>of(Field.CHANNEL, TEXT, r -> r.lead().channel().label())
                    .shown(r -> r.lead().channel().chinese()),
            OutputColumn.<LeadRow>of(Field.COUNTY, TEXT, r -> r.lead().county()),
            OutputColumn.<LeadRow>of(Field.VILLAGE, TEXT, r -> r.lead().village()),
            OutputColumn.<LeadRow>of(Field.SUBJECT, TEXT, r -> r.lead().subject().label())
                    .shown(r -> r.lead().subject().chinese()),
            OutputColumn.<LeadRow>of(Field.SUBJECT_ID, TEXT, r -> r.lead().subjectId()),
            OutputColumn.<LeadRow>of(Field.ALLEGATION, TEXT, r -> r.lead().allegation().label())
                    .shown(r -> r.lead().allegation().chinese()),
            OutputColumn.<LeadRow>of(Field.LEAD_STATUS, TEXT, r -> r.lead().status().name())
                    .shown(r -> r.lead().status().chinese()),
            OutputColumn.<LeadRow>of(Field.VERIFIED_ON, TEXT, r -> r.lead().verifiedOn() == null ? null
                    : r.lead().verifiedOn().toString()),
            OutputColumn.<LeadRow>of(Field.OVERDUE, FLAG, LeadRow::overdue),
            OutputColumn.<LeadRow>of(Field.SPOT_CHECK_VERDICT, TEXT, r -> r.spotCheckVerdict() == null ? null
                    : r.spotCheckVerdict().name()).shown(r -> r.spotCheckVerdict() == null ? null
                            : r.spotCheckVerdict().chinese())));

    /** lead_referrals.csv: {@code county, report, subject, subject_id, allegation, status, verified_on}. */
    public static final OutputFile<Leads.Lead> LEAD_REFERRALS = OutputFile.of("lead_referrals.csv", () -> List.of(
            OutputColumn.<Leads.Lead>of(Field.COUNTY, TEXT, Leads.Lead::county),
            OutputColumn.<Leads.Lead>of(Field.REPORT, TEXT, Leads.Lead::report),
            OutputColumn.<Leads.Lead>of(Field.SUBJECT, TEXT, l -> l.subject().label()).shown(l -> l.subject().chinese()),
            OutputColumn.<Leads.Lead>of(Field.SUBJECT_ID, TEXT, Leads.Lead::subjectId),
            OutputColumn.<Leads.Lead>of(Field.ALLEGATION, TEXT, l -> l.allegation().label())
                    .shown(l -> l.allegation().chinese()),
            OutputColumn.<Leads.Lead>of(Field.LEAD_STATUS, TEXT, l -> l.status().name()).shown(l -> l.status().chinese()),
            OutputColumn.<Leads.Lead>of(Field.VERIFIED_ON, TEXT, l -> String.valueOf(l.verifiedOn()))));

    /** A row of reports_summary.csv: a county's leads of one allegation in one status. */
    public record ReportCount(String county, dev.lookback.vocabulary.Allegation allegation,
            dev.lookback.vocabulary.LeadStatus status, int count) {
    }

    /** reports_summary.csv: {@code county, allegation, status, count}. */
    public static final OutputFile<ReportCount> REPORTS_SUMMARY = OutputFile.of("reports_summary.csv", () -> List.of(
            OutputColumn.<ReportCount>of(Field.COUNTY, TEXT, ReportCount::county),
            OutputColumn.<ReportCount>of(Field.ALLEGATION, TEXT, r -> r.allegation().label())
                    .shown(r -> r.allegation().chinese()),
            OutputColumn.<ReportCount>of(Field.LEAD_STATUS, TEXT, r -> r.status().name()).shown(r -> r.status().chinese()),
            OutputColumn.<ReportCount>of(Field.COUNT, INTEGER, ReportCount::count)));

    /**
     * A rectification item of a county: {@code item} (an {@code Item} label), {@code id}, {@code village},
     * {@code problem_zh}, {@code problem}, {@code amount} (blank, or the misused yuan).
     */
    public record RectificationItem(String county, String item, String id, String village, String problemChinese,
            String problem, String amount) {
        /** The items of a county, from {@link ReviewFiles#rectificationItems}' rows. */
        public static List<RectificationItem> of(String county, List<String[]> rows) {
            return rows.stream().map(r -> new RectificationItem(county, r[0], r[1], r[2], r[3], r[4], r[5])).toList();
        }
    }

    /**
     * rectification/&lt;county&gt;.csv: {@code item, id, village, problem_zh, problem, amount}; the workbooks' 整改清单
     * sheets show the county first (a column for people only: a county's file is its own) and the item in Chinese.
     */
    public static final OutputFile<RectificationItem> RECTIFICATION = OutputFile.of("rectification/<county>.csv", () -> List.of(
            OutputColumn.<RectificationItem>of(Field.COUNTY, TEXT, RectificationItem::county).peopleOnly(),
            OutputColumn.<RectificationItem>of(Field.ITEM, TEXT, RectificationItem::item).shown(r -> dev.lookback
                    .vocabulary.Item.valueOf(r.item().toUpperCase(java.util.Locale.ROOT)).chinese()),
            OutputColumn.<RectificationItem>of(Field.ID, TEXT, RectificationItem::id),
            OutputColumn.<RectificationItem>of(Field.VILLAGE, TEXT, RectificationItem::village),
            OutputColumn.<RectificationItem>of(Field.PROBLEM_ZH, TEXT, RectificationItem::problemChinese),
            OutputColumn.<RectificationItem>of(Field.PROBLEM, TEXT, RectificationItem::problem),
            OutputColumn.<RectificationItem>of(Field.AMOUNT, MONEY, r -> r.amount().isEmpty() ? null
                    : Double.valueOf(r.amount()))));

    /**
     * agreement.csv: {@code county, on, households, villages, agreements, both_yes, spot_yes_recheck_no,
     * spot_no_recheck_yes, both_no, kappa, kappa_lower, kappa_upper}; the four counts for {@code qualifies} only.
     */
    public static final OutputFile<Recheck.Agreement> AGREEMENT = OutputFile.of("agreement.csv", () -> List.of(
            OutputColumn.<Recheck.Agreement>of(Field.COUNTY, TEXT, Recheck.Agreement::county),
            OutputColumn.<Recheck.Agreement>of(Field.ON, TEXT, Recheck.Agreement::on),
            OutputColumn.<Recheck.Agreement>of(Field.HOUSEHOLDS, INTEGER, Recheck.Agreement::households),
            OutputColumn.<Recheck.Agreement>of(Field.VILLAGES, INTEGER, Recheck.Agreement::villages),
            OutputColumn.<Recheck.Agreement>of(Field.AGREEMENTS, INTEGER, Recheck.Agreement::agreements),
            OutputColumn.<Recheck.Agreement>of(Field.BOTH_YES, INTEGER, a -> cell(a, 0)),
            OutputColumn.<Recheck.Agreement>of(Field.SPOT_YES_RECHECK_NO, INTEGER, a -> cell(a, 1)),
            OutputColumn.<Recheck.Agreement>of(Field.SPOT_NO_RECHECK_YES, INTEGER, a -> cell(a, 2)),
            OutputColumn.<Recheck.Agreement>of(Field.BOTH_NO, INTEGER, a -> cell(a, 3)),
            OutputColumn.<Recheck.Agreement>of(Field.KAPPA, DECIMAL, Recheck.Agreement::kappa),
            OutputColumn.<Recheck.Agreement>of(Field.KAPPA_LOWER, DECIMAL, Recheck.Agreement::lower),
            OutputColumn.<Recheck.Agreement>of(Field.KAPPA_UPPER, DECIMAL, Recheck.Agreement::upper)));

    /** A cell of the qualifies table, or null (a blank) for the verdicts' agreement. */
    private static Integer cell(Recheck.Agreement a, int k) {
        return a.on().equals("qualifies") ? a.table()[k] : null;
    }

    /**
     * recheck_disagreements.csv: every household the checks judge differently: {@code household, county, village,
     * spot_qualifies, recheck_qualifies, spot_verdict, recheck_verdict, spot_verdict_zh, recheck_verdict_zh}.
     */
    public static final OutputFile<Recheck.Household> RECHECK_DISAGREEMENTS = OutputFile.of(
            "recheck_disagreements.csv", () -> List.of(
            OutputColumn.<Recheck.Household>of(Field.HOUSEHOLD, TEXT, Recheck.Household::household),
            OutputColumn.<Recheck.Household>of(Field.COUNTY, TEXT, Recheck.Household::county),
            OutputColumn.<Recheck.Household>of(Field.VILLAGE, TEXT, Recheck.Household::village),
            OutputColumn.<Recheck.Household>of(Field.SPOT_QUALIFIES, FLAG, Recheck.Household::spotQualifies),
            OutputColumn.<Recheck.Household>of(Field.RECHECK_QUALIFIES, FLAG, Recheck.Household::recheckQualifies),
            OutputColumn.<Recheck.Household>of(Field.SPOT_VERDICT, TEXT, h -> h.spotVerdict().name()).machinesOnly(),
            OutputColumn.<Recheck.Household>of(Field.RECHECK_VERDICT, TEXT, h -> h.recheckVerdict().name())
                    .machinesOnly(),
            OutputColumn.<Recheck.Household>of(Field.SPOT_VERDICT_ZH, TEXT, h -> h.spotVerdict().chinese()),
            OutputColumn.<Recheck.Household>of(Field.RECHECK_VERDICT_ZH, TEXT, h -> h.recheckVerdict().chinese())));

    /** rectification/index.csv: {@code county, file, workbook}, which list and workbook is whose. */
    public static final OutputFile<String[]> RECTIFICATION_INDEX = OutputFile.of("rectification/index.csv", () -> List.of(
            OutputColumn.<String[]>of(Field.COUNTY, TEXT, r -> r[0]),
            OutputColumn.<String[]>of(Field.FILE, TEXT, r -> r[1]),
            OutputColumn.<String[]>of(Field.WORKBOOK, TEXT, r -> r[2])));
}
