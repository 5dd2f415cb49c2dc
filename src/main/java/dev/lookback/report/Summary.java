package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.decide.Decision;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Sureness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-screen summary of a review: per county the four rates with their intervals, a flag where
 * an identification or exit rate is at or above the threshold, and what the data-quality check found.
 */
public final class Summary {
    private Summary() {
    }

    /** The widest line, in terminal columns (a Chinese character counts two). */
    public static final int WIDTH = 120;

    /** County rows shown before "… more counties" (flagged counties first). */
    static final int COUNTY_ROWS = 12;

    /** Triggered decisions shown one per line before "… more". */
    static final int TRIGGERED_ROWS = 10;

    /**
     * The one-screen summary of a result (at most 40 lines of at most {@link #WIDTH} columns): the rates per
     * county against the review's own threshold, what the cross-check found, every triggered decision on one
     * line with the names it reaches, the fragile and no-data ones counted, and what each policy risks here.
     * The full lists are in review.xlsx, decisions.csv and the report.
     */
    public static String of(ReviewResult result) {
        return of(result, true);
    }

    /**
     * As {@link #of(ReviewResult)}, for a review whose files were written with or without the workbooks
     * ({@code --workbooks none}): where the summary points to the full lists, it names review.xlsx only when it was
     * written.
     */
    public static String of(ReviewResult result, boolean workbooks) {
        StringBuilder sb = new StringBuilder();
        if (!result.usable()) { // first: the review must not be acted on (for these counties)
            line(sb, unusable(result));
        }
        ErrorRate first = result.rates().get(0);
        line(sb, "Lookback 回头看 — " + result.crossCheck().tallies().size() + " villages 样本村, " + first.unit().chinese()
                + " " + first.unit().label() + ", 问责线 threshold " + Formats.percent(result.settings().threshold()));
        if (!result.decisions().isEmpty()) {
            sb.append(firstScreen(result, workbooks));
        }
        sb.append(rates(result.crossCheck(), result.rates(), result.settings().threshold(), workbooks));
        var sample = result.crossCheck().sample();
        if (sample.lastRound() > 1) {
            java.util.Map<String, Integer> added = sample.lastRoundAdditions();
            line(sb, "第 " + sample.lastRound() + " 轮 Round " + sample.lastRound() + " of " + result.settings().rounds()
                    + ": " + added.size() + " " + plural(added.size(), "county", "counties") + " checked again (+"
                    + added.values().stream().mapToInt(Integer::intValue).sum() + " villages: " + String.join(", ",
                            added.keySet()) + "); the others keep their earlier decisions");
        }
        if (result.recheck() != null) {
            var r = result.recheck();
            var q = r.agreements().stream().filter(a -> a.county().equals("ALL") && a.on().equals("qualifies")).findFirst();
            var v = r.agreements().stream().filter(a -> a.county().equals("ALL") && a.on().equals("verdict")).findFirst();
            if (q.isPresent() && v.isPresent()) {
                line(sb, "第三方评估 Re-check: " + q.get().households() + " households, " + q.get().villages() + " villages, κ "
                        + Formats.fixed(q.get().kappa(), 2) + " [" + Formats.fixed(q.get().lower(), 2) + ", "
                        + Formats.fixed(q.get().upper(), 2) + "] (verdicts " + Formats.fixed(v.get().kappa(), 2) + "), "
                        + r.disagreements().size() + " disputed 有争议");
            }
        }
        if (!result.leads().isEmpty()) {
            var leads = result.leads();
            long verified = leads.stream().filter(l -> l.status() != dev.lookback.vocabulary.LeadStatus.PENDING).count();
            long confirmed = leads.stream().filter(l -> l.status().confirmed()).count();
            long overdue = leads.stream().filter(l -> l.overdue(result.asOf(), result.settings().reportDays())).count();
            line(sb, "群众举报 Reports: " + leads.size() + " received 受理, " + verified + " verified 已核实 (" + confirmed
                    + " confirmed 属实), " + (result.asOf() == null ? "no --as-of: overdue not counted"
                            : overdue + " past " + result.settings().reportDays() + " days 超期")
                    + "; 不计入误差率 not in rates");
        }
        List<Decision> decisions = result.decisions();
        if (!decisions.isEmpty()) {
            var settings = result.settings();
            if (settings.rounds() > 1) {
                line(sb, settings.rounds() + " rounds declared 事先声明 " + settings.rounds() + " 轮: decisions at "
                        + lookLevels(settings) + " by round (O'Brien–Fleming spending)");
            }
            PolicyComparison pc = result.policies();
            if (pc != null) {
                line(sb, "各判断规则的风险 Policy risk: accused if all on the line / half-way, now | a leader on the line"
                        + " reached, any:");
                for (PolicyComparison.Row r : pc.rows()) {
                    line(sb, "  " + pad(r.policy().label() + " " + r.policy().chinese()
                            + (r.policy() == result.settings().policy() ? " ←" : ""), 34)
                            + String.format(java.util.Locale.ROOT, "%5.1f / %4.1f   %-4d %7s %7s", r.atLine(), r.atHalf(),
                                    r.triggered().size(), Formats.percent(r.leaderAtLine()),
                                    Formats.percent(r.reviewAtLine())));
                }
                if (pc.simulated() < pc.decisions()) {
                    line(sb, "  (" + (pc.decisions() - pc.simulated()) + " of " + pc.decisions()
                            + " decisions not simulated: the fund link's counts have no sampling error)");
                }
            }
        }
        return sb.toString();
    }

