package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.HouseholdLists;
import dev.lookback.decide.Decision;
import dev.lookback.funds.FundChecks;
import dev.lookback.io.Writes;
import dev.lookback.leads.Leads;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Item;
import dev.lookback.vocabulary.LeadSubject;
import dev.lookback.vocabulary.Shortfall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the review's machine-readable outputs: {@code estimates.csv}, {@code discrepancies.csv}
 * and {@code data_quality.csv}, numbers in full precision ({@link Double#toString}), {@code NaN}
 * where undefined.
 */
public final class ReviewFiles {
    /** The columns of {@code estimates.csv} (and assistance.csv): {@link OutputFiles#ESTIMATES}'s header. */
    public static final List<String> ESTIMATE_COLUMNS = OutputFiles.ESTIMATES.header();

    private ReviewFiles() {
    }

    /** One row per county × measure × interval method ({@link OutputFiles#ESTIMATES}'s columns). */
    public static void writeEstimates(Path file, List<ErrorRate> rates) throws IOException {
        OutputFiles.ESTIMATES.write(file, OutputFiles.EstimateRow.of(rates));
    }

    /**
     * The assistance link's rates, with the columns of estimates.csv: one row per county (then {@code ALL}) × measure
     * ({@code cadre_noncompliance}, {@code satisfaction}) × interval method; {@code unit} is what they count
     * ({@code cadres} or {@code households}), {@code errors} the failing cadres or the satisfied answers.
     */
    public static void writeAssistance(Path file, List<AssistanceCheck.Rate> rates) throws IOException {
        OutputFiles.ESTIMATES.write(file, OutputFiles.EstimateRow.ofAssistance(rates));
    }

    /**
     * Why some estimates are special (census, exact bound at zero errors, no variance estimate):
     * {@code county, measure, ci_method, note}, one row per special interval. Kept apart so that
     * estimates.csv has exactly the contract's columns.
     */
    public static void writeEstimateNotes(Path file, List<ErrorRate> rates) throws IOException {
        OutputFiles.ESTIMATE_NOTES.write(file, OutputFiles.EstimateRow.of(rates).stream()
                .filter(r -> !r.interval().note().isEmpty()).toList());
    }

    /** The rectification list: every household that is not correct ({@link HouseholdLists#DISCREPANCIES}'s columns). */
    public static void writeDiscrepancies(Path file, Iterable<Discrepancy> discrepancies) throws IOException {
        HouseholdLists.DISCREPANCIES.write(file, discrepancies);
    }

    /** Every data-quality finding ({@link HouseholdLists#DATA_QUALITY}'s columns). */
    public static void writeFindings(Path file, Iterable<Finding> findings) throws IOException {
        HouseholdLists.DATA_QUALITY.write(file, findings);
    }

    /**
     * Writes every file of a result into {@code dir} (created if needed): estimates.csv,
     * estimate_notes.csv, discrepancies.csv, data_quality.csv, tallies.csv (the village tallies the
     * estimates rest on, when the review had households), decisions.csv and fund_referrals.csv (when
     * there is something to decide), the rectification lists and review.xlsx; the files are independent and
     * are written on every core ({@link Writes#all}).
     */
    public static void write(ReviewResult result, Path dir) throws IOException {
        Writes.all(writes(result, dir));
    }

    /**
     * The writes of {@link #write}, to be run with others ({@link Writes#all}); {@code dir} is created first.
     */
    public static List<Writes.Write> writes(ReviewResult result, Path dir) throws IOException {
        return writes(result, dir, true);
    }

    /**
     * As {@link #writes(ReviewResult, Path)}, with or without the workbooks: without them ({@code --workbooks
     * none}, for machines), review.xlsx and the counties' .xlsx lists are not written, and the index of the
     * rectification lists leaves their column blank.
     */
    public static List<Writes.Write> writes(ReviewResult result, Path dir, boolean workbooks) throws IOException {
        Files.createDirectories(dir);
        List<Writes.Write> writes = new ArrayList<>();
        Map<String, List<String[]>> items = rectificationItems(result); // for the lists and review.xlsx's sheet
        if (workbooks) {
            writes.add(() -> Workbooks.writeReview(result, items, dir.resolve("review.xlsx")));
        }
        writes.add(() -> writeDiscrepancies(dir.resolve("discrepancies.csv"), result.discrepancies()));
        if (!result.crossCheck().tallies().isEmpty()) {
            writes.add(() -> MeasureTallies.of(result.crossCheck(), result.settings().unit())
                    .write(dir.resolve("tallies.csv")));
        }
        writes.addAll(rectificationLists(dir.resolve("rectification"), result, items, workbooks));
        writes.add(() -> writeEstimates(dir.resolve("estimates.csv"), result.rates()));
        writes.add(() -> writeEstimateNotes(dir.resolve("estimate_notes.csv"), result.rates()));
        if (!result.assistance().isEmpty()) {
            writes.add(() -> writeAssistance(dir.resolve("assistance.csv"), result.assistance()));
        }
        writes.add(() -> writeFindings(dir.resolve("data_quality.csv"), result.findings()));
        if (!result.decisions().isEmpty()) {
            writes.add(() -> writeDecisions(dir.resolve("decisions.csv"), result.decisions()));
        }
        if (!result.fundChecks().isEmpty()) {
            writes.add(() -> writeReferrals(dir.resolve("fund_referrals.csv"), result.fundChecks()));
        }
        if (!result.leads().isEmpty()) {
            writes.add(() -> writeLeads(result, dir));
        }
        if (result.recheck() != null) {
            writes.add(() -> writeRecheck(result.recheck(), dir));
        }
        return writes;
    }

    /** Writes decisions.csv ({@link OutputFiles#DECISIONS}'s columns). */
    public static void writeDecisions(Path file, List<Decision> decisions) throws IOException {
        OutputFiles.DECISIONS.write(file, decisions);
    }

    /** The projects to refer (移送纪检监察): every one with misused money, largest first. */
    public static List<FundChecks.Check> referrals(List<FundChecks.Check> checks) {
        List<FundChecks.Check> misused = new ArrayList<>();
        for (FundChecks.Check c : checks) {
            if (c.project().auditedMisused() > 0) {
                misused.add(c);
            }
        }
        misused.sort((a, b) -> Double.compare(b.project().auditedMisused(), a.project().auditedMisused()));
        return misused;
    }

    /** Writes the referral list (移送纪检监察): every project with misused money, largest first. */
    public static void writeReferrals(Path file, List<FundChecks.Check> checks) throws IOException {
        OutputFiles.FUND_REFERRALS.write(file, referrals(checks));
    }

    /**
     * What each county must act on, in county order: rows of {@code item, id, village, problem_zh, problem,
     * amount} (item a {@link Item} label, amount blank or the misused yuan).
     */
    public static Map<String, List<String[]>> rectificationItems(ReviewResult result) {
        Map<String, List<String[]>> byCounty = new TreeMap<>();
        rectification(result, (county, item) -> byCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(item.get()));
        return byCounty;
    }

    /** How many rectification items there are, and for how many counties, without writing their texts. */
    static int[] rectificationCounts(ReviewResult result) {
        int[] items = {0};
        Set<String> counties = new HashSet<>();
        rectification(result, (county, item) -> {
            items[0]++;
            counties.add(county);
        });
        return new int[] {items[0], counties.size()};
    }

    /** Where a rectification item goes: its county, and its row when asked for. */
    private interface Items {
        void add(String county, java.util.function.Supplier<String[]> item);
    }

    /** Every rectification item of a result, in the lists' order within each county. */
    private static void rectification(ReviewResult result, Items to) {
        for (Discrepancy d : result.discrepancies()) {
            to.add(d.county(), () -> new String[] {Item.HOUSEHOLD.label(),
                    d.household(), d.village(), d.kind().chinese(), d.kind().english() + (d.kind().englishDetail()
                            .isEmpty() ? "" : " (" + d.kind().englishDetail() + ")") + " (register: " + d.status()
                            + ", " + d.persons() + " persons)", ""});
        }
        for (AssistanceCheck.Rate r : result.assistance()) {
            for (AssistanceCheck.Failure f : r.failures()) {
                to.add(r.county(), () -> new String[] {r.measure().label(),
                        f.id(), f.village(), shortfalls(f, true), shortfalls(f, false), ""});
            }
        }
        for (FundChecks.Check c : result.fundChecks()) {
            boolean misused = c.project().auditedMisused() > 0;
            boolean overdue = c.overdue(result.asOf());
            if (misused || overdue) {
                List<FundMeasure> found = new ArrayList<>();
                if (misused) {
                    found.add(FundMeasure.MISUSED_SHARE);
                }
                if (overdue) {
                    found.add(FundMeasure.OVERDUE_SHARE);
                }
                to.add(c.project().county(), () -> new String[] {
                        Item.PROJECT.label(), c.project().project(), "",
                        String.join("；", found.stream().map(FundMeasure::chineseDetail).toList()),
                        String.join("; ", found.stream().map(FundMeasure::englishDetail).toList()),
                        misused ? Double.toString(c.project().auditedMisused()) : ""});
            }
        }
        for (Leads.Lead l : result.leads()) {
            if (l.status().confirmed() && l.subject() == LeadSubject.HOUSEHOLD) {
                to.add(l.county(), () -> new String[] {Item.REPORT.label(),
                        l.subjectId(), l.village(), l.allegation().chinese() + "（群众举报 " + l.report() + "，"
                                + l.status().chinese() + "）", l.allegation().english() + " (report " + l.report() + ", "
                                + l.status().english() + ")", ""});
            }
        }
    }

    /**
     * Writes agreement.csv ({@code county, on, households, villages, agreements, both_yes, spot_yes_recheck_no,
     * spot_no_recheck_yes, both_no, kappa, kappa_lower, kappa_upper}; the four counts for {@code qualifies} only)
     * and recheck_disagreements.csv (every household the checks judge differently).
     */
    public static void writeRecheck(dev.lookback.check.Recheck.Result r, Path dir) throws IOException {
        OutputFiles.AGREEMENT.write(dir.resolve(OutputFiles.AGREEMENT.name()), r.agreements());
        OutputFiles.RECHECK_DISAGREEMENTS.write(dir.resolve(OutputFiles.RECHECK_DISAGREEMENTS.name()),
                r.disagreements());
    }

    /** The leads to refer to the discipline inspection organs: confirmed or partly confirmed, about a cadre or project. */
    public static List<Leads.Lead> leadReferrals(ReviewResult result) {
        return result.leads().stream().filter(l -> l.status().confirmed() && l.subject() != LeadSubject.HOUSEHOLD).toList();
    }

    /**
     * Writes what the reports from the public came to: reports_summary.csv ({@code county, allegation, status,
     * count}), leads.csv (every lead with whether it is past the time limit and, for a household of a sampled
     * village, the spot check's verdict) and lead_referrals.csv (confirmed cadre and project leads).
     */
    public static void writeLeads(ReviewResult result, Path dir) throws IOException {
        List<OutputFiles.ReportCount> counts = new ArrayList<>();
        Leads.summary(result.leads()).forEach((county, byAllegation) -> byAllegation.forEach((a, byStatus) ->
                byStatus.forEach((status, n) -> counts.add(new OutputFiles.ReportCount(county, a, status, n)))));
        OutputFiles.REPORTS_SUMMARY.write(dir.resolve(OutputFiles.REPORTS_SUMMARY.name()), counts);
        OutputFiles.LEADS.write(dir.resolve(OutputFiles.LEADS.name()), OutputFiles.LeadRow.of(result));
        OutputFiles.LEAD_REFERRALS.write(dir.resolve(OutputFiles.LEAD_REFERRALS.name()), leadReferrals(result));
    }

    /**
     * One file per county (整改清单) under {@code dir}: what the county must act on — every household the
     * spot check contradicts, every failing cadre and dissatisfied answer, every project with misused money
     * or overdue (as of the review's date) — as {@code item, id, village, problem_zh, problem, amount}.
     * The file's name is made from the county code by {@link FileNames#safe} (never a path, never outside
     * {@code dir}); {@code index.csv} states which file is whose ({@code county, file}). Nothing is written
     * when there is nothing to act on.
     */
    public static void writeRectificationLists(Path dir, ReviewResult result) throws IOException {
        Writes.all(rectificationLists(dir, result, rectificationItems(result), true));
    }

    /** The writes of {@link #writeRectificationLists}: a county's workbook and CSV file each, then the index. */
    private static List<Writes.Write> rectificationLists(Path dir, ReviewResult result,
            Map<String, List<String[]>> byCounty, boolean workbooks) throws IOException {
        if (byCounty.isEmpty()) {
            return List.of();
        }
        Files.createDirectories(dir);
        Map<String, String> files = FileNames.safe(byCounty.keySet());
        List<Writes.Write> writes = new ArrayList<>();
        List<String[]> index = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : byCounty.entrySet()) {
            String name = files.get(e.getKey()) + ".csv";
            String workbook = files.get(e.getKey()) + ".xlsx";
            index.add(new String[] {e.getKey(), name, workbooks ? workbook : ""});
            if (workbooks) {
                writes.add(() -> Workbooks.writeCounty(result, e.getKey(), e.getValue(), FileNames.inside(dir, workbook)));
            }
            writes.add(() -> OutputFiles.RECTIFICATION.write(FileNames.inside(dir, name),
                    OutputFiles.RectificationItem.of(e.getKey(), e.getValue())));
        }
        writes.add(() -> OutputFiles.RECTIFICATION_INDEX.write(dir.resolve("index.csv"), index));
        return writes;
    }

    /** Why a cadre or a household fails, in Chinese or English: 驻村时间不足（3 个月，少于 6 个月）、任务未落实. */
    static String shortfalls(AssistanceCheck.Failure f, boolean chinese) {
        List<String> why = new ArrayList<>();
        for (Shortfall s : f.shortfalls()) {
            boolean months = s == Shortfall.TOO_FEW_MONTHS;
            why.add(chinese ? s.chinese() + (months ? "（" + f.months() + " 个月，少于 " + f.minimum() + " 个月）" : "")
                    : months ? f.months() + " months in the village, below " + f.minimum() : s.english());
        }
        return String.join(chinese ? "、" : ", ", why);
    }
}
