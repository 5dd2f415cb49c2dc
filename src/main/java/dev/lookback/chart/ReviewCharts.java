package dev.lookback.chart;

import dev.lookback.ReviewResult;
import dev.lookback.ReviewSettings;
import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.Discrepancy;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.funds.FundChecks;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.AssistanceMeasure;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Indicator;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Term;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The review's charts, built from a {@link ReviewResult}: a forest plot and a funnel plot per error
 * measure, the discrepancy kinds per county, cadre compliance and satisfaction against their
 * standards, and fund misuse and overdue projects against the materiality. Where the result has
 * decisions, the colours are the decisions'; otherwise they follow the result's threshold and policy
 * ({@link ReviewSettings}).
 */
public final class ReviewCharts {

    private ReviewCharts() {
    }

    /** Every chart the result has data for, in the report's order. */
    public static List<Figure> of(ReviewResult result, Lang lang) {
        List<Figure> out = new ArrayList<>();
        for (Measure m : new Measure[] {Measure.IDENTIFICATION, Measure.EXIT, Measure.MISSED, Measure.WRONG_INCLUSION}) {
            out.add(forest(result, m, lang));
        }
        out.add(funnel(result, Measure.IDENTIFICATION, lang));
        out.add(funnel(result, Measure.EXIT, lang));
        out.add(discrepancies(result, lang));
        for (AssistanceMeasure m : AssistanceMeasure.values()) {
            assistance(result, m, lang).ifPresent(out::add);
        }
        funds(result, lang).ifPresent(out::add);
        return out;
    }

    /** A term's name in a language, e.g. 精准识别误差率 / identification error rate. */
    static String name(Term t, Lang l) {
        return l.pick(t.chinese(), t.english());
    }

    /** The forest plot of a measure across counties, against the identification/exit threshold. */
    public static Figure forest(ReviewResult result, Measure measure, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        ReviewSettings s = result.settings();
        List<ForestRow> rows = new ArrayList<>();
        String method = "";
        double decisionLevel = Double.NaN;
        for (ErrorRate r : result.rates()) {
            if (r.measure() != measure || ErrorRate.ALL.equals(r.county())) {
                continue;
            }
            // one interval per decision: the decision's, at its own level, where the county has one
            Decision d = decision(result, r.county(), measure);
            Interval ci = d != null ? d.interval() : r.interval();
            method = ci.method().abbreviation();
            decisionLevel = d != null ? ci.level() : decisionLevel;
            boolean[] status = status(result, r.county(), measure, r.rate(), ci);
            rows.add(new ForestRow(r.county(), r.rate(), ci.lower(), ci.upper(), status[0], status[1]));
        }
        String level = levelLabel(Double.isNaN(decisionLevel) ? s.level() : decisionLevel);
        String title = l.pick("各县" + name(measure, l) + "（" + level + " 置信区间，" + method + "）",
                capitalized(name(measure, l)) + " by county (" + level + " CI, " + method + ")");
        String axis = l.pick(name(measure, l) + "（按" + s.unit().chinese() + "）",
                name(measure, l) + " (" + s.unit().label() + ")");
        String line = name(Line.ERROR_THRESHOLD, l);
        String caption = l.pick("线段为区间（下限到上限），圆点为估计值；红色为" + s.policy().chinese()
                + "达到问责线的县，橙色为估计值超过问责线但未证实的县，菱形为区间跨越问责线、结论不稳的县。",
                "Lines run from lower to upper bound, dots are estimates; red counties reach the threshold under the "
                        + s.policy().label() + " policy, orange ones are above it but not proven; diamonds mark"
                        + " fragile counties, whose interval spans the line.");
        return new Figure("forest-" + measure.label(), caption, Charts.forest(title, axis, rows, s.threshold(), true,
                line, l));
    }

    /** The funnel plot of a measure: county estimates against units checked, limits around the threshold. */
    public static Figure funnel(ReviewResult result, Measure measure, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        ReviewSettings s = result.settings();
        List<FunnelPoint> points = new ArrayList<>();
        double deff = 1;
        for (ErrorRate r : result.rates()) {
            if (r.measure() != measure) {
                continue;
            }
            if (ErrorRate.ALL.equals(r.county())) {
                double d = r.estimate().designEffect();
                deff = Double.isFinite(d) && d > 0 ? d : 1;
                continue;
            }
            boolean[] status = status(result, r.county(), measure, r.rate(), r.interval());
            points.add(new FunnelPoint(r.county(), r.estimate().units(), r.rate(), status[0]));
        }
        String title = l.pick(name(measure, l) + "漏斗图：哪些差异只是抽样误差",
                capitalized(name(measure, l)) + " funnel: which differences are noise");
        String xTitle = l.pick("抽查" + s.unit().chinese() + "数", s.unit().label() + " checked");
        String caption = l.pick(String.format(java.util.Locale.ROOT, "控制限为 T ± z·√(T(1−T)·deff/m)，deff = %.2f"
                + "（全市整群抽样的设计效应）；漏斗内的县与问责线的差异不超过抽样误差。", deff),
                String.format(java.util.Locale.ROOT, "Limits T ± z·√(T(1−T)·deff/m) with deff = %.2f (the city's"
                        + " cluster design effect); a county inside the funnel differs from the line by no more than"
                        + " sampling noise.", deff));
        return new Figure("funnel-" + measure.label(), caption, Charts.funnel(title, xTitle, name(measure, l),
                points, s.threshold(), deff, l));
    }

