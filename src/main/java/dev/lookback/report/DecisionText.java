package dev.lookback.report;

import dev.lookback.chart.Lang;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Evidence;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.Field;
import dev.lookback.vocabulary.Indicator;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision as one sentence in Chinese or English, from its data and the vocabulary's names: the
 * estimate and its interval, the line and the policy, whom the rule reaches, who is missing from
 * leaders.csv, no data, and what would settle a fragile decision. One builder for every indicator.
 */
public final class DecisionText {
    private DecisionText() {
    }

    /** "zh / en": the evidence column of decisions.csv. */
    public static String bilingual(Decision d) {
        return sentence(d, Lang.ZH) + " / " + sentence(d, Lang.EN);
    }

    /** The evidence in one language. */
    public static String sentence(Decision d, Lang l) {
        Indicator ind = d.indicator();
        Evidence ev = d.evidence();
        Interval ci = d.interval();
        boolean noData = d.outcome() == Outcome.NO_DATA;
        boolean zh = l == Lang.ZH;
        StringBuilder s = new StringBuilder(d.county()).append(zh ? "" : " ").append(zh ? ind.chinese() : ind.english());
        if (Double.isNaN(d.estimate())) {
            s.append(zh ? "无数据" : ": no data");
        } else {
            s.append(' ').append(Formats.percent(d.estimate())).append(zh ? "（" : " (").append(measured(d, l))
                    .append(zh ? "）" : ")");
        }
        String line = (zh ? ind.line().chinese() : "the " + ind.line().english()) + " " + Formats.percent(d.threshold());
        String how = ev.census() ? "" : zh ? d.policy().chinese() : " under the " + d.policy().label() + " policy";
        String compared;
        if (ind.badWhenHigh()) {
            compared = zh ? (d.triggered() ? "达到" : "未达到") : (d.triggered() ? " reaches " : " does not reach ");
        } else {
            compared = zh ? (d.triggered() ? "低于" : "不低于") : (d.triggered() ? " is below " : " is not below ");
        }
        if (noData) {
            s.append(zh ? "，" + how + "无法判断，不作结论：" : "; the " + (ev.census() ? "rule" : d.policy().label()
                    + " policy") + " has nothing to decide on: no decision for the ");
        } else {
            s.append(zh ? "，" + how + compared + line + "，" : compared + line + how + "; ");
            s.append(zh ? (d.triggered() ? "启动问责：" : "不问责：")
                    : (d.triggered() ? "accountability reaches the " : "not triggered for the "));
        }
        List<String> who = new ArrayList<>();
        for (Evidence.Reached r : ev.reached()) {
            who.add((zh ? r.role().chinese() : r.role().english()) + " " + r.joined());
        }
        s.append(String.join(zh ? "、" : " and ", who)).append(zh ? "。" : ".");
        List<Role> missing = ev.missing();
        if (!missing.isEmpty()) {
            s.append(zh ? "名单中缺少该县的" + String.join("、", missing.stream().map(Role::chinese).toList()) + "。"
                    : " leaders.csv lists no " + String.join(" or ", missing.stream().map(Role::english).toList())
                            + " for " + d.county() + ".");
        }
        if (noData && ev.withheld()) {
            s.append(zh ? "该县数据不可用（抽查与自查台账对不上，或多数记录无法读取；见数据质量），已剔除：须先改正数据再复核，增抽村无济于事。"
                    : " The county's data are not usable (its spot check and register do not match, or most records"
                            + " could not be read; see the data quality): they were set aside; correct them and review"
                            + " again (more villages would not help).");
        } else if (noData) {
            s.append(zh ? "无数据可据以判断，需补充核查。" : " There is no data to decide on: it must be checked.");
        } else if (d.fragile()) {
            int extra = ev.extraVillages();
            if (d.aboveLineNotProven()) {
                s.append(zh ? "估计值已过线但证据不足（" + Field.ABOVE_LINE_NOT_PROVEN.chinese() + "），优先补充核查。"
                        : " The estimate alone is over the line, but it is not proven (" + Field.ABOVE_LINE_NOT_PROVEN.english()
                                + "): the follow-up's first candidate.");
            }
            if (zh) {
                s.append("该结论不稳健（").append(ci.isDefined() ? "区间跨越" + ind.line().chinese() : "无区间").append('）')
                        .append(extra >= 0 ? "，再抽 " + extra + " 个村有八成把握定论" : "").append('。');
            } else {
                s.append(" Fragile: ").append(ci.isDefined() ? "the interval spans the " + ind.line().english()
                        : "there is no interval").append(extra >= 0 ? "; " + extra + " more "
                                + (extra == 1 ? "village" : "villages") + " settle it with an 80% chance" : "").append('.');
            }
        }
        return s.toString();
    }

    /** The interval, or the census counts, inside the brackets. */
    private static String measured(Decision d, Lang l) {
        boolean zh = l == Lang.ZH;
        Evidence ev = d.evidence();
        Interval ci = d.interval();
        if (ev.census()) {
            return Formats.number(ev.count()) + (zh ? " / " : " of ") + Formats.number(ev.of());
        }
        String level = Formats.number(100 * ci.level()) + "%";
        String interval = !ci.isDefined() ? (zh ? "区间无法估计" : "no interval" + (ci.note().isEmpty() ? "" : ": "
                + ci.note())) : (zh ? level + "区间 " : level + " CI ") + Formats.percent(ci.lower()) + "–"
                        + Formats.percent(ci.upper());
        if (d.indicator() instanceof Measure) {
            return interval;
        }
        double failing = d.indicator().badWhenHigh() ? ev.count() : ev.of() - ev.count();
        return interval + (zh ? "；不达标 " + Formats.number(failing) + " / " + Formats.number(ev.of())
                : "; " + Formats.number(failing) + " of " + Formats.number(ev.of()) + " fall short");
    }
}
