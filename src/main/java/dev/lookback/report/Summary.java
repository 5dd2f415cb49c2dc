package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.decide.Decision;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Outcome;
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

    /**
     * The one-screen summary of a result: the rates per county against the review's own threshold, what
     * the cross-check found, and who is reached and why.
     */
    public static String of(ReviewResult result) {
        StringBuilder sb = new StringBuilder(rates(result.crossCheck(), result.rates(), result.settings().threshold()));
        List<Decision> decisions = result.decisions();
        if (!decisions.isEmpty()) {
            sb.append("Accountability (问责): ");
            long reached = decisions.stream().filter(Decision::triggered).count();
            sb.append(reached == 0 ? "no county reaches the threshold under the " + decisions.get(0).policy().label()
                    + " policy.\n" : reached + " decision(s) triggered:\n");
            for (Decision d : decisions) {
                if (d.triggered() || d.fragile()) {
                    sb.append("  ").append(d.triggered() ? "TRIGGERED " : "fragile   ").append(DecisionText.bilingual(d))
                            .append('\n');
                }
            }
            PolicyComparison pc = result.policies();
            if (pc != null) {
                sb.append("各判断规则的风险 What each policy risks here — expected accusations if every county sat on its line"
                        + " / half-way to it, and accusations now:\n");
                for (PolicyComparison.Row r : pc.rows()) {
                    sb.append("  ").append(pad(r.policy().label() + " " + r.policy().chinese()
                            + (r.policy() == result.settings().policy() ? " ←" : ""), 34))
                            .append(String.format(java.util.Locale.ROOT, "%5.1f / %4.1f   %d%n", r.atLine(), r.atHalf(),
                                    r.triggered().size()));
                }
                if (pc.simulated() < pc.decisions()) {
                    sb.append("  (").append(pc.decisions() - pc.simulated()).append(" of ").append(pc.decisions())
                            .append(" decisions not simulated: the assistance link)\n");
                }
            }
            List<Decision> none = decisions.stream().filter(d -> d.outcome() == Outcome.NO_DATA).toList();
            if (!none.isEmpty()) {
                sb.append("No data, neither triggered nor cleared (无数据，需补充核查): ").append(String.join(", ",
                        none.stream().map(d -> d.county() + " " + d.indicator().label()).toList())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The rates part: per county the four rates with their intervals, flagged at or above the threshold. */
    static String rates(CrossCheckResult cross, List<ErrorRate> rates, double threshold) {
        StringBuilder sb = new StringBuilder();
        ErrorRate first = rates.get(0);
        Interval ci = first.interval();
        sb.append("Lookback review 回头看 — unit: ").append(first.unit().label()).append(" (").append(first.unit().chinese())
                .append("), ").append(ci.method().label()).append(' ').append(Formats.number(100 * ci.level()))
                .append("% intervals, threshold ").append(Formats.percent(threshold)).append('\n');
        sb.append(pad("county", 8)).append(' ').append(pad("villages", 9));
        for (Measure m : Measure.values()) {
            sb.append(' ').append(pad(m.label() + " " + m.chinese(), COLUMN));
        }
        sb.append('\n');
        Map<String, List<ErrorRate>> byCounty = new LinkedHashMap<>();
        for (ErrorRate r : rates) {
            byCounty.computeIfAbsent(r.county(), k -> new ArrayList<>()).add(r);
        }
        List<String> notes = new ArrayList<>();
        byCounty.forEach((county, list) -> {
            ErrorRate any = list.get(0);
            sb.append(pad(county, 8)).append(' ').append(pad(any.villagesSampled() + "/" + any.villagesInFrame(), 9));
            for (ErrorRate r : list) {
                boolean flagged = r.measure().rule().isPresent() && r.rate() >= threshold;
                Interval i = r.interval();
                String cell = Formats.percent(r.rate()) + " [" + bound(i.lower()) + "," + bound(i.upper()) + "]"
                        + (flagged ? " ≥!" : "");
                sb.append(' ').append(pad(cell, COLUMN));
                if (!i.note().isEmpty() && !i.isDefined()) {
                    notes.add(county + " " + r.measure().label() + ": " + i.note());
                }
            }
            sb.append('\n');
        });
        sb.append("≥! marks an identification or exit rate at or above the threshold (率达到或超过问责线).\n");
        for (String n : notes) {
            sb.append("  note: ").append(n).append('\n');
        }
        if (cross.tallies().isEmpty() && cross.spotChecked() == 0 && cross.registerRecords() == 0) {
            sb.append("Estimated from village tallies (村级汇总), no household records: ").append(cross.findings().size())
                    .append(" data-quality findings.\n");
            return sb.toString();
        }
        sb.append(cross.spotChecked()).append(" households spot-checked, ").append(cross.discrepancies().size())
                .append(" discrepancies (整改清单), ").append(cross.findings().size()).append(" data-quality findings, ")
                .append(cross.recordsLeftOut()).append(" records left out.\n");
        return sb.toString();
    }

    private static final int COLUMN = 30;

    /** Pads to a width in terminal columns, counting CJK characters as two. */
    static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                    || (c >= 0xffe0 && c <= 0xffe6))) ? 2 : 1;
        }
        StringBuilder sb = new StringBuilder(s);
        for (int i = w; i < width; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "NA" : Formats.fixed(100 * v, 2);
    }
}
