package dev.lookback.draw;

import dev.lookback.frame.Frame;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.frame.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A simple random sample of villages in each county by public-seed tickets: the n_h villages with
 * the smallest {@link Tickets#ticket tickets} (string order), π = n_h/N_h.
 */
public final class SrsDraw {
    private SrsDraw() {
    }

    /** Draws {@code perCounty} villages in every county (all of them where a county has fewer). */
    public static Sample perCounty(Frame frame, String seed, int perCounty) {
        if (!(perCounty >= 1)) {
            throw new IllegalArgumentException("villages per county must be at least 1, got " + perCounty);
        }
        List<SampledVillage> sample = new ArrayList<>();
        for (String county : frame.counties()) {
            List<Village> villages = frame.villages(county);
            List<Map.Entry<String, Village>> tickets = new ArrayList<>(villages.size());
            for (Village v : villages) {
                tickets.add(Map.entry(Tickets.ticket(seed, v.village()), v));
            }
            tickets.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
            int n = Math.min(perCounty, villages.size());
            for (int i = 0; i < n; i++) {
                sample.add(new SampledVillage(county, tickets.get(i).getValue().village(), (double) n / villages.size()));
            }
        }
        return Sample.of(sample);
    }
}
