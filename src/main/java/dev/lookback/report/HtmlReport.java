package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.ReviewSettings;
import dev.lookback.assist.AssistanceCheck;
import dev.lookback.chart.Charts;
import dev.lookback.chart.Figure;
import dev.lookback.chart.Lang;
import dev.lookback.check.Finding;
import dev.lookback.decide.Decision;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.draw.Certificate;
import dev.lookback.draw.CertificateCheck;
import dev.lookback.funds.FundChecks;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.AssistanceMeasure;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Term;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Sureness;
import dev.lookback.vocabulary.Measure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review as one self-contained HTML page (report.html), in Chinese with English: the headline
 * decisions first (who is reached and why), then the county estimates with their intervals, the
 * charts (embedded as PNG), the assistance and fund links, data quality, and the methods (design,
 * estimator, interval method, policy, and the draw's seed and certificate).
 */
public final class HtmlReport {
    /** How many data-quality findings the page lists (all are in data_quality.csv). */
    static final int FINDINGS_LISTED = 50;

    private HtmlReport() {
    }

    /**
     * The page; the draw's certificate, as the review checked it, comes with the result ({@link ReviewResult#draw()}).
     *
     * @param result      the review
     * @param figures     the charts to embed, in order (from {@link dev.lookback.chart.ReviewCharts#of})
     */
    public static String html(ReviewResult result, List<Figure> figures) throws IOException {
        return html(result, figures, null);
    }

    /**
     * The page, with the figures' images already made (PNG bytes, one per figure, e.g. halved from the
     * 300-dpi files; null: painted here at 150 dpi).
     */
    public static String html(ReviewResult result, List<Figure> figures, List<byte[]> images) throws IOException {
        return html(result, figures, images, true);
    }

    /**
     * As {@link #html(ReviewResult, List, List)}, for a review written with or without its workbooks ({@code
     * --workbooks none}): the page names review.xlsx and the counties' workbooks only when they were written.
     */
    public static String html(ReviewResult result, List<Figure> figures, List<byte[]> images, boolean workbooks)
            throws IOException {
        ReviewSettings s = result.settings();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>回头看抽查复核报告 · Look-back review report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header><h1>回头看抽查复核报告 <span class=\"en\">Look-back review report</span></h1>\n<p class=\"meta\">");
        if (result.crossCheck().fromTallies()) {
            h.append(esc(String.format(Locale.ROOT, "%d 个样本村，按村级汇总（tallies）估计；按%s计算；误差率区间的置信水平 %s（问责判断按各自的水平，见下）。",
                    result.crossCheck().sample().villages().size(), s.unit().chinese(), Charts.percentLabel(s.level()))))
                    .append("<br><span class=\"en\">").append(esc(String.format(Locale.ROOT, "%d sampled villages, estimated from"
                            + " village tallies; rates count %s; the rates' intervals at %s (decisions at their own level, below).",
                            result.crossCheck().sample().villages().size(), s.unit().label(),
                            Charts.percentLabel(s.level())))).append("</span></p></header>\n");
        } else {
            h.append(esc(String.format(Locale.ROOT, "%d 个样本村，抽查 %s 户，自查台账 %s 条记录；按%s计算；误差率区间的置信水平 %s（问责判断按各自的水平，见下）。",
                            result.crossCheck().tallies().size(), Formats.number(result.crossCheck().spotChecked()),
                            Formats.number(result.crossCheck().registerRecords()), s.unit().chinese(),
                            Charts.percentLabel(s.level()))))
                    .append("<br><span class=\"en\">").append(esc(String.format(Locale.ROOT, "%d sampled villages, %s households"
                            + " spot-checked, %s register records; rates count %s; the rates' intervals at %s (decisions at their own level, below).",
                            result.crossCheck().tallies().size(), Formats.number(result.crossCheck().spotChecked()),
                            Formats.number(result.crossCheck().registerRecords()), s.unit().label(),
                            Charts.percentLabel(s.level())))).append("</span></p></header>\n");
        }
        notUsable(h, result, workbooks);
        if (result.draw().status() != dev.lookback.vocabulary.DrawStatus.VERIFIED) {
            var d = result.draw().status();
            h.append("<p class=\"warning\"><b>").append(esc(d.chinese())).append("</b>：").append(esc(d.chineseDetail()))
                    .append("。<br><span class=\"en\">").append(esc(d.english() + ": " + d.englishDetail()))
                    .append(".</span></p>\n");
        }
        decisions(h, result); // the first screen: who is reached, how sure, what to do next
        var sample = result.crossCheck().sample();
        if (s.rounds() > 1 || sample.lastRound() > 1) {
            java.util.Map<String, Integer> added = sample.lastRoundAdditions();
            String levels = Summary.lookLevels(s);
            h.append("<p class=\"rounds\"><b>").append(esc("第 " + sample.lastRound() + " 轮（事先声明共 " + s.rounds() + " 轮）"))
                    .append("</b>：").append(esc(added.isEmpty() ? "首轮抽查。" : added.size() + " 个县增抽 "
                            + added.values().stream().mapToInt(Integer::intValue).sum() + " 个村（" + String.join("、",
                                    added.keySet()) + "），其余县保持上一轮结论。"))
                    .append(esc("各轮判断的置信水平依次为 " + levels + "（Lan–DeMets O'Brien–Fleming 型误差分配），"
                            + "多轮合计错误问责的概率不超过单轮。"))
                    .append("<br><span class=\"en\">").append(esc("Round " + sample.lastRound() + " of " + s.rounds()
                            + " declared: " + (added.isEmpty() ? "the first round. " : added.size() + " counties got "
                                    + added.values().stream().mapToInt(Integer::intValue).sum()
                                    + " more villages; the others keep their earlier decisions. ")
                            + "Decisions at " + levels + " in the successive rounds (the error spent by a Lan–DeMets"
                            + " O'Brien–Fleming-type function), so that the chance of a wrong accusation over the rounds"
                            + " stays within one look's.")).append("</span></p>\n");
        }
        if (workbooks) {
            h.append("<p class=\"note\">表格版见同一文件夹中的 <b>review.xlsx</b>（可用 Excel、WPS 打开）；各县整改清单见"
                    + " <b>rectification/</b> 中该县的工作簿；manifest.json 记录本次复核读入和写出的全部文件及其 SHA-256。"
                    + "<br><span class=\"en\">The same tables for Excel and WPS: review.xlsx in this folder; each county's"
                    + " rectification workbook in rectification/; manifest.json lists every file read and written, with"
                    + " SHA-256 sums.</span></p>\n");
        } else {
            h.append("<p class=\"note\">本次未写工作簿（--workbooks none）：各县整改清单见 <b>rectification/</b> 中该县的"
                    + " CSV 文件；manifest.json 记录本次复核读入和写出的全部文件及其 SHA-256。"
                    + "<br><span class=\"en\">No workbooks were written this time (--workbooks none): each county's"
                    + " rectification list is its CSV file in rectification/; manifest.json lists every file read and"
                    + " written, with SHA-256 sums.</span></p>\n");
        }
        estimates(h, result);
        charts(h, figures, images);
        assistanceAndFunds(h, result);
        recheck(h, result);
        leads(h, result);
        dataQuality(h, result);
        methods(h, result);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Writes {@code dir/report.html}; returns its path. */
    public static Path write(Path dir, ReviewResult result, List<Figure> figures) throws IOException {
        return write(dir, result, figures, null);
    }

    /** As {@link #write(Path, ReviewResult, List)}, with the figures' images already made. */
    public static Path write(Path dir, ReviewResult result, List<Figure> figures, List<byte[]> images)
            throws IOException {
        return write(dir, result, figures, images, true);
    }

    /** As {@link #write(Path, ReviewResult, List, List)}, naming the workbooks only when they were written. */
    public static Path write(Path dir, ReviewResult result, List<Figure> figures, List<byte[]> images,
            boolean workbooks) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.html");
        Files.writeString(file, html(result, figures, images, workbooks), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The first thing on the page when the match gate withheld counties: which, and why, with what to do, so that
     * nobody acts on their rates or decisions.
     */
    private static void notUsable(StringBuilder h, ReviewResult result, boolean workbooks) {
        if (result.usable()) {
            return;
        }
        if (result.mismatches().isEmpty()) { // more records left out than kept: the whole review
            h.append("<div class=\"unusable\" id=\"not-usable\"><p><b>").append(esc("不可用：多数记录无法读取，各县误差率和问责结论"
                    + "均为“无数据”，不得据此作出任何结论。")).append("</b><br><span class=\"en\">").append(esc(
                            Summary.unusable(result))).append("</span></p></div>\n");
            return;
        }
        String counties = String.join("、", result.countiesWithoutData());
        h.append("<div class=\"unusable\" id=\"not-usable\"><p><b>").append(esc("不可用：" + counties
                + " 的市级抽查与自查台账对不上，这些县的误差率和问责结论均为“无数据”，不得据此作出任何结论。"))
                .append("</b><br><span class=\"en\">").append(esc("NOT USABLE for " + String.join(", ",
                        result.countiesWithoutData()) + ": their spot check and register do not match; their rates and"
                        + " decisions are NO_DATA, and nothing may be concluded from them."))
                .append("</span></p>\n<table><thead><tr><th>县<br><span class=\"en\">county</span></th><th>村<br><span"
                        + " class=\"en\">village</span></th><th class=\"num\">抽查户在台账中<br><span class=\"en\">spot"
                        + " check in register</span></th><th class=\"num\">台账户被抽查<br><span class=\"en\">register"
                        + " visited</span></th><th>可能原因与改正<br><span class=\"en\">likely cause and what to do</span>"
                        + "</th></tr></thead>\n<tbody>\n");
        List<dev.lookback.check.Mismatch> all = result.mismatches();
        for (int i = 0; i < all.size(); i++) {
            if (i == MISMATCHES_SHOWN && all.size() > MISMATCHES_SHOWN + 1) { // the decisions stay on the first screen
                h.append("</tbody></table>\n<details><summary>其余 ").append(all.size() - i).append(" 个村 <span"
                        + " class=\"en\">the other ").append(all.size() - i).append(" villages (also in ")
                        .append(workbooks ? "review.xlsx and " : "").append("data_quality.csv)</span></summary>\n"
                        + "<table><tbody>\n");
            }
            var m = all.get(i);
            var c = m.match();
            h.append("<tr><td>").append(esc(m.county())).append("</td><td>").append(esc(m.village()))
                    .append("</td><td class=\"num\">").append(c.spotInRegister()).append(" / ").append(c.spotHouseholds())
                    .append("</td><td class=\"num\">").append(c.registerInSpot()).append(" / ")
                    .append(c.registerHouseholds()).append("</td><td>").append(esc(m.cause().chinese() + "："
                            + m.cause().chineseDetail() + "。")).append("<br><span class=\"en\">")
                    .append(esc(m.explanation() + ". " + Character.toUpperCase(m.cause().englishDetail().charAt(0))
                            + m.cause().englishDetail().substring(1) + ".")).append("</span></td></tr>\n");
        }
        h.append(all.size() > MISMATCHES_SHOWN + 1 ? "</tbody></table></details></div>\n" : "</tbody></table></div>\n");
    }

    /** Mismatched villages shown before the rest are folded. */
    static final int MISMATCHES_SHOWN = 5;

    private static void decisions(StringBuilder h, ReviewResult result) {
        h.append("<section id=\"decisions\">\n<h2>问责结论 <span class=\"en\">Who is reached, and why</span></h2>\n");
        List<Decision> ds = result.decisions();
        if (ds.isEmpty()) {
            h.append("<p>未提供县级领导名单（leaders.csv），本报告只给出误差率，不作问责判断。<br><span class=\"en\">No leaders"
                    + " were given (leaders.csv): the report shows the rates and decides nothing.</span></p>\n</section>\n");
            return;
        }
        List<Decision> triggered = ds.stream().filter(Decision::triggered).toList();
        List<Decision> above = ds.stream().filter(NextSteps::aboveNotProven).toList();
        List<Decision> fragile = ds.stream().filter(d -> !d.triggered() && d.fragile() && !above.contains(d)).toList();
        String level = Formats.percent(ds.get(0).interval().level());
        h.append("<p class=\"headline\">").append(triggered.isEmpty()
                ? "没有县触发问责规则。"
                : triggered.size() + " 项问责规则被触发，涉及 " + triggered.stream().map(Decision::county).distinct().count()
                        + " 个县。").append(esc("判断规则：" + ds.get(0).policy().chinese() + "；区间的置信水平 " + level + "。"))
                .append("<br><span class=\"en\">").append(triggered.isEmpty() ? "No county triggers a rule."
                        : triggered.size() + " rule decisions triggered, in " + triggered.stream().map(Decision::county)
                                .distinct().count() + " counties.")
                .append(" Policy: ").append(esc(ds.get(0).policy().label())).append("; intervals at ").append(level)
                .append(", the decisions' own level.</span></p>\n");
        List<Decision> shown = new ArrayList<>(triggered);
        shown.addAll(above);
        if (!shown.isEmpty()) {
            reachedTable(h, shown);
        }
        h.append("<dl class=\"sureness\">\n");
        for (Sureness w : Sureness.withData()) {
            item(h, w.chinese(), w.english(), w.chineseDetail() + "。", w.englishDetail() + ".");
        }
        h.append("</dl>\n");
        nextSteps(h, result);
        PolicyComparison pc = result.policies();
        if (pc != null) {
            h.append("<h3>各判断规则的风险 <span class=\"en\">What each policy risks here</span></h3>\n");
            h.append("<table class=\"policies\">\n<thead><tr><th>判断规则<br><span class=\"en\">policy</span></th>")
                    .append("<th class=\"num\">若每县恰在线上，预计问责县数<br><span class=\"en\">accused if every county sat")
                    .append(" on its line</span></th><th class=\"num\">若每县在线的一半处<br><span class=\"en\">accused if")
                    .append(" half-way to it</span></th><th class=\"num\">本次问责<br><span class=\"en\">accused now</span>")
                    .append("</th><th class=\"num\">恰在线上的领导被问责的概率<br><span class=\"en\">chance a leader on the")
                    .append(" line is reached</span></th><th class=\"num\">全市有人被问责的概率<br><span class=\"en\">chance")
                    .append(" the review reaches any</span></th></tr></thead>\n<tbody>\n");
            for (PolicyComparison.Row r : pc.rows()) {
                boolean used = r.policy() == result.settings().policy();
                h.append(used ? "<tr class=\"all\">" : "<tr>").append("<td>").append(esc(r.policy().chinese()))
                        .append(used ? "（采用）" : "").append("<br><span class=\"en\">").append(esc(r.policy().label()))
                        .append(used ? ", in use" : "").append("</span></td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", r.atLine())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", r.atHalf())).append("</td><td class=\"num\">")
                        .append(r.triggered().size()).append("</td><td class=\"num\">")
                        .append(esc(Formats.percent(r.leaderAtLine()))).append("</td><td class=\"num\">")
                        .append(esc(Formats.percent(r.reviewAtLine()))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"note\">按各县自己的样本模拟（每项判断 ").append(ReviewSettings.RISK_REPLICATES)
                    .append(" 次）；领导所涉任一指标触发即被问责（各指标按相互独立计）；").append(pc.decisions() - pc.simulated() > 0 ? (pc.decisions() - pc.simulated())
                            + " 项帮扶判断未模拟。" : "").append("<span class=\"en\">Simulated from each county's own sample"
                            + " (" + ReviewSettings.RISK_REPLICATES + " replicates a decision); a leader is reached when"
                            + " any of the rule's measures triggers (the measures taken as independent)").append(pc.decisions() - pc.simulated() > 0 ? "; "
                                    + (pc.decisions() - pc.simulated()) + " assistance decisions not simulated" : "")
                    .append(".</span></p>\n");
        }
        if (!triggered.isEmpty()) {
            h.append("<details><summary>触发问责的依据 <span class=\"en\">the evidence of each triggered decision</span>"
                    + "</summary>\n");
            decisionTable(h, triggered, "triggered");
            h.append("</details>\n");
        }
        if (!fragile.isEmpty()) {
            h.append("<details><summary>").append(fragile.size()).append(" 项未超线但不稳（区间跨越问责线）")
                    .append("<span class=\"en\"> below the line but fragile: the interval reaches the line; more villages"
                            + " would settle them</span></summary>\n");
            decisionTable(h, fragile, "fragile");
            h.append("</details>\n");
        }
        List<Decision> none = ds.stream().filter(d -> d.outcome() == Outcome.NO_DATA).toList();
        if (!none.isEmpty()) {
            h.append("<details open><summary>").append(none.size()).append(" 项无数据，不作结论，需补充核查")
                    .append("<span class=\"en\"> no data: neither triggered nor cleared; work to do</span></summary>\n");
            decisionTable(h, none, "nodata");
            h.append("</details>\n");
        }
        h.append("<p class=\"note\">全部判断及依据见 decisions.csv。<span class=\"en\">Every decision and its evidence:"
                + " decisions.csv.</span></p>\n</section>\n");
    }

    /**
     * The first screen's table: for each decision that reaches someone or is above the line but not proven, the
     * county, who (post and name), the measure, the estimate and its interval at the decision's level against the
     * line, and how sure the finding is in words; only the sureness is coloured.
     */
    private static void reachedTable(StringBuilder h, List<Decision> ds) {
        h.append("<table class=\"reached\">\n<thead><tr>").append(th("县", "county", false))
                .append(th("问责对象", "who is reached", false)).append(th("指标", "measure", false))
                .append(th("估计值与区间", "estimate and interval", true)).append(th("问责线", "line", true))
                .append(th("把握", "how sure", false)).append("</tr></thead>\n<tbody>\n");
        for (Decision d : ds) {
            List<String> who = who(d);
            String interval = Double.isNaN(d.lower()) ? "" : d.lower() == d.upper()
                    ? "<br><small>全查 <span class=\"en\">census</span></small>"
                    : "<br><small>" + pct(d.lower()) + "–" + pct(d.upper()) + "</small>";
            Sureness w = d.sureness();
            String css = w == Sureness.PROVEN ? "proven" : w == Sureness.ABOVE_NOT_PROVEN ? "unproven" : "";
            h.append("<tr><td>").append(esc(d.county())).append("</td><td class=\"who\">")
                    .append(d.triggered() ? esc(String.join("、", who)) : "<span class=\"en\">" + esc(
                            "（未问责）" + String.join("、", who)) + "</span>")
                    .append("</td><td>").append(esc(d.indicator().chinese())).append("<br><span class=\"en\">")
                    .append(esc(d.indicator().label())).append("</span></td><td class=\"num\">").append(pct(d.estimate()))
                    .append(interval).append("</td><td class=\"num\">").append(d.indicator().badWhenHigh() ? "≥ " : "< ")
                    .append(pct(d.threshold())).append("</td><td class=\"").append(css).append("\">")
                    .append(esc(w.chinese())).append("<br><span class=\"en\">").append(esc(w.english()))
                    .append("</span></td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** A column's header: its Chinese, its English below; right-aligned over numbers. */
    private static String th(String chinese, String english, boolean numeric) {
        return (numeric ? "<th class=\"num\">" : "<th>") + esc(chinese) + "<br><span class=\"en\">" + esc(english)
                + "</span></th>";
    }

    /** Who a decision reaches, each as post and name: 党委书记 王丽华. */
    private static List<String> who(Decision d) {
        List<String> who = new ArrayList<>();
        for (int i = 0; i < d.roles().size(); i++) {
            who.add(d.roles().get(i).chinese() + " " + d.names().get(i));
        }
        return who;
    }

    /** Whether a decision's p-value says something: a sampled decision with data (a census has no sampling error). */
    static boolean informs(Decision d) {
        return !Double.isNaN(d.risk().pValue()) && d.lower() != d.upper() && d.outcome() != Outcome.NO_DATA;
    }

    /** What the leading group must do next: follow up, refer, rectify ({@link NextSteps}). */
    private static void nextSteps(StringBuilder h, ReviewResult result) {
        h.append("<h3>下一步 <span class=\"en\">What to do next</span></h3>\n<ul class=\"next\">\n");
        for (String[] step : NextSteps.of(result).lines()) {
            h.append("<li>").append(esc(step[0])).append("<br><span class=\"en\">").append(esc(step[1]))
                    .append("</span></li>\n");
        }
        h.append("</ul>\n");
    }

    private static void decisionTable(StringBuilder h, List<Decision> ds, String css) {
        h.append("<table class=\"").append(css).append("\">\n<thead><tr>").append(th("县", "county", false))
                .append(th("规则", "rule", false)).append(th("指标", "measure", false)).append(th("估计", "estimate", true))
                .append(th("区间", "interval", true)).append(th("线", "line", true))
                .append(th("p 值（Holm）", "p (Holm)", true)).append(th("问责对象", "reaches", false))
                .append(th("依据", "evidence", false)).append("</tr></thead>\n<tbody>\n");
        for (Decision d : ds) {
            List<String> who = who(d);
            String interval = Double.isNaN(d.lower()) ? "—" : d.lower() == d.upper() ? "全查 <span class=\"en\">census</span>"
                    : pct(d.lower()) + "–" + pct(d.upper());
            h.append("<tr><td>").append(esc(d.county())).append("</td><td>").append(esc(d.rule().chinese()))
                    .append("<br><span class=\"en\">").append(esc(d.rule().label())).append("</span></td><td>")
                    .append(esc(d.indicator().chinese())).append("<br><span class=\"en\">").append(esc(d.indicator().label()))
                    .append("</span></td><td class=\"num\">").append(pct(d.estimate()))
                    .append("</td><td class=\"num\">").append(interval).append("</td><td class=\"num\">").append(pct(d.threshold())).append("</td><td class=\"num\">")
                    .append(informs(d) ? Formats.number(d.risk().pValue()) + "<br><small>" + Formats.number(
                            d.risk().pAdjusted()) + "</small>" : "—")
                    .append("</td><td>").append(esc(String.join("、", who))).append("</td><td class=\"evidence\">")
                    .append(esc(DecisionText.sentence(d, Lang.ZH))).append("<br><span class=\"en\">")
                    .append(esc(DecisionText.sentence(d, Lang.EN))).append("</span>");
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">p 值：若该县恰在问责线上，得到至少如此越线的数据的可能性（下为按规则的 Holm"
                + " 校正值）；全查或无数据时不给。<span class=\"en\">p: how likely data this far beyond the line would be if the"
                + " county sat exactly on it (Holm-adjusted below); none for a census or without data.</span></p>\n");
    }

    private static void estimates(StringBuilder h, ReviewResult result) {
        ReviewSettings s = result.settings();
        Measure[] measures = {Measure.IDENTIFICATION, Measure.EXIT, Measure.MISSED, Measure.WRONG_INCLUSION};
        Map<String, Map<Measure, ErrorRate>> byCounty = new LinkedHashMap<>();
        for (ErrorRate r : result.rates()) {
            byCounty.computeIfAbsent(r.county(), k -> new LinkedHashMap<>()).put(r.measure(), r);
        }
        h.append("<section id=\"estimates\">\n<h2>各县误差率 <span class=\"en\">Error rates by county</span></h2>\n")
                .append("<p class=\"note\">估计值及 ").append(Charts.percentLabel(s.level())).append(" 置信区间（")
                .append(esc(s.methods().get(0).label())).append("），按").append(s.unit().chinese())
                .append("计；各县精准识别、精准退出误差率达到问责线 ").append(pct(s.threshold()))
                .append(" 的以红色标出（漏评率、错评率不单独问责，不标色）。<span class=\"en\">Estimate and ")
                .append(Charts.percentLabel(s.level())).append(" interval (").append(esc(s.methods().get(0).label()))
                .append("), counting ").append(s.unit().label()).append("; a county's identification or exit rate at or above")
                .append(" the line ").append(pct(s.threshold())).append(" in red (missed and wrong inclusion decide nothing on")
                .append(" their own and are not coloured).</span></p>\n<table class=\"rates\">\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th><th class=\"num\">样本村/总村数<br>")
                .append("<span class=\"en\">villages</span></th>");
        for (Measure m : measures) {
            h.append("<th class=\"num\">").append(m.chinese()).append("<br><span class=\"en\">").append(m.label())
                    .append("</span></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<Measure, ErrorRate>> e : byCounty.entrySet()) {
            ErrorRate any = e.getValue().values().iterator().next();
            boolean all = ErrorRate.ALL.equals(e.getKey());
            h.append(all ? "<tr class=\"all\"><td>全市 ALL</td>" : "<tr><td>" + esc(e.getKey()) + "</td>")
                    .append("<td class=\"num\">").append(any.villagesSampled()).append(" / ").append(any.villagesInFrame())
                    .append("</td>");
            for (Measure m : measures) {
                ErrorRate r = e.getValue().get(m);
                if (r == null || Double.isNaN(r.rate())) {
                    h.append("<td class=\"num\">—</td>");
                    continue;
                }
                Interval ci = r.interval();
                // coloured only where it decides: a measure with an accountability rule, a county's row, at its line
                boolean high = !all && m.rule().isPresent() && r.rate() >= s.threshold();
                h.append("<td class=\"num").append(high ? " high" : "").append("\">").append(pct(r.rate()))
                        .append("<br><small>").append(ci.isDefined() ? pct(ci.lower()) + "–" + pct(ci.upper()) : "—")
                        .append("</small></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">全部区间方法及说明见 estimates.csv 与 estimate_notes.csv。"
                + "<span class=\"en\">Every interval method and note: estimates.csv, estimate_notes.csv.</span></p>\n"
                + "</section>\n");
    }

    private static void charts(StringBuilder h, List<Figure> figures, List<byte[]> given) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        if (given != null && given.size() != figures.size()) {
            throw new IllegalArgumentException(given.size() + " images for " + figures.size() + " figures");
        }
        try {
            chartsUnchecked(h, figures, given);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void chartsUnchecked(StringBuilder h, List<Figure> figures, List<byte[]> given) {
        h.append("<section id=\"charts\">\n<h2>图表 <span class=\"en\">Charts</span></h2>\n");
        // painted on both cores: each chart is its own object
        List<byte[]> images = given != null ? given : figures.parallelStream().map(f -> {
            try {
                return Charts.png(f.chart(), 150);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            byte[] png = images.get(i);
            h.append("<figure id=\"").append(esc(f.name())).append("\"><img alt=\"").append(esc(f.chart().getTitle()))
                    .append("\" width=\"").append(f.chart().getWidth()).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>")
                    .append(esc(f.caption())).append(" <span class=\"file\">charts/").append(esc(f.name()))
                    .append(".png</span></figcaption></figure>\n");
        }
        h.append("</section>\n");
    }

    private static void assistanceAndFunds(StringBuilder h, ReviewResult result) {
        if (result.assistance().isEmpty() && result.fundChecks().isEmpty()) {
            return;
        }
        ReviewSettings s = result.settings();
        h.append("<section id=\"links\">\n<h2>帮扶与资金 <span class=\"en\">Assistance and funds</span></h2>\n");
        if (!result.assistance().isEmpty()) {
            Map<String, Map<AssistanceMeasure, AssistanceCheck.Rate>> byCounty = new TreeMap<>();
            Map<AssistanceMeasure, AssistanceCheck.Rate> city = new LinkedHashMap<>();
            for (AssistanceCheck.Rate r : result.assistance()) {
                if (r.city()) {
                    city.put(r.measure(), r);
                } else {
                    byCounty.computeIfAbsent(r.county(), k -> new LinkedHashMap<>()).put(r.measure(), r);
                }
            }
            Map<String, Map<AssistanceMeasure, AssistanceCheck.Rate>> rows = new LinkedHashMap<>(byCounty);
            rows.put("全市 " + ErrorRate.ALL, city); // the city's row last
            h.append("<table>\n<thead><tr><th>县<br><span class=\"en\">county</span></th>");
            for (AssistanceMeasure m : AssistanceMeasure.values()) {
                h.append("<th class=\"num\">").append(esc(m.chinese())).append("（").append(esc(m.line().chinese()))
                        .append(' ').append(pct(s.line(m.line()))).append("）<br><span class=\"en\">")
                        .append(esc(m.english())).append(" (").append(esc(m.line().english())).append(' ')
                        .append(pct(s.line(m.line()))).append(")</span></th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Map<AssistanceMeasure, AssistanceCheck.Rate>> e : rows.entrySet()) {
                h.append("<tr><td>").append(esc(e.getKey())).append("</td>");
                for (AssistanceMeasure m : AssistanceMeasure.values()) {
                    AssistanceCheck.Rate r = e.getValue().get(m);
                    if (r == null) {
                        h.append("<td class=\"num\">—</td>");
                        continue;
                    }
                    double v = r.estimate().estimate();
                    // coloured at the line only where it decides: a county's row, not the city's
                    boolean bad = !r.city() && (m.badWhenHigh() ? v >= s.line(m.line()) : v < s.line(m.line()));
                    h.append("<td class=\"num").append(bad ? " high" : "").append("\">").append(pct(v))
                            .append("<br><small>").append(r.interval().isDefined() ? pct(r.interval().lower()) + "–"
                                    + pct(r.interval().upper()) : "—").append("</small></td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!result.fundChecks().isEmpty()) {
            h.append("<table>\n<thead><tr><th>县<br><span class=\"en\">county</span></th>")
                    .append("<th class=\"num\">项目数<br><span class=\"en\">projects</span></th>")
                    .append("<th class=\"num\">审计金额（元）<br><span class=\"en\">audited (yuan)</span></th>")
                    .append("<th class=\"num\">挤占挪用（元）<br><span class=\"en\">misused (yuan)</span></th>")
                    .append(header(FundMeasure.MISUSED_SHARE)).append(header(FundMeasure.OVERDUE_SHARE))
                    .append("</tr></thead>\n<tbody>\n");
            for (FundChecks.CountyFunds c : FundChecks.byCounty(result.fundChecks(), result.asOf())) {
                h.append("<tr><td>").append(esc(c.county())).append("</td><td class=\"num\">").append(c.projects())
                        .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", c.audited()))
                        .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", c.misused()))
                        .append("</td><td class=\"num").append(c.misusedShare() >= s.materiality() ? " high" : "")
                        .append("\">").append(pct(c.misusedShare())).append("</td><td class=\"num")
                        .append(c.overdueShare() >= s.materiality() ? " high" : "").append("\">").append(c.overdue())
                        .append(" (").append(pct(c.overdueShare())).append(")</td></tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"note\">重要性水平 ").append(pct(s.materiality()))
                    .append(s.asOf() == null ? "" : "，逾期截至 " + s.asOf()).append("；挪用项目见 fund_referrals.csv。")
                    .append("<span class=\"en\">Materiality ").append(pct(s.materiality()))
                    .append(s.asOf() == null ? "" : ", overdue as of " + s.asOf())
                    .append("; projects with misused money: fund_referrals.csv.</span></p>\n");
            List<FundChecks.Check> referred = ReviewFiles.referrals(result.fundChecks());
            if (!referred.isEmpty()) {
                h.append("<p>移送纪检监察的项目 <span class=\"en\">Projects to refer to discipline inspection</span></p>\n");
                fileTable(h, OutputFiles.FUND_REFERRALS, referred);
            }
        }
        h.append("</section>\n");
    }

    /**
     * A κ interval within [−1, 1]; in words when it spans nearly all of that range: the households or the
     * disagreements are too few to say more.
     */
    static String kappaInterval(double lower, double upper) {
        if (Double.isNaN(lower) || Double.isNaN(upper) || upper - lower >= 1.5) {
            return "数据太少，无法判断<br><span class=\"en\">too few to say</span>";
        }
        return esc(Formats.fixed(Math.max(-1, lower), 2) + " – " + Formats.fixed(Math.min(1, upper), 2));
    }

    /** How reliable the checkers were: κ per county, and the decisions that rest on disputed verdicts. */
    private static void recheck(StringBuilder h, ReviewResult result) {
        if (result.recheck() == null) {
            return;
        }
        var r = result.recheck();
        h.append("<section id=\"recheck\">\n<h2>第三方评估 <span class=\"en\">Third-party re-check</span></h2>\n")
                .append("<p class=\"note\">").append(esc("第三方对部分抽查村的全部农户再次入户核查；κ 衡量两次核查结论的一致程度"
                        + "（1 为完全一致，0 为与随机一致相当），区间按村计算。有争议的农户应在据其问责前先行复核。"))
                .append("<br><span class=\"en\">").append(esc("A third party checked every household of some spot-checked"
                        + " villages again; κ measures how far the two checks agree beyond chance (1: fully, 0: as by"
                        + " chance), its interval over villages. A disputed household is to be resolved before an"
                        + " accusation rests on it.")).append("</span></p>\n<table>\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th>")
                .append("<th class=\"num\">户<br><span class=\"en\">households</span></th>")
                .append("<th class=\"num\">一致<br><span class=\"en\">agree</span></th>")
                .append("<th class=\"num\">κ（是否符合标准）<br><span class=\"en\">κ, qualifies</span></th>")
                .append("<th class=\"num\">区间<br><span class=\"en\">interval</span></th>")
                .append("<th class=\"num\">κ（结论）<br><span class=\"en\">κ, verdicts</span></th></tr></thead>\n<tbody>\n");
        java.util.Map<String, dev.lookback.check.Recheck.Agreement> verdicts = new java.util.HashMap<>();
        r.agreements().stream().filter(a -> a.on().equals("verdict")).forEach(a -> verdicts.put(a.county(), a));
        for (var a : r.agreements()) {
            if (a.on().equals("qualifies")) {
                h.append("<tr><td>").append(esc(a.county())).append("</td><td class=\"num\">").append(a.households())
                        .append("</td><td class=\"num\">").append(a.agreements()).append("</td><td class=\"num\">")
                        .append(esc(Formats.fixed(a.kappa(), 2))).append("</td><td class=\"num\">")
                        .append(kappaInterval(a.lower(), a.upper()))
                        .append("</td><td class=\"num\">").append(esc(Formats.fixed(verdicts.get(a.county()).kappa(), 2)))
                        .append("</td></tr>\n");
            }
        }
        h.append("</tbody></table>\n<p class=\"note\">").append(esc("错误少见时，即使分歧很少，结论的 κ 也会很低（两次核查几乎都判"
                + "“正确”）；“是否符合标准”的 κ 更能说明核查的可靠程度。")).append("<br><span class=\"en\">").append(esc("With rare"
                + " errors κ on verdicts is low even with few disagreements (both checks find nearly every household"
                + " correct); κ on qualifies says more about the checkers.")).append("</span></p>\n");
        if (!r.disputed().isEmpty()) {
            List<String> zh = new java.util.ArrayList<>();
            for (String d : r.disputed()) {
                String[] cm = d.split("/");
                zh.add(cm[0] + " " + dev.lookback.vocabulary.Measure.parse(cm[1]).chinese());
            }
            h.append("<p>").append(esc("据有争议结论的判断（先复核这些农户）：" + String.join("、", zh))).append("<br><span class=\"en\">")
                    .append(esc("Decisions resting on disputed verdicts (resolve those households first): "
                            + String.join(", ", r.disputed()) + " (recheck_disagreements.csv)"))
                    .append("</span></p>\n");
        }
        h.append("</section>\n");
    }

    /** Reports from the public, per county: received, verified, confirmed, pending past the time limit. */
    private static void leads(StringBuilder h, ReviewResult result) {
        if (result.leads().isEmpty()) {
            return;
        }
        int days = result.settings().reportDays();
        h.append("<section id=\"leads\">\n<h2>群众举报线索 <span class=\"en\">Reports from the public</span></h2>\n")
                .append("<p class=\"note\">").append(esc("举报线索是有针对性的反映，不是随机抽样：核实属实的农户线索列入该县整改清单，"
                        + "干部和项目线索移送纪检监察机关，但都不计入误差率和问责判断——未被抽中村的一条属实线索说明该户需要整改，"
                        + "不说明全县的误差率。")).append("<br><span class=\"en\">").append(esc("A report is a targeted"
                        + " observation, not a sampled one: a confirmed household lead joins its county's rectification"
                        + " list and cadre and project leads are referred, but none enters an error rate or a decision —"
                        + " a true lead from an unsampled village says that household must be put right, not what the"
                        + " county's rate is.")).append("</span></p>\n<table>\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th>")
                .append("<th class=\"num\">受理<br><span class=\"en\">received</span></th>")
                .append("<th class=\"num\">已核实<br><span class=\"en\">verified</span></th>")
                .append("<th class=\"num\">属实（含部分）<br><span class=\"en\">confirmed</span></th>")
                .append("<th class=\"num\">超过 ").append(days).append(" 天未核实<br><span class=\"en\">pending past ")
                .append(days).append(" days</span></th></tr></thead>\n<tbody>\n");
        java.util.Map<String, long[]> byCounty = new java.util.TreeMap<>();
        for (var l : result.leads()) {
            long[] n = byCounty.computeIfAbsent(l.county(), k -> new long[4]);
            n[0]++;
            n[1] += l.status() != dev.lookback.vocabulary.LeadStatus.PENDING ? 1 : 0;
            n[2] += l.status().confirmed() ? 1 : 0;
            n[3] += l.overdue(result.asOf(), days) ? 1 : 0;
        }
        byCounty.forEach((county, n) -> h.append("<tr><td>").append(esc(county)).append("</td><td class=\"num\">")
                .append(n[0]).append("</td><td class=\"num\">").append(n[1]).append("</td><td class=\"num\">").append(n[2])
                .append("</td><td class=\"num\">").append(n[3]).append("</td></tr>\n"));
        h.append("</tbody></table>\n</section>\n");
    }

    private static void dataQuality(StringBuilder h, ReviewResult result) {
        List<Finding> findings = result.findings();
        h.append("<section id=\"data-quality\">\n<h2>数据质量 <span class=\"en\">Data quality</span></h2>\n");
        if (findings.isEmpty()) {
            h.append("<p>未发现数据问题。<span class=\"en\">No findings.</span></p>\n</section>\n");
            return;
        }
        Map<FindingType, long[]> counts = new TreeMap<>();
        for (Finding f : findings) {
            long[] c = counts.computeIfAbsent(f.type(), k -> new long[2]);
            c[0]++;
            if (f.leftOut()) {
                c[1]++;
            }
        }
        h.append("<p>").append(findings.size()).append(" 条发现，其中 ").append(result.crossCheck().recordsLeftOut())
                .append(" 条记录未计入估计。<span class=\"en\">").append(findings.size()).append(" findings; ")
                .append(result.crossCheck().recordsLeftOut()).append(" records left out of the estimates.</span></p>\n")
                .append("<table>\n<thead><tr><th>类型<br><span class=\"en\">type</span></th><th class=\"num\">条数<br>")
                .append("<span class=\"en\">findings</span></th><th class=\"num\">未计入<br><span class=\"en\">left out</span>")
                .append("</th></tr></thead>\n<tbody>\n");
        counts.forEach((type, c) -> h.append("<tr><td>").append(esc(type.name())).append(" ").append(esc(type.chinese()))
                .append("</td><td class=\"num\">").append(c[0]).append("</td><td class=\"num\">").append(c[1])
                .append("</td></tr>\n"));
        h.append("</tbody></table>\n<details><summary>前 ").append(Math.min(FINDINGS_LISTED, findings.size()))
                .append(" 条 <span class=\"en\">the first ").append(Math.min(FINDINGS_LISTED, findings.size()))
                .append("; all in data_quality.csv</span></summary>\n<ul class=\"findings\">\n");
        for (Finding f : findings.subList(0, Math.min(FINDINGS_LISTED, findings.size()))) {
            h.append("<li>").append(esc(f.toString())).append("</li>\n");
        }
        h.append("</ul></details>\n</section>\n");
    }

    private static void methods(StringBuilder h, ReviewResult result) {
        ReviewSettings s = result.settings();
        h.append("<section id=\"methods\">\n<h2>方法 <span class=\"en\">Methods</span></h2>\n<dl>\n");
        item(h, "抽样设计", "Design", "按县分层、以行政村为整群的抽样；样本村内全部农户入户核查。包含概率取自 sample.csv，"
                + "有限总体校正按各县村数。", "Stratified by county, whole villages as clusters, every household of a sampled"
                + " village checked; inclusion probabilities from sample.csv, finite-population correction by the"
                + " county's villages.");
        boolean replicate = s.variance() == dev.lookback.vocabulary.Variance.BOOTSTRAP;
        item(h, "估计量", "Estimator", "比率估计 R̂ = Σ w·y / Σ w·x（y 为误差" + s.unit().chinese() + "数，x 为核查"
                + s.unit().chinese() + "数），方差用" + (replicate ? s.variance().chinese() + "（" + s.variance()
                        .chineseDetail() + "，" + s.bootstrap() + "）" : "线性化（Taylor）法") + "，自由度 = 样本村数 − 层数。",
                "Ratio estimator R̂ = Σ w·y / Σ w·x (y errors, x " + s.unit().label() + " checked), "
                        + (replicate ? s.variance().englishDetail() + " (" + s.bootstrap() + ")" : "linearised variance")
                        + ", df = sampled villages − strata.");
        List<String> names = new ArrayList<>();
        for (IntervalMethod m : s.methods()) {
            names.add(m.label());
        }
        item(h, "区间", "Intervals", Charts.percentLabel(s.level()) + " 置信水平；方法 " + String.join("、", names)
                + "（首个用于判断）。零误差、普查、单村等特殊情形见 estimate_notes.csv。" + (s.methods()
                        .contains(IntervalMethod.BOOTSTRAP) ? s.bootstrap() + "。" : ""),
                "Level " + Charts.percentLabel(s.level()) + "; methods " + String.join(", ", names)
                        + " (the first decides). Zero errors, census and single-village cases: estimate_notes.csv.");
        item(h, "单村县", "Lonely village", lonelyZh(s.lonelyPsu()), "What a county with one sampled village adds to the"
                + " city row: " + s.lonelyPsu().name() + ".");
        List<String> zhLines = new ArrayList<>();
        List<String> enLines = new ArrayList<>();
        for (Line l : Line.values()) {
            zhLines.add(l.chineseDetail() + l.chinese() + " " + pct(s.line(l)));
            enLines.add(l.englishDetail() + " " + l.english() + " " + pct(s.line(l)));
        }
        item(h, "判断规则", "Policy", s.policy().chinese() + "（" + s.policy().label() + "）：" + s.policy().chineseDetail()
                + "。" + String.join("，", zhLines) + "。", s.policy().label() + ": " + s.policy().englishDetail() + ". "
                        + String.join(", ", enLines) + ".");
        List<String> inputs = result.inputs().stream().map(i -> i.name() + " (" + i.encoding() + ")").toList();
        item(h, "输入", "Inputs", String.join("，", inputs), String.join(", ", inputs));
        CertificateCheck draw = result.draw();
        Certificate certificate = draw.certificate();
        if (certificate != null) {
            String seed = certificate.seed();
            String method = certificate.method().label();
            String sha = certificate.frameSha256();
            item(h, "抽样种子与证书", "Draw seed and certificate", draw.status().chinese() + "：" + draw.status()
                    .chineseDetail() + "。公开种子 “" + seed + "”，方法 " + method + "，抽样框 SHA-256 " + sha
                    + "。任何人可用 lookback verify-draw 复核。", draw.status().english() + ": " + draw.status()
                            .englishDetail() + ". Public seed \"" + seed + "\", method " + method + ", frame SHA-256 "
                            + sha + "; anyone can re-derive it with lookback verify-draw.");
            h.append("</dl>\n<details><summary>抽样证书 <span class=\"en\">the certificate</span></summary><pre>")
                    .append(esc(certificate.toJson())).append("</pre></details>\n");
        } else {
            item(h, "抽样种子与证书", "Draw seed and certificate", draw.status().chinese() + "："
                    + draw.status().chineseDetail() + "。", draw.status().english() + ": "
                            + draw.status().englishDetail() + ".");
            h.append("</dl>\n");
        }
        h.append("<p class=\"note\">参考：Lumley, <i>Complex Surveys</i> (2010)；Korn &amp; Graubard (1998)；"
                + "Rao &amp; Wu (1988)；Ohlsson (1998)。详见 README。</p>\n</section>\n");
    }

    private static String lonelyZh(dev.lookback.survey.LonelyPsu p) {
        switch (p) {
            case ADJUST:
                return "只抽到一个村的县，其方差按全市均值中心化计入（ADJUST，同 R survey 的 adjust）。";
            case CERTAINTY:
                return "只抽到一个村的县视为必然入样，不计方差（CERTAINTY）。";
            default:
                return "出现只抽到一个村的县即停止（FAIL）。";
        }
    }

    /**
     * The rows of an output file as a table, with the columns people see ({@link OutputFile#forPeople}): headers in
     * Chinese with English below, numbers right-aligned in their column's format.
     */
    static <T> void fileTable(StringBuilder h, OutputFile<T> file, List<T> rows) {
        List<OutputColumn<T>> cols = file.forPeople();
        h.append("<table>\n<thead><tr>");
        for (OutputColumn<T> c : cols) {
            h.append(th(c.field().chinese(), c.field().english(), c.kind().numeric()));
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (T row : rows) {
            h.append("<tr>");
            for (OutputColumn<T> c : cols) {
                Object v = c.shownOf(row);
                h.append(c.kind().numeric() ? "<td class=\"num\">" : "<td>").append(v == null ? ""
                        : v instanceof Number n ? esc(number(c.kind(), n.doubleValue())) : esc(v.toString()))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** A number as its column's kind shows it: 2.50%, 0.0421, 1,234.00, 12. */
    static String number(OutputColumn.Kind kind, double v) {
        return switch (kind) {
            case PERCENT -> pct(v);
            case PROBABILITY -> String.format(Locale.ROOT, "%.4f", v);
            case MONEY -> String.format(Locale.ROOT, "%,.2f", v);
            case DECIMAL -> String.format(Locale.ROOT, "%.2f", v);
            default -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        };
    }

    /** A numeric column's header: the term's Chinese name, its English below. */
    private static String header(Term t) {
        return "<th class=\"num\">" + esc(t.chinese()) + "<br><span class=\"en\">" + esc(t.english()) + "</span></th>";
    }

    private static void item(StringBuilder h, String zhTerm, String enTerm, String zh, String en) {
        h.append("<dt>").append(esc(zhTerm)).append(" <span class=\"en\">").append(esc(enTerm)).append("</span></dt><dd>")
                .append(esc(zh)).append("<br><span class=\"en\">").append(esc(en)).append("</span></dd>\n");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : Formats.percent(v);
    }

    /** HTML text escaping. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    static final String CSS = String.join("\n",
            "body{margin:0;background:#f5f5f5;color:#212121;font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\","
                    + "\"Microsoft YaHei\",\"PingFang SC\",sans-serif;line-height:1.5}",
            "main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff}",
            "h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;border-bottom:2px solid #616161;padding-bottom:4px;"
                    + "margin-top:36px}h3{font-size:17px}",
            ".en{color:#616161;font-size:.86em;font-weight:normal}",
            ".meta{color:#424242}.note{color:#616161;font-size:14px}",
            ".headline{font-size:18px;font-weight:bold}",
            ".warning{background:#fff8e1;border-left:4px solid #ef6c00;padding:8px 12px}",
            ".unusable{background:#ffebee;border:2px solid #c62828;padding:10px 14px;font-size:16px}",
            "table{border-collapse:collapse;width:100%;margin:8px 0 12px;font-size:14px}",
            "th,td{border-bottom:1px solid #e0e0e0;padding:6px 8px;text-align:left;vertical-align:top}",
            "th{background:#fafafa}td.num,th.num{text-align:right;white-space:nowrap}",
            "td.high{color:#c62828;font-weight:bold}tr.all td{font-weight:bold;background:#fafafa}",
            "table.triggered td:first-child{border-left:4px solid #c62828}",
            "table.fragile td:first-child{border-left:4px solid #ef6c00}",
            "table.nodata td:first-child{border-left:4px solid #9e9e9e}",
            "td.evidence{font-size:13px;max-width:420px}",
            "figure{margin:20px 0;text-align:center}figure img{max-width:100%;height:auto;border:1px solid #eee}",
            "figcaption{font-size:14px;color:#424242;text-align:left;margin-top:4px}.file{color:#9e9e9e;font-size:12px}",
            "dt{font-weight:bold;margin-top:8px}dd{margin-left:16px}",
            "pre{font-size:12px;background:#fafafa;padding:8px;overflow-x:auto;max-height:320px}",
            "ul.findings{font-size:13px}",
            "table.reached td{font-size:15px}td.who{font-weight:bold}td.proven{color:#c62828;font-weight:bold}",
            "td.unproven{color:#e65100;font-weight:bold}dl.sureness{font-size:13px;margin:6px 0}ul.next li{margin:4px 0}",
            "details>summary{cursor:pointer;margin:10px 0;font-weight:bold}", "");
}
