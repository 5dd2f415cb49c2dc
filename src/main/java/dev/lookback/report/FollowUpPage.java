package dev.lookback.report;

import dev.lookback.draw.DrawnVillage;
import dev.lookback.draw.FollowUp;
import dev.lookback.survey.Formats;
import dev.lookback.vocabulary.Indicator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Writes the page. */
    public static void write(FollowUp f, List<FollowUp.Unsettled> unsettled, Path file) throws IOException {
        StringBuilder h = new StringBuilder();
        int round = f.round();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>第 ").append(round)
                .append(" 轮抽查 · Round ").append(round).append("</title>\n<style>\n").append(HtmlReport.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        int villages = f.added().values().stream().mapToInt(Integer::intValue).sum();
        h.append("<header><h1>回头看第 ").append(round).append(" 轮抽查 <span class=\"en\">Follow-up round ").append(round)
                .append("</span></h1>\n<p class=\"meta\">")
                .append(HtmlReport.esc(f.added().size() + " 个县结论尚不稳健或无数据，共增抽 " + villages + " 个村；其余县维持第 "
                        + f.previous().round() + " 轮结论。"))
                .append("<br><span class=\"en\">").append(HtmlReport.esc(f.added().size() + " counties with unsettled"
                        + " decisions get " + villages + " more villages; the others keep their round-"
                        + f.previous().round() + " decisions.")).append("</span>");
        long stay = unsettled.stream().filter(u -> !u.couldChange()).count();
        if (stay > 0) { // fragile, but more villages would not change who is reached
            h.append("<br>").append(HtmlReport.esc(stay + " 项不稳健的结论估计值未越过问责线、也未启动问责，增抽不会改变问责结果，不增抽。"))
                    .append("<br><span class=\"en\">").append(HtmlReport.esc(stay + " fragile decisions have their"
                            + " estimate on the compliant side of the line and are not triggered: more villages would not"
                            + " change who is reached, so none are added."))
                    .append("</span>");
        }
        h.append("</p></header>\n");
        h.append("<section>\n<h2>增抽的县 <span class=\"en\">Counties extended</span></h2>\n<table>\n<thead><tr>")
                .append("<th>县<br><span class=\"en\">county</span></th>")
                .append("<th class=\"num\">已抽村数<br><span class=\"en\">villages so far</span></th>")
                .append("<th class=\"num\">增抽<br><span class=\"en\">added</span></th>")
                .append("<th>原因<br><span class=\"en\">why</span></th></tr></thead>\n<tbody>\n");
        Map<String, List<DrawnVillage>> fresh = f.newVillages();
        for (Map.Entry<String, Integer> e : f.added().entrySet()) {
            String county = e.getKey();
            List<String> why = new ArrayList<>();
            for (FollowUp.Unsettled u : unsettled) {
                if (u.county().equals(county) && u.couldChange()) {
                    String name = Indicator.values().stream().filter(i -> i.label().equals(u.measure()))
                            .map(Indicator::chinese).findFirst().orElse(u.measure());
                    why.add(u.noData() ? name + "：无数据（样本中没有该类农户） no data"
                            : name + " " + Formats.percent(u.estimate()) + "（区间 " + Formats.percent(u.lower()) + "–"
                                    + Formats.percent(u.upper()) + " 跨越问责线 " + Formats.percent(u.threshold())
                                    + "） the interval spans the line" + (u.villagesToSettle() > 0
                                            ? "；约需再抽 " + u.villagesToSettle() + " 个村 about " + u.villagesToSettle()
                                                    + " more villages settle it (80%)" : ""));
                }
            }
            h.append("<tr><td>").append(HtmlReport.esc(county)).append("</td><td class=\"num\">")
                    .append(f.previous().villagesPerCounty().getOrDefault(county, 0)).append("</td><td class=\"num\">")
                    .append(e.getValue()).append("</td><td>").append(HtmlReport.esc(String.join("；", why)))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
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
