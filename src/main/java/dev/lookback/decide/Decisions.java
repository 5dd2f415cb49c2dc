package dev.lookback.decide;

import dev.lookback.check.Measure;
import dev.lookback.draw.Plan;
import dev.lookback.io.CsvWriter;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.DecisionPolicy;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's first accountability rule (section 三(三)): where a county's identification or exit error
 * rate stays at or above the threshold, its party secretary and government head are held to account.
 * Every county × measure gets a decision, stated with its evidence, including counties without data or
 * without a listed leader.
 */
public final class Decisions {
    /** The rule's name in decisions.csv. */
    public static final String IDENTIFICATION_EXIT = Rule.IDENTIFICATION_EXIT.label();

    private Decisions() {
    }

    /**
     * Decides the identification/exit rule for every county (not the city row).
     *
     * @param rates     the review's error rates (the first interval of each is used)
     * @param leaders   the leaders
     * @param threshold T (≥ T triggers)
     * @param policy    point, confident or precautionary
     */
    public static List<Decision> identificationExit(List<ErrorRate> rates, Leaders leaders, double threshold,
            DecisionPolicy policy) {
        List<Decision> out = new ArrayList<>();
        for (ErrorRate r : rates) {
            if (ErrorRate.ALL.equals(r.county()) || (r.measure() != Measure.IDENTIFICATION && r.measure() != Measure.EXIT)) {
                continue;
            }
            Interval ci = r.interval();
            double estimate = r.rate();
            boolean high = Rule.IDENTIFICATION_EXIT.measure(r.measure().label()).badWhenHigh();
            boolean triggered = policy.triggers(estimate, ci, threshold, high);
            boolean fragile = fragile(ci, threshold, triggered, high);
            int extra = fragile ? extraVillages(r, threshold) : -1;
            List<Role> roles = Rule.IDENTIFICATION_EXIT.roles();
            List<String> names = new ArrayList<>();
            List<Role> missing = new ArrayList<>();
            for (Role role : roles) {
                List<Leaders.Leader> found = leaders.of(r.county(), role);
                if (found.isEmpty()) {
                    names.add("?");
                    missing.add(role);
                } else {
                    names.add(String.join("/", found.stream().map(Leaders.Leader::name).toList()));
                }
            }
            out.add(new Decision(r.county(), IDENTIFICATION_EXIT, r.measure().label(), estimate, ci.lower(), ci.upper(),
                    threshold, policy.label(), triggered, fragile, extra, roles, names,
                    evidence(r, ci, threshold, policy, triggered, fragile, extra, roles, names, missing)));
        }
        return out;
    }

    /**
     * Whether a decision is fragile: its interval is undefined or reaches the other side of the line
     * (for a triggered rate badWhenHigh, lower &lt; T; for one not triggered, upper ≥ T; mirrored when a
     * low value is bad).
     */
    public static boolean fragile(Interval ci, double threshold, boolean triggered, boolean badWhenHigh) {
        if (!ci.isDefined()) {
            return true;
        }
        boolean lowSide = ci.lower() < threshold;
        boolean highSide = ci.upper() >= threshold;
        return badWhenHigh == triggered ? lowSide : highSide;
    }

    /**
     * Villages to add so that the interval would probably no longer contain the threshold: the planner's
     * precision size for a margin |R̂ − T| at rate R̂, with the county's own design effect (from its SE),
     * minus the villages already sampled; −1 when the estimate cannot tell.
     */
    static int extraVillages(ErrorRate r, double threshold) {
        return extraVillages(r.estimate(), r.interval().level(), threshold);
    }

    /** As {@link #extraVillages(ErrorRate, double)}, for any ratio estimate over villages. */
    static int extraVillages(dev.lookback.survey.RatioEstimate e, double level, double threshold) {
        double p = e.estimate();
        double margin = Math.abs(p - threshold);
        int n = e.clustersSampled();
        int big = e.clustersInPopulation();
        if (Double.isNaN(p) || margin == 0 || n >= big || n < 1) {
            return -1;
        }
        double units = e.units() / n;
        double rho = Plan.rhoFromEstimate(p, e.standardError(), e.units(), n, big);
        if (Double.isNaN(rho)) {
            rho = 0.05; // no variance estimate (zero errors, one village): a typical value
        }
        int needed = Plan.villagesForPrecision(p, margin, level, Math.max(1, units), 0, rho, big);
        return Math.max(0, needed - n);
    }

