package dev.lookback.report;

import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Measure;
import dev.lookback.rates.ErrorRate;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-screen summary of a review: per county the four rates with their intervals, a flag where
 * an identification or exit rate is at or above the threshold, and what the data-quality check found.
 */
public final class Summary {
    private Summary() {
    }

    /** The summary text. */
    public static String text(CrossCheckResult cross, List<ErrorRate> rates, double threshold) {
        StringBuilder sb = new StringBuilder();
        ErrorRate first = rates.get(0);
        Interval ci = first.interval();
        sb.append(String.format(Locale.ROOT, "Lookback review 回头看 — unit: %s (%s), %s %s%% intervals, threshold %s%n",
                first.unit().label(), first.unit().chinese(), ci.method().label(), Formats.number(100 * ci.level()),
                Formats.percent(threshold)));
        sb.append(String.format(Locale.ROOT, "%-8s %-9s", "county", "villages"));
        for (Measure m : Measure.values()) {
            sb.append(String.format(Locale.ROOT, " %-27s", m.label() + " " + m.chinese()));
        }
        sb.append('\n');
        Map<String, List<ErrorRate>> byCounty = new LinkedHashMap<>();
        for (ErrorRate r : rates) {
            byCounty.computeIfAbsent(r.county(), k -> new ArrayList<>()).add(r);
        }
        List<String> notes = new ArrayList<>();
        byCounty.forEach((county, list) -> {
            ErrorRate any = list.get(0);
            sb.append(String.format(Locale.ROOT, "%-8s %-9s", county, any.villagesSampled() + "/" + any.villagesInFrame()));
            for (ErrorRate r : list) {
                boolean flagged = (r.measure() == Measure.IDENTIFICATION || r.measure() == Measure.EXIT)
                        && r.rate() >= threshold;
                Interval i = r.interval();
                String cell = Formats.percent(r.rate()) + " [" + bound(i.lower()) + "," + bound(i.upper()) + "]"
                        + (flagged ? " ≥!" : "");
                sb.append(String.format(Locale.ROOT, " %-27s", cell));
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
        sb.append(String.format(Locale.ROOT, "%d households spot-checked, %d discrepancies (整改清单), %d data-quality"
                + " findings, %d records left out.%n", cross.spotChecked(), cross.discrepancies().size(),
                cross.findings().size(), cross.recordsLeftOut()));
        return sb.toString();
    }

    private static String bound(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }
}
