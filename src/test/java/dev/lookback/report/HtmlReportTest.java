package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.chart.Charts;
import dev.lookback.chart.Figure;
import dev.lookback.chart.ForestRow;
import dev.lookback.chart.Lang;
import dev.lookback.chart.ReviewCharts;
import dev.lookback.check.Discrepancy;
import dev.lookback.decide.Decision;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Measure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The review's charts and report.html, on the demo city with every link. */
class HtmlReportTest {
    @TempDir
    static Path dir;
    static ReviewResult result;
    static dev.lookback.draw.Certificate certificate;

    @BeforeAll
    static void review() throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(SyntheticCity.seedOf("report-test")));
        DrawResult drawn = Draw.draw(city.frame(), "report <test> & seed", DrawMethod.SRS,
                Allocation.perCounty(city.frame(), 6));
        Sample sample = Draw.sample(drawn);
        city.writeFrameAndRegister(dir);
        city.writeSpotCheck(sample, dir);
        city.writeLeaders(dir);
        city.writeAssistanceAndFunds(sample, dir);
        drawn.writeCertificate(dir.resolve("sample.certificate.json"), "villages.csv",
                dev.lookback.draw.Tickets.fileSha256(dir.resolve("villages.csv")), "test", 1);
        certificate = dev.lookback.draw.Certificate.read(dir.resolve("sample.certificate.json"));
        result = Review.of(dir.resolve("villages.csv"), dir.resolve("sample.csv"), dir.resolve("self_check.csv"),
                dir.resolve("spot_check.csv")).leaders(TabularSource.of(dir.resolve("leaders.csv")))
                .assistance(TabularSource.of(dir.resolve("cadres.csv")), TabularSource.of(dir.resolve("satisfaction.csv")),
                        0.10, 0.90)
                .funds(TabularSource.of(dir.resolve("fund_checks.csv")), 0.01, LocalDate.of(2026, 5, 31)).run();
    }

    @Test
    void everyChartOfTheReviewIsBuilt() {
        List<Figure> figures = ReviewCharts.of(result, Lang.ZH);
        assertEquals(List.of("forest-identification", "forest-exit", "forest-missed", "forest-wrong_inclusion",
                "funnel-identification", "funnel-exit", "discrepancies", "forest-cadre_noncompliance",
                "forest-satisfaction", "funds"), figures.stream().map(Figure::name).toList());
    }

    @Test
    void forestColoursFollowTheDecisions() {
        for (Measure m : new Measure[] {Measure.IDENTIFICATION, Measure.EXIT}) {
            XYChart c = (XYChart) ReviewCharts.forest(result, m, Lang.ZH).chart();
            long triggered = result.decisions().stream().filter(d -> d.indicator() == m)
                    .filter(Decision::triggered).count();
            long drawnRed = c.getSeriesMap().values().stream()
                    .filter(s -> s.getName().startsWith("ci ") && s.getLineColor().equals(Charts.TRIGGERED)).count();
            assertEquals(triggered, drawnRed, m.label());
            for (Decision d : result.decisions()) {
                if (d.indicator() == m && !Double.isNaN(d.lower())) {
                    XYSeries ci = c.getSeriesMap().get("ci " + d.county());
                    assertEquals(d.lower(), ci.getXData()[0], 0);
                    assertEquals(d.upper(), ci.getXData()[1], 0);
                }
            }
        }
    }

    @Test
    void theForestDrawsEachDecisionsOwnIntervalAndSaysItsLevel(@TempDir Path tmp) throws IOException {
        // the demo declares two rounds: its decisions are at 99.69%, its rates' intervals at 95%
        ReviewResult demo = dev.lookback.sim.Demo.run(tmp.resolve("in"), dev.lookback.sim.Demo.SEED,
                dev.lookback.sim.Demo.PER_COUNTY, dev.lookback.vocabulary.Unit.PERSONS).result();
        XYChart c = (XYChart) ReviewCharts.forest(demo, Measure.EXIT, Lang.ZH).chart();
        Decision d = demo.decisions().stream().filter(x -> x.indicator() == Measure.EXIT && x.lower() < x.upper())
                .findFirst().orElseThrow();
        assertTrue(d.interval().level() > 0.99 && demo.settings().level() == 0.95);
        XYSeries ci = c.getSeriesMap().get("ci " + d.county());
        assertEquals(d.lower(), ci.getXData()[0], 0);
        assertEquals(d.upper(), ci.getXData()[1], 0);
        assertTrue(c.getTitle().contains("99.69%"), c.getTitle());
    }

    @Test
    void discrepancyBarsCountTheDiscrepancies() {
        CategoryChart c = (CategoryChart) ReviewCharts.discrepancies(result, Lang.ZH).chart();
        for (Kind k : new Kind[] {Kind.MISSED, Kind.WRONGLY_INCLUDED, Kind.WRONGLY_EXITED}) {
            long expected = result.discrepancies().stream().map(Discrepancy::kind).filter(k::equals).count();
            int drawn = c.getSeriesMap().get(k.chinese()).getYData().stream().mapToInt(Number::intValue).sum();
            assertEquals(expected, drawn, k.name());
        }
    }

    @Test
    void reportHasTheDecisionsFirstThenEstimatesChartsQualityAndMethods() throws IOException {
        List<Figure> figures = ReviewCharts.of(result, Lang.ZH).subList(0, 2);
        assertEquals(certificate, result.draw().certificate(), "the certificate beside the sample was checked");
        Path file = HtmlReport.write(dir.resolve("out"), result, figures);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        int decisions = html.indexOf("<section id=\"decisions\">");
        int estimates = html.indexOf("<section id=\"estimates\">");
        int charts = html.indexOf("<section id=\"charts\">");
        int links = html.indexOf("<section id=\"links\">");
        int quality = html.indexOf("<section id=\"data-quality\">");
        int methods = html.indexOf("<section id=\"methods\">");
        assertTrue(0 < decisions && decisions < estimates && estimates < charts && charts < links && links < quality
                && quality < methods, "section order");
        // one embedded image per figure, self-contained
        Matcher img = Pattern.compile("<img [^>]*src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\"").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
        }
        assertEquals(2, images);
        assertFalse(html.contains("src=\"http"), "nothing is fetched");
        // every triggered decision's county and leader names are in the headline
        String head = html.substring(decisions, estimates);
        for (Decision d : result.decisions()) {
            if (d.triggered()) {
                assertTrue(head.contains(d.names().get(0)), d.toString());
            }
        }
        // the city row and every county's identification estimate
        assertTrue(html.contains("全市 ALL"));
        // the certificate's seed, escaped
        assertTrue(html.contains("report &lt;test&gt; &amp; seed"), "the seed is shown, escaped");
        assertFalse(html.contains("report <test>"), "nothing unescaped");
        assertTrue(html.contains("korn-graubard"));
        // the projects to refer, as fund_referrals.csv declares its columns for people: the money in yuan
        var referred = ReviewFiles.referrals(result.fundChecks());
        assertFalse(referred.isEmpty(), "the demo city misuses some money");
        String linksSection = html.substring(links, quality);
        assertTrue(linksSection.contains("<th class=\"num\">违规金额（元）<br><span class=\"en\">misused (yuan)</span></th>"),
                linksSection);
        var first = referred.get(0).project();
        assertTrue(linksSection.contains("<td>" + first.project() + "</td>"), first.project());
        assertTrue(linksSection.contains(String.format(java.util.Locale.ROOT, "<td class=\"num\">%,.2f</td>",
                first.auditedMisused())), "the largest misuse, in yuan");
    }

    @Test
    void reportWithoutLeadersOrCertificateSaysSo() throws IOException {
        Path alone = Files.createDirectories(dir.resolve("no-certificate"));
        Files.copy(dir.resolve("sample.csv"), alone.resolve("sample.csv"));
        ReviewResult plain = Review.of(dir.resolve("villages.csv"), alone.resolve("sample.csv"),
                dir.resolve("self_check.csv"), dir.resolve("spot_check.csv")).run();
        String html = HtmlReport.html(plain, List.of());
        assertTrue(html.contains("No leaders were given"));
        assertTrue(html.contains("<p class=\"warning\"><b>抽样无法核验</b>：未找到抽样证书，无法核验样本是否为公开种子抽出。<br><span"
                + " class=\"en\">draw not verifiable: no draw certificate was found: whether the sample is the published"
                + " draw cannot be checked.</span></p>"), "said on the first screen");
        assertFalse(html.contains("<section id=\"charts\">"));
        assertFalse(html.contains("<section id=\"links\">"));
        assertEquals(ForestRow.class, new ForestRow("a", 0, 0, 0, false, false).getClass());
    }

    /** Every decision with data states its risk, whatever its rule; the report's first screen compares the policies. */
    @Test
    void everyDecisionStatesItsRiskAndTheReportComparesThePolicies() throws IOException {
        for (Decision d : result.decisions()) {
            if (d.outcome() == dev.lookback.vocabulary.Outcome.NO_DATA) {
                continue;
            }
            double chance = d.risk().triggerChanceAtThreshold();
            assertTrue(chance >= 0 && chance <= 1, d.toString());
            assertTrue(d.risk().pValue() >= 0 && d.risk().pAdjusted() >= d.risk().pValue(), d.toString());
            if (d.evidence().census()) {
                assertEquals(1, chance, d.toString());
            } else {
                assertTrue(chance < 0.05, "at most (1 − level)/2 and its Monte Carlo error under the confident policy: " + d);
            }
            if (!d.fragile()) {
                assertEquals(-1, d.extraVillages(), "a settled decision needs no villages: " + d);
            }
        }
        assertEquals(4, result.policies().rows().size());
        for (var row : result.policies().rows()) { // a leader is reached by any of two measures: more than by one
            assertTrue(row.reviewAtLine() >= row.leaderAtLine() && row.leaderAtLine() >= 0, row.toString());
        }
        var point = result.policies().rows().get(DecisionPolicy.POINT.ordinal());
        assertTrue(point.leaderAtLine() > 0.5 && point.reviewAtLine() > 0.99, "two coin tosses a leader: " + point);
        var confident = result.policies().rows().get(DecisionPolicy.CONFIDENT.ordinal());
        assertTrue(confident.leaderAtLine() < 0.05, "the default reaches few leaders on the line: " + confident);
        assertEquals(result.policies().decisions(), result.policies().simulated(), "every sampled decision simulated");
        String html = HtmlReport.html(result, List.of());
        assertTrue(html.contains("若每县恰在线上，预计问责县数"), "the policy table is in the decisions' section");
        assertTrue(html.contains("恰在线上的领导被问责的概率"), "per leader, not only per decision");
        assertTrue(html.indexOf("若每县恰在线上") < html.indexOf("<section id=\"estimates\">"));
    }

    /**
     * The first screen in the plan's words: every person reached, with the sureness in words, before the policies;
     * what to do next; the rates coloured only where they decide; p-values only where they inform.
     */
    @Test
    void theFirstScreenNamesWhoIsReachedAndHowSureThenWhatToDo() throws IOException {
        String html = HtmlReport.html(result, List.of());
        int reached = html.indexOf("<table class=\"reached\">");
        int next = html.indexOf("下一步 <span class=\"en\">What to do next</span>");
        int policies = html.indexOf("<table class=\"policies\">");
        assertTrue(0 < reached && reached < next && next < policies, "who, then what to do, then the policies' risks");
        String table = html.substring(reached, html.indexOf("</table>", reached));
        assertFalse(result.triggered().isEmpty(), "the test city reaches someone");
        for (Decision d : result.triggered()) {
            for (String name : d.names()) {
                assertTrue(table.contains(name), name);
            }
        }
        for (Decision d : result.decisions()) {
            boolean listed = d.triggered() || d.sureness() == dev.lookback.vocabulary.Sureness.ABOVE_NOT_PROVEN;
            String css = d.sureness() == dev.lookback.vocabulary.Sureness.PROVEN ? "proven" : "unproven";
            if (listed) {
                assertTrue(table.contains("<td class=\"" + css + "\">" + d.sureness().chinese()), d.toString());
            }
        }
        // each word's meaning, once
        for (var w : List.of(dev.lookback.vocabulary.Sureness.PROVEN, dev.lookback.vocabulary.Sureness.ABOVE_NOT_PROVEN,
                dev.lookback.vocabulary.Sureness.BELOW)) {
            assertTrue(html.contains("<dt>" + w.chinese() + " <span class=\"en\">" + w.english() + "</span></dt>"), w.name());
        }
        // the decisions' own level, to two places, not the rates' 95%
        assertTrue(html.contains("区间的置信水平 " + dev.lookback.survey.Formats.fixed(100 * result.decisions().get(0)
                .interval().level(), 2) + "%"), "the level the decisions were made at");
        // the rates table colours only identification and exit, in a county's row
        String rates = html.substring(html.indexOf("<table class=\"rates\">"), html.indexOf("</table>",
                html.indexOf("<table class=\"rates\">")));
        for (String row : rates.split("<tr")) {
            String[] cells = row.split("<td");
            for (int i = 0; i < cells.length; i++) {
                boolean decides = i == 3 || i == 4; // county, villages, identification, exit, missed, wrong inclusion
                assertFalse(cells[i].startsWith(" class=\"num high\"") && (!decides || row.contains("全市 ALL")),
                        "coloured where it decides nothing: " + row);
            }
        }
        // a census decision shows no p-value
        assertTrue(result.decisions().stream().anyMatch(d -> d.lower() == d.upper() && d.triggered()));
        assertFalse(HtmlReport.informs(result.decisions().stream().filter(d -> d.lower() == d.upper()).findFirst()
                .orElseThrow()));
        assertTrue(html.contains("p 值：若该县恰在问责线上"), "the p-value explained in one line");
        // a κ interval in [−1, 1], or in words
        assertEquals("数据太少，无法判断<br><span class=\"en\">too few to say</span>", HtmlReport.kappaInterval(-1.3, 1.0));
        assertEquals("0.20 – 1.00", HtmlReport.kappaInterval(0.2, 1.04));
    }
}