    private static String evidence(ErrorRate r, Interval ci, double threshold, DecisionPolicy policy, boolean triggered,
            boolean fragile, int extra, List<Role> roles, List<String> names, List<Role> missing) {
        String level = Formats.number(100 * ci.level()) + "%";
        String zhMeasure = r.measure().chinese();
        String enMeasure = r.measure() == Measure.EXIT ? "exit error rate" : "identification error rate";
        StringBuilder zh = new StringBuilder(r.county()).append(zhMeasure);
        StringBuilder en = new StringBuilder(r.county()).append(' ').append(enMeasure);
        if (Double.isNaN(r.rate())) {
            zh.append("无抽查数据");
            en.append(": no spot-check data");
        } else {
            String interval = Double.isNaN(ci.lower()) ? "区间无法估计" : level + "区间 " + Formats.percent(ci.lower()) + "–"
                    + Formats.percent(ci.upper());
            zh.append(' ').append(Formats.percent(r.rate())).append("（").append(interval).append("）");
            en.append(' ').append(Formats.percent(r.rate())).append(" (").append(Double.isNaN(ci.lower())
                    ? "no interval: " + ci.note() : level + " CI " + Formats.percent(ci.lower()) + "–"
                            + Formats.percent(ci.upper())).append(")");
        }
        String policyZh = policy == DecisionPolicy.POINT ? "按点估计" : policy == DecisionPolicy.CONFIDENT ? "按区间下限"
                : "按区间上限";
        if (triggered) {
            zh.append("，").append(policyZh).append("达到问责线 ").append(Formats.percent(threshold)).append("，启动问责：");
            en.append(" reaches the threshold ").append(Formats.percent(threshold)).append(" under the ")
                    .append(policy.label()).append(" policy; accountability reaches the ");
        } else {
            zh.append("，").append(policyZh).append("未达到问责线 ").append(Formats.percent(threshold)).append("，不问责：");
            en.append(" does not reach the threshold ").append(Formats.percent(threshold)).append(" under the ")
                    .append(policy.label()).append(" policy; not triggered for the ");
        }
        for (int i = 0; i < roles.size(); i++) {
            zh.append(i > 0 ? "、" : "").append(roles.get(i).chinese()).append(' ').append(names.get(i));
            en.append(i > 0 ? " and " : "").append(roles.get(i).english()).append(' ').append(names.get(i));
        }
        zh.append("。");
        en.append(".");
        if (!missing.isEmpty()) {
            zh.append("名单中缺少该县的").append(String.join("、", missing.stream().map(Role::chinese).toList()))
                    .append("。");
            en.append(" leaders.csv lists no ").append(String.join(" or ", missing.stream().map(Role::english).toList()))
                    .append(" for ").append(r.county()).append('.');
        }
        if (Double.isNaN(r.rate())) {
            zh.append("无数据可据以判断，需抽查该县相关农户。");
            en.append(" There is no data to decide on: the county's households of this domain must be checked.");
        } else if (fragile) {
            zh.append("该结论不稳健（区间跨越问责线）").append(extra >= 0 ? "，约需再抽 " + extra + " 个村" : "").append("。");
            en.append(" Fragile: the interval spans the threshold").append(extra >= 0 ? "; about " + extra
                    + " more villages would probably settle it" : "").append('.');
        }
        return zh + " / " + en;
    }

    /** The assistance rule's name in decisions.csv. */
    public static final String ASSISTANCE = Rule.ASSISTANCE.label();

    /**
     * The plan's second rule: where assistance is not in place (cadre non-compliance at or above the
     * tolerance) or satisfaction is low (below the minimum, 90% by default), the county's leader in
     * charge of assistance is held to account. Satisfaction is a rate that triggers when low, so the
     * policies use the interval's bounds the other way round.
     */
    public static List<Decision> assistance(List<dev.lookback.assist.AssistanceCheck.Rate> rates, Leaders leaders,
            double tolerance, double minimumSatisfaction, DecisionPolicy policy) {
        List<Decision> out = new ArrayList<>();
        for (dev.lookback.assist.AssistanceCheck.Rate r : rates) {
            boolean satisfaction = !Rule.ASSISTANCE.measure(r.measure()).badWhenHigh();
            double threshold = satisfaction ? minimumSatisfaction : tolerance;
            Interval ci = r.interval();
            double estimate = r.estimate().estimate();
            boolean triggered = policy.triggers(estimate, ci, threshold, !satisfaction);
            boolean undefined = !ci.isDefined();
            boolean fragile = fragile(ci, threshold, triggered, !satisfaction);
            int extra = fragile ? extraVillages(r.estimate(), ci.level(), threshold) : -1;
            List<Leaders.Leader> found = leaders.of(r.county(), Role.ASSISTANCE_LEAD);
            String name = found.isEmpty() ? "?" : String.join("/", found.stream().map(Leaders.Leader::name).toList());
            String level = Formats.number(100 * ci.level()) + "%";
            String range = undefined ? "区间无法估计 / no interval" : level + " " + Formats.percent(ci.lower()) + "–"
                    + Formats.percent(ci.upper());
            String zhMeasure = satisfaction ? "群众满意度" : "帮扶干部不合规率";
            String enMeasure = satisfaction ? "satisfaction" : "cadre non-compliance";
            String comparison = satisfaction ? (triggered ? "低于" : "不低于") : (triggered ? "达到" : "未达到");
            String zh = r.county() + zhMeasure + " " + Formats.percent(estimate) + "（" + range + "）" + comparison
                    + (satisfaction ? "标准 " : "容忍度 ") + Formats.percent(threshold) + "，" + (triggered ? "启动问责：" : "不问责：")
                    + Role.ASSISTANCE_LEAD.chinese() + " " + name + "。" + (found.isEmpty()
                            ? "名单中缺少该县的" + Role.ASSISTANCE_LEAD.chinese() + "。" : "")
                    + (fragile && !undefined ? "该结论不稳健（区间跨越标准）" + (extra >= 0 ? "，约需再查 " + extra + " 个村" : "")
                            + "。" : "");
            String en = r.county() + " " + enMeasure + " " + Formats.percent(estimate) + " (" + range + ") "
                    + (triggered ? (satisfaction ? "is below " : "reaches ") : (satisfaction ? "is not below " : "does not reach "))
                    + Formats.percent(threshold) + " under the " + policy.label() + " policy; " + (triggered
                            ? "accountability reaches the " : "not triggered for the ") + Role.ASSISTANCE_LEAD.english()
                    + " " + name + "." + (found.isEmpty() ? " leaders.csv lists no " + Role.ASSISTANCE_LEAD.english()
                            + " for " + r.county() + "." : "") + (fragile && !undefined
                                    ? " Fragile: the interval spans the standard" + (extra >= 0 ? "; about " + extra
                                            + " more villages would probably settle it" : "") + "." : "")
                    + (r.failures().isEmpty() ? "" : " " + r.failures().size() + (satisfaction
                            ? " dissatisfied answers." : " cadres failing."));
            out.add(new Decision(r.county(), ASSISTANCE, r.measure(), estimate, ci.lower(), ci.upper(), threshold,
                    policy.label(), triggered, fragile, extra, Rule.ASSISTANCE.roles(), List.of(name), zh + " / " + en));
        }
        return out;
    }

