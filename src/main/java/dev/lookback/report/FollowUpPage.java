package dev.lookback.report;

import dev.lookback.draw.DrawnVillage;
import dev.lookback.draw.FollowUp;
import dev.lookback.survey.Formats;
import dev.lookback.vocabulary.Indicator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The page for the leading group about a follow-up round (回头看第二轮): which counties get more villages, how
 * many, and why — each county's unsettled decisions with their estimate, interval and line — and the villages
 * to visit, with the seed and the certificates that let anyone re-derive them. Chinese first, English beside.
 */
public final class FollowUpPage {
    private FollowUpPage() {
    }

    /**
     * Writes the page: the round's table (county, decision, estimate against the line, villages the county gets,
     * the chance to settle), in county order, with the total and what stays unsettled; and, when {@code options}
     * are given (no budget was), what each budget would buy.
     */
    public static void write(FollowUp f, List<FollowUp.Unsettled> unsettled, FollowUp.Budgeted round,
            List<FollowUp.Budgeted> options, Path file) throws IOException {
        StringBuilder h = new StringBuilder();
        int no = f.round();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>第 ").append(no)
                .append(" 轮抽查 · Round ").append(no).append("</title>\n<style>\n").append(HtmlReport.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        int villages = f.added().values().stream().mapToInt(Integer::intValue).sum();
        int counties = f.previous().villagesPerCounty().size();
        int kept = counties - f.added().size();
        h.append("<header><h1>回头看第 ").append(no).append(" 轮抽查 <span class=\"en\">Follow-up round ").append(no)
                .append("</span></h1>\n<p class=\"meta\">")
                .append(HtmlReport.esc(f.added().size() + " 个县增抽 " + villages + " 个村"
                        + (round.budget() == Integer.MAX_VALUE ? "" : "（预算 " + round.budget() + " 个村）")
                        + "；预计可解决 " + Formats.fixed(round.expectedSettled(), 1) + " 项判断，"
                        + round.capped().size() + " 项所需超过全查上限、只增抽到上限，" + round.unfunded().size()
                        + " 项未增抽" + (kept > 0 ? "；其余 " + kept + " 个县维持第 "
                                + f.previous().round() + " 轮结论。" : "。")))
                .append("<br><span class=\"en\">").append(HtmlReport.esc(f.added().size() + " counties get " + villages
                        + " more villages" + (round.budget() == Integer.MAX_VALUE ? "" : " (a budget of "
                                + round.budget() + ")") + "; about " + Formats.fixed(round.expectedSettled(), 1)
                        + " decisions expected to settle, " + round.capped().size() + " given fewer villages than they need"
                        + " (only a census would give them 80%), " + round.unfunded().size() + " given none"
                        + (kept > 0 ? "; the other " + kept + " counties keep their round-" + f.previous().round()
                                + " decisions." : "."))).append("</span>");
        long stay = unsettled.stream().filter(u -> !u.couldChange()).count();
        if (stay > 0) { // fragile, but more villages would not change who is reached
            h.append("<br>").append(HtmlReport.esc(stay + " 项不稳健的结论估计值未越过问责线、也未启动问责，增抽不会改变问责结果，不增抽。"))
                    .append("<br><span class=\"en\">").append(HtmlReport.esc(stay + " fragile decisions are below the"
                            + " line and not triggered: more villages would not change who is reached, so none are added."))
                    .append("</span>");
        }
        h.append("</p></header>\n");
        h.append("<section>\n<h2>本轮增抽 <span class=\"en\">This round</span></h2>\n<table class=\"round\">\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th>")
                .append("<th>判断<br><span class=\"en\">decision</span></th>")
                .append("<th class=\"num\">估计值 / 问责线<br><span class=\"en\">estimate / line</span></th>")
                .append("<th class=\"num\">需增抽<br><span class=\"en\">needs</span></th>")
                .append("<th class=\"num\">该县增抽<br><span class=\"en\">county gets</span></th>")
                .append("<th class=\"num\">解决的可能<br><span class=\"en\">chance to settle</span></th></tr></thead>\n<tbody>\n");
        for (FollowUp.Funded d : round.decisions()) {
            FollowUp.Unsettled u = d.decision();
            String name = Indicator.values().stream().filter(i -> i.label().equals(u.measure()))
                    .map(Indicator::chinese).findFirst().orElse(u.measure());
            String stake = u.triggered() ? "已问责但不稳 triggered, fragile" : u.aboveLine()
                    ? "超线但未证实 above the line, not proven" : u.noData() ? "无数据 no data" : "不稳 fragile";
            h.append("<tr><td>").append(HtmlReport.esc(u.county())).append("</td><td>").append(HtmlReport.esc(name))
                    .append("<br><span class=\"en\">").append(HtmlReport.esc(stake)).append("</span></td><td class=\"num\">")
                    .append(u.noData() ? "—" : HtmlReport.esc(Formats.percent(u.estimate()))).append(" / ")
                    .append(HtmlReport.esc(Formats.percent(u.threshold()))).append("</td><td class=\"num\">")
                    .append(d.needs()).append("</td><td class=\"num\">").append(d.funded() ? String.valueOf(d.added()) : "0")
                    .append("</td><td class=\"num\">").append(HtmlReport.esc(!d.funded() ? "未增抽 none"
                            : Double.isNaN(d.chance()) ? "低于 80% (capped)" : Formats.fixed(100 * d.chance(), 0) + "%"))
                    .append("</td></tr>\n");
        }
        h.append("<tr class=\"all\"><td>合计 total</td><td></td><td></td><td></td><td class=\"num\">").append(villages)
                .append("</td><td class=\"num\">").append(HtmlReport.esc("≈ " + Formats.fixed(round.expectedSettled(), 1)
                        + " 项 decisions")).append("</td></tr>\n</tbody></table>\n<p class=\"note\">")
                .append(HtmlReport.esc("先给已问责但不稳的判断，再给超线但未证实的，再给其余；同类中先给所需村数少的（每个村解决的可能最大）。"
                        + "“需增抽”为使该判断有 80% 可能在下一轮水平下得到解决所需的村数；同县各判断共用增抽的村；除非 --allow-census，"
                        + "各县至少留一个村不抽。")).append("<br><span class=\"en\">").append(HtmlReport.esc("Triggered but"
                        + " fragile decisions first, then those above the line but not proven, then the rest; within each,"
                        + " the fewest villages needed first (the most chance of settling per village). 'Needs' is the"
                        + " villages for an 80% chance to settle at the next round's level; a county's villages serve all"
                        + " its decisions; unless --allow-census, a county keeps at least one village unvisited."))
                .append("</span></p>\n</section>\n");
        if (!options.isEmpty()) {
            h.append("<section>\n<h2>各预算可买到什么 <span class=\"en\">What each budget buys</span></h2>\n<table>\n")
                    .append("<thead><tr><th class=\"num\">预算（村）<br><span class=\"en\">budget (villages)</span></th>")
                    .append("<th class=\"num\">实际增抽<br><span class=\"en\">added</span></th>")
                    .append("<th class=\"num\">预计解决<br><span class=\"en\">expected to settle</span></th>")
                    .append("<th class=\"num\">未增抽<br><span class=\"en\">given none</span></th></tr></thead>\n<tbody>\n");
            for (FollowUp.Budgeted o : options) {
                h.append("<tr><td class=\"num\">").append(o.budget() == Integer.MAX_VALUE ? "所需全部 all needed"
                        : String.valueOf(o.budget())).append("</td><td class=\"num\">").append(o.total())
                        .append("</td><td class=\"num\">").append(Formats.fixed(o.expectedSettled(), 1))
                        .append("</td><td class=\"num\">").append(o.unfunded().size()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"note\">").append(HtmlReport.esc("用 lookback follow-up --budget N"
                    + " 按预算抽取本轮。")).append("<span class=\"en\">").append(HtmlReport.esc(" Draw a round within a"
                            + " budget with lookback follow-up --budget N.")).append("</span></p>\n</section>\n");
        }
        Map<String, List<DrawnVillage>> fresh = f.newVillages();
        h.append("<section>\n<h2>本轮入户核查的村 <span class=\"en\">Villages to visit</span></h2>\n<table>\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th><th>村<br><span class=\"en\">village</span></th>")
                .append("<th class=\"num\">户数<br><span class=\"en\">households</span></th>")
                .append("<th>签号（SHA-256）<br><span class=\"en\">ticket</span></th></tr></thead>\n<tbody>\n");
        for (List<DrawnVillage> list : fresh.values()) {
            for (DrawnVillage v : list) {
                h.append("<tr><td>").append(HtmlReport.esc(v.county())).append("</td><td>").append(HtmlReport.esc(v.village()))
                        .append("</td><td class=\"num\">").append(v.households()).append("</td><td><code>")
                        .append(HtmlReport.esc(v.ticket())).append("</code></td></tr>\n");
            }
        }
        h.append("</tbody></table>\n<p class=\"note\">").append(HtmlReport.esc("与第一轮同一公开种子「" + f.previous().seed()
                + "」、同一方法，按签号顺序取各县的下一批村：前几轮的村全部保留，任何人可用 sha256sum 复核。上一轮证书的 SHA-256："
                + f.previousSha256() + "。")).append("<br><span class=\"en\">").append(HtmlReport.esc("The same public"
                        + " seed and method as the first round, each county's next villages in ticket order: every"
                        + " earlier village stays, and anyone can re-derive them with sha256sum. The previous"
                        + " certificate's SHA-256: " + f.previousSha256() + ".")).append("</span></p>\n</section>\n");
        h.append("</main>\n</body>\n</html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }
}