    /**
     * The first screen, in the plan's words: who is reached (name and post), by which measure, the estimate and its
     * interval at the decision's level against the line, and how sure the finding is in words; the decisions above
     * the line but not proven and those without data; what each word means; then what to do next.
     */
    static String firstScreen(ReviewResult result, boolean workbooks) {
        StringBuilder sb = new StringBuilder();
        List<Decision> decisions = result.decisions();
        List<Decision> triggered = decisions.stream().filter(Decision::triggered).toList();
        DecisionPolicy policy = decisions.get(0).policy();
        line(sb, "问责 Who is reached — 启动 " + triggered.size() + " triggered of " + decisions.size() + " "
                + plural(decisions.size(), "decision") + ", " + policy.chinese() + " " + policy.label() + ", at "
                + Formats.percent(decisions.get(0).interval().level()) + " (" + (workbooks ? "review.xlsx, " : "")
                + "decisions.csv):");
        for (Decision d : triggered.subList(0, Math.min(TRIGGERED_ROWS, triggered.size()))) {
            line(sb, "  " + triggeredLine(d));
        }
        if (triggered.size() > TRIGGERED_ROWS) {
            line(sb, "  and " + (triggered.size() - TRIGGERED_ROWS) + " more triggered (decisions.csv)");
        }
        List<Decision> above = decisions.stream().filter(NextSteps::aboveNotProven).toList();
        if (!above.isEmpty()) {
            sb.append(listLine("  " + Sureness.ABOVE_NOT_PROVEN.chinese() + " " + Sureness.ABOVE_NOT_PROVEN.english()
                    + ", follow up first: ", above.stream().map(d -> d.county() + " " + d.indicator().label() + " "
                            + Formats.percent(d.estimate())).toList(), "decisions.csv"));
        }
        List<Decision> none = decisions.stream().filter(d -> d.outcome() == Outcome.NO_DATA).toList();
        if (!none.isEmpty()) {
            sb.append(listLine("  " + Sureness.NO_DATA.chinese() + " no data, check first: ", none.stream()
                    .map(d -> d.county() + " " + d.indicator().label()).toList(), "decisions.csv"));
        }
        for (Sureness w : Sureness.withData()) {
            line(sb, "  · " + w.chinese() + " " + w.english() + ": " + w.englishDetail());
        }
        NextSteps steps = NextSteps.of(result);
        List<String> next = new ArrayList<>();
        if (!steps.followUp().isEmpty()) {
            next.add("补充抽查 follow up " + String.join(", ", steps.followUp().size() <= 4 ? steps.followUp()
                    : List.of(steps.followUp().size() + " counties")));
        }
        if (steps.fundReferrals() + steps.leadReferrals() > 0) {
            next.add("移送 refer " + (steps.fundReferrals() + steps.leadReferrals()) + " (*_referrals.csv)");
        }
        if (steps.items() > 0) {
            next.add("整改 rectify " + steps.items() + " items (rectification/)");
        }
        if (!next.isEmpty()) {
            line(sb, "下一步 Next: " + String.join("; ", next));
        }
        return sb.toString();
    }