    /** The discrepancies per county, stacked by kind (漏评, 错评, 错退). */
    public static Figure discrepancies(ReviewResult result, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        TreeSet<String> counties = new TreeSet<>(result.crossCheck().sample().byCounty().keySet());
        for (Discrepancy d : result.discrepancies()) {
            counties.add(d.county());
        }
        List<String> categories = new ArrayList<>(counties);
        Kind[] kinds = {Kind.MISSED, Kind.WRONGLY_INCLUDED, Kind.WRONGLY_EXITED};
        Map<String, int[]> series = new LinkedHashMap<>();
        for (Kind k : kinds) {
            series.put(name(k, l), new int[categories.size()]);
        }
        for (Discrepancy d : result.discrepancies()) {
            int i = categories.indexOf(d.county());
            series.get(name(d.kind(), l))[i]++;
        }
        String title = l.pick("各县抽查发现的问题户（按类型）", "Households the spot check contradicts, by kind");
        String caption = l.pick("每户一条：漏评（应进未进）、错评（应退未退）、错退；逐户清单见整改清单。",
                "One per household: missed, wrongly included, wrongly exited; the households are listed in the"
                        + " rectification lists.");
        return new Figure("discrepancies", caption, Charts.stackedCounts(title, l.pick("户数", "households"),
                categories, series, Charts.KINDS));
    }

    /** Cadre non-compliance or satisfaction per county against its standard, when the result has them. */
    public static Optional<Figure> assistance(ReviewResult result, AssistanceMeasure measure, Lang lang) {
        Lang l = ChartFonts.usable(lang);
        ReviewSettings s = result.settings();
        boolean high = measure.badWhenHigh();
        double line = s.line(measure.line());
        List<ForestRow> rows = new ArrayList<>();
        for (AssistanceCheck.Rate r : result.assistance()) {
            if (r.measure() != measure || ErrorRate.ALL.equals(r.county())) {
                continue;
            }
            double e = r.estimate().estimate();
            Decision d = decision(result, r.county(), measure); // the decision's interval, at its own level
            Interval ci = d != null ? d.interval() : r.interval();
            boolean[] status = status(result, r.county(), measure, e, ci);
            rows.add(new ForestRow(r.county(), e, ci.lower(), ci.upper(), status[0], status[1]));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String title = l.pick("各县" + measure.chinese() + "（" + measure.chineseDetail() + "）",
                capitalized(measure.english()) + " by county (" + measure.englishDetail() + ")");
        String axis = name(measure, l);
        String lineLabel = name(measure.line(), l);
        String caption = l.pick((high ? "达到" : "低于") + measure.line().chinese() + "的县为红色，估计值"
                + (high ? "超过" : "低于") + "但未证实的为橙色；区间按走访的村为整群计算。",
                "Counties " + (high ? "at or above" : "below") + " the " + measure.line().english()
                        + " are red, those whose estimate is but not proven orange; intervals treat the villages"
                        + " visited as clusters.");
        return Optional.of(new Figure("forest-" + measure.label(), caption, Charts.forest(title, axis, rows, line,
                high, lineLabel, l)));
    }

    /** Misused share and overdue or unstarted share of projects per county, against the materiality. */
    public static Optional<Figure> funds(ReviewResult result, Lang lang) {
        if (result.fundChecks().isEmpty()) {
            return Optional.empty();
        }
        Lang l = ChartFonts.usable(lang);
        List<FundChecks.CountyFunds> counties = FundChecks.byCounty(result.fundChecks(), result.asOf());
        List<String> categories = new ArrayList<>();
        double[] misused = new double[counties.size()];
        double[] overdue = new double[counties.size()];
        for (int i = 0; i < counties.size(); i++) {
            FundChecks.CountyFunds c = counties.get(i);
            categories.add(c.county());
            misused[i] = c.misusedShare();
            overdue[i] = c.overdueShare();
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(name(FundMeasure.MISUSED_SHARE, l), misused);
        series.put(name(FundMeasure.OVERDUE_SHARE, l), overdue);
        double m = result.settings().materiality();
        String title = l.pick("各县扶贫资金：挤占挪用与项目逾期", "Funds by county: misuse and overdue projects");
        String caption = l.pick("虚线为重要性水平；超过者按资金规则问责县政府主要负责人，挪用项目移送纪检监察。",
                "The dashed line is the materiality; above it the fund rule reaches the government head, and"
                        + " projects with misused money are referred.");
        return Optional.of(new Figure("funds", caption, Charts.barsAgainstLine(title, l.pick("占比", "share"),
                categories, series, new Color[] {Charts.TRIGGERED, new Color(0xFB, 0x8C, 0x00)},
                name(Line.MATERIALITY, l) + " " + Charts.percentLabel(m), m)));
    }

    /**
     * {triggered, fragile} of a county's indicator: the result's decision when it has one, else the
     * result's policy at the indicator's line (fragile: the interval reaches the other side, or is undefined).
     */
    static boolean[] status(ReviewResult result, String county, Indicator indicator, double estimate, Interval ci) {
        for (Decision d : result.decisions()) {
            if (d.county().equals(county) && d.indicator() == indicator) {
                return new boolean[] {d.triggered(), d.fragile()};
            }
        }
        double line = result.settings().line(indicator.line());
        boolean high = indicator.badWhenHigh();
        boolean triggered = result.settings().policy().triggers(estimate, ci, line, high);
        return new boolean[] {triggered, Decisions.fragile(ci, line, triggered, high)};
    }

    /** The decision of a county's indicator, or null. */
    static Decision decision(ReviewResult result, String county, Indicator indicator) {
        for (Decision d : result.decisions()) {
            if (d.county().equals(county) && d.indicator() == indicator) {
                return d;
            }
        }
        return null;
    }

    /** A level as a title says it: 95%, or 99.69% when it is not a whole percent. */
    static String levelLabel(double level) {
        double pct = 100 * level;
        return Math.abs(pct - Math.rint(pct)) < 1e-9 ? Charts.percentLabel(level)
                : dev.lookback.survey.Formats.percent(level);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