    /** The fund rule's name in decisions.csv. */
    public static final String FUNDS = Rule.FUNDS.label();

    /**
     * The plan's third rule: where fund use still has major failures — a misused share of audited money,
     * or a share of projects overdue or not started, at or above materiality — the county's government
     * head is held to account. The counties check all their projects, so each measure is a count with no
     * sampling error: its interval is the value, and a decision is never fragile.
     */
    public static List<Decision> funds(List<dev.lookback.funds.FundChecks.CountyFunds> counties, Leaders leaders,
            double materiality, DecisionPolicy policy) {
        List<Decision> out = new ArrayList<>();
        for (dev.lookback.funds.FundChecks.CountyFunds c : counties) {
            List<Leaders.Leader> found = leaders.of(c.county(), Role.GOVERNMENT_HEAD);
            String name = found.isEmpty() ? "?" : String.join("/", found.stream().map(Leaders.Leader::name).toList());
            for (Rule.Measure rm : Rule.FUNDS.measures()) {
                String measure = rm.name();
                boolean misused = measure.equals("misused_share");
                double value = misused ? c.misusedShare() : c.overdueShare();
                boolean triggered = !Double.isNaN(value) && value >= materiality;
                String zh = c.county() + (misused ? "扶贫资金挤占挪用/违规占审计金额 " : "逾期或未开工项目占比 ")
                        + (Double.isNaN(value) ? "无数据" : Formats.percent(value)) + (triggered ? "，达到" : "，未达到")
                        + "重要性水平 " + Formats.percent(materiality) + "，" + (triggered ? "启动问责：" : "不问责：")
                        + Role.GOVERNMENT_HEAD.chinese() + " " + name + "。";
                String en = c.county() + (misused ? " misused share of audited funds " : " share of projects overdue or"
                        + " not started ") + (Double.isNaN(value) ? "has no data" : Formats.percent(value)) + (misused
                                ? " (" + Formats.fixed(c.misused(), 2) + " of " + Formats.fixed(c.audited(), 2) + " yuan)"
                                : " (" + c.overdue() + " of " + c.projects() + ")") + (triggered ? " reaches " : " is below ")
                        + "materiality " + Formats.percent(materiality) + "; " + (triggered ? "accountability reaches the "
                                : "not triggered for the ") + Role.GOVERNMENT_HEAD.english() + " " + name + "."
                        + (found.isEmpty() ? " leaders.csv lists no government head for " + c.county() + "." : "");
                out.add(new Decision(c.county(), FUNDS, measure, value, value, value, materiality, policy.label(),
                        triggered, false, -1, Rule.FUNDS.roles(), List.of(name), zh + " / " + en));
            }
        }
        return out;
    }

    /** Writes decisions.csv: county, rule, measure, estimate, ci_lower, ci_upper, threshold, policy, outcome, fragile, roles, names, evidence. */
    public static void write(Path file, List<Decision> decisions) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "rule", "measure", "estimate", "ci_lower", "ci_upper", "threshold", "policy", "outcome",
                    "fragile", "roles", "names", "evidence");
            for (Decision d : decisions) {
                w.row(d.county(), d.rule(), d.measure(), d.estimate(), d.lower(), d.upper(), d.threshold(), d.policy(),
                        d.outcome(), d.fragile(), String.join(";", d.roles().stream().map(Role::name).toList()),
                        String.join(";", d.names()), d.evidence());
            }
        }
    }
}