    /**
     * A line of a list that says less rather than cut: as many items as fit {@link #WIDTH} columns, then "and N more
     * (where)".
     */
    static String listLine(String head, List<String> items, String where) {
        StringBuilder out = new StringBuilder(head);
        for (int i = 0; i < items.size(); i++) {
            String item = (i == 0 ? "" : ", ") + items.get(i);
            int left = items.size() - i - 1;
            String more = left == 0 ? "" : ", and " + left + " more (" + where + ")";
            String rest = ", and " + (items.size() - i) + " more (" + where + ")";
            if (Workbooks.displayWidth(out + item + more) > WIDTH) {
                out.append(i == 0 ? rest.substring(2) : rest);
                return out.append('\n').toString();
            }
            out.append(item);
        }
        return out.append('\n').toString();
    }

    /**
     * C01 精准退出误差率 3.60% [0.04–21.73] ≥ 2.00% → 党委书记 王丽华、政府主要负责人 李静: 证据充分 proven (the interval at the
     * decision's level).
     */
    static String triggeredLine(Decision d) {
        Interval ci = d.interval();
        String interval = ci.isDefined() && ci.lower() != ci.upper()
                ? " [" + Formats.fixed(100 * ci.lower(), 2) + "–" + Formats.fixed(100 * ci.upper(), 2) + "]" : "";
        String who = String.join("、", d.evidence().reached().stream()
                .map(r -> r.role().chinese() + " " + r.joined()).toList());
        return d.county() + " " + d.indicator().chinese() + " " + Formats.percent(d.estimate()) + interval
                + (d.indicator().badWhenHigh() ? " ≥ " : " < ") + Formats.percent(d.threshold()) + " → "
                + (who.isEmpty() ? "名单缺 no leader listed" : who) + ": " + d.sureness().chinese() + " "
                + d.sureness().english();
    }

    /**
     * The one line that says a review is not usable: 不可用 NOT USABLE: 6449 of 6449 records left out, 6449 in
     * spot_check.xlsx for one reason: … — fix it and run again (line 2: …); the summary cuts it to a line.
     */
    public static String unusable(CrossCheckResult.LeftOut l) {
        return "不可用 NOT USABLE — fix " + l.file() + " and run again: " + l.leftOut() + " " + plural(l.leftOut(), "record")
                + " left out (" + l.kept() + " kept), " + l.count() + " for one reason: " + l.type().chinese() + " "
                + l.type().english() + " (line " + l.example().line() + ": " + l.example().message() + ")";
    }

    /**
     * The one line that says why a review is not usable, whichever way: villages whose spot check and register do
     * not match (the match gate: their counties, the first village's counts and likely cause with an example, and
     * the fix in Chinese), or more records left out than kept; empty when the review is usable.
     */
    public static String unusable(ReviewResult result) {
        var leftOut = result.crossCheck().mostlyLeftOut(); // the root cause when both: nothing could be read
        if (leftOut.isPresent() || result.mismatches().isEmpty()) {
            return leftOut.map(Summary::unusable).orElse("");
        }
        return unusable(result.mismatches());
    }

    /**
     * The one line that says which villages failed the match gate: their counties, the first village's counts and
     * likely cause with an example, and the fix in Chinese.
     */
    public static String unusable(List<dev.lookback.check.Mismatch> mismatches) {
        java.util.SortedSet<String> counties = new java.util.TreeSet<>();
        mismatches.forEach(m -> counties.add(m.county()));
        var first = mismatches.get(0);
        return "不可用 NOT USABLE for " + String.join(", ", counties) + " (无数据 no data, never triggered or cleared): the"
                + " spot check and the register do not match in " + mismatches.size() + " " + plural(mismatches.size(),
                        "village") + " of " + counties.size() + " " + plural(counties.size(), "county", "counties")
                + " — " + first.county() + " " + first.explanation() + " (all in data_quality.csv) / "
                + first.cause().chinese() + "：" + first.cause().chineseDetail();
    }

    /** "1 decision", "2 decisions". */
    static String plural(long n, String noun) {
        return plural(n, noun, noun + "s");
    }

    /** "1 discrepancy", "2 discrepancies". */
    static String plural(long n, String noun, String nouns) {
        return n == 1 ? noun : nouns;
    }

    /**
     * Appends a line of at most {@link #WIDTH} columns; a longer text is wrapped where a word ends (a space, or between
     * two Chinese characters), its continuation indented, never cut inside a word.
     */
    static void line(StringBuilder sb, String text) {
        String rest = text;
        String indent = "";
        while (Workbooks.displayWidth(indent + rest) > WIDTH) {
            int at = breakAt(rest, WIDTH - Workbooks.displayWidth(indent));
            if (at <= 0) {
                break; // one word wider than a line: left whole
            }
            sb.append(indent).append(rest, 0, at).append('\n');
            rest = rest.substring(at).stripLeading();
            indent = "    ";
        }
        sb.append(indent).append(rest).append('\n');
    }

    /** Where to break a text to fit {@code width} columns: after the last space or Chinese character that fits. */
    static int breakAt(String text, int width) {
        int w = 0;
        int best = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cw = Workbooks.wide(cp) ? 2 : 1;
            if (w + cw > width) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
            if (cp == ' ' || Workbooks.wide(cp) && i < text.length() && Workbooks.wide(text.codePointAt(i))) {
                best = i;
            }
        }
        return best;
    }

    /** The text, cut with … to at most {@code width} terminal columns. */
    static String fit(String text, int width) {
        if (Workbooks.displayWidth(text) <= width) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cw = Workbooks.wide(cp) ? 2 : 1;
            if (w + cw > width - 1) {
                break;
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** The rates part: per county the four rates with their intervals, flagged at or above the threshold. */
    static String rates(CrossCheckResult cross, List<ErrorRate> rates, double threshold, boolean workbooks) {
        StringBuilder sb = new StringBuilder();
        ErrorRate first = rates.get(0);
        Interval ci = first.interval();
        line(sb, "误差率 Rates, " + ci.method().label() + " " + Formats.number(100 * ci.level())
                + "% 置信区间 intervals (the decisions' own level above):");
        StringBuilder zh = new StringBuilder(pad("县", 10) + pad("样本村", 9));
        StringBuilder en = new StringBuilder(pad("county", 10) + pad("villages", 9));
        for (Measure m : Measure.values()) {
            zh.append(pad(m.chinese() + " %", COLUMN));
            en.append(pad(m.label(), COLUMN));
        }
        line(sb, zh.toString().stripTrailing());
        line(sb, en.toString().stripTrailing());
        Map<String, List<ErrorRate>> byCounty = new LinkedHashMap<>();
        for (ErrorRate r : rates) {
            byCounty.computeIfAbsent(r.county(), k -> new ArrayList<>()).add(r);
        }
        List<String> notes = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<String> counties = new ArrayList<>(byCounty.keySet());
        counties.remove(ErrorRate.ALL);
        java.util.function.Predicate<String> flagged = c -> byCounty.get(c).stream()
                .anyMatch(r -> r.measure().rule().isPresent() && r.rate() >= threshold);
        if (counties.size() <= COUNTY_ROWS) {
            shown.addAll(counties);
        } else { // flagged counties first, then the others, in the frame's order
            counties.stream().filter(flagged).limit(COUNTY_ROWS).forEach(shown::add);
            counties.stream().filter(flagged.negate()).limit(COUNTY_ROWS - shown.size()).forEach(shown::add);
            shown.sort(java.util.Comparator.comparingInt(counties::indexOf));
        }
        for (String county : shown) {
            row(sb, county, byCounty.get(county), threshold, notes);
        }
        if (shown.size() < counties.size()) {
            line(sb, "… " + (counties.size() - shown.size()) + " more counties, " + counties.stream().filter(flagged)
                    .filter(c -> !shown.contains(c)).count() + " of them flagged (estimates.csv"
                    + (workbooks ? ", review.xlsx)" : ")"));
        }
        if (byCounty.containsKey(ErrorRate.ALL)) {
            row(sb, ErrorRate.ALL, byCounty.get(ErrorRate.ALL), threshold, notes);
        }
        line(sb, "≥! at or above the threshold (达到或超过问责线); NA: no interval (无区间)"
                + (notes.isEmpty() ? "" : ": " + String.join(", ", notes)));
        if (cross.fromTallies()) {
            if (cross.discrepancies().isEmpty() && cross.recordsLeftOut() == 0) {
                line(sb, "Estimated from village tallies (村级汇总), no household records: " + cross.findings().size()
                        + " data-quality " + plural(cross.findings().size(), "finding") + ".");
            } else { // the lists of the engine that counted the tallies (lookback-spark tallies)
                line(sb, "Village tallies 村级汇总; engine's lists: " + cross.discrepancies().size() + " "
                        + plural(cross.discrepancies().size(), "discrepancy", "discrepancies") + " 整改, "
                        + cross.findings().size() + " " + plural(cross.findings().size(), "finding") + " 数据质量 ("
                        + cross.recordsLeftOut() + " " + plural(cross.recordsLeftOut(), "record") + " left out 未计入).");
            }
            return sb.toString();
        }
        line(sb, cross.spotChecked() + " households spot-checked 抽查户, " + cross.discrepancies().size() + " "
                + plural(cross.discrepancies().size(), "discrepancy", "discrepancies")
                + " 整改, " + cross.findings().size() + " data-quality " + plural(cross.findings().size(), "finding")
                + " 数据质量, " + cross.recordsLeftOut() + " " + plural(cross.recordsLeftOut(), "record")
                + " left out 未计入.");
        return sb.toString();
    }

    /** The decision level of each declared round, e.g. {@code 99.69%, 95.31%}. */
    static String lookLevels(dev.lookback.ReviewSettings s) {
        return java.util.stream.IntStream.rangeClosed(1, Math.max(1, s.rounds()))
                .mapToObj(k -> Formats.percent(s.decisionLevel(k)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One county's row: its four rates in % with their intervals. */
    private static void row(StringBuilder sb, String county, List<ErrorRate> list, double threshold, List<String> notes) {
        ErrorRate any = list.get(0);
        StringBuilder r = new StringBuilder(pad(fit(county, 9), 10)).append(pad(any.villagesSampled() + "/"
                + any.villagesInFrame(), 9));
        for (ErrorRate e : list) {
            boolean flagged = e.measure().rule().isPresent() && e.rate() >= threshold;
            Interval i = e.interval();
            r.append(pad(bound(e.rate()) + " [" + bound(i.lower()) + "," + bound(i.upper()) + "]"
                    + (flagged ? " ≥!" : ""), COLUMN));
            if (!i.isDefined() && !Double.isNaN(e.rate())) {
                notes.add(county + " " + e.measure().label());
            }
        }
        line(sb, r.toString().stripTrailing());
    }

    private static final int COLUMN = 23;

    /** Pads to a width in terminal columns, counting CJK characters as two. */
    static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = Workbooks.displayWidth(s); i < width; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "NA" : Formats.fixed(100 * v, 2);
    }
}
