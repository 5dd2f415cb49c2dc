package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.Village;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Draws with at most k villages of one township (同一乡镇不超过 k 个村). */
class TownshipDrawTest {

    static TreeMap<String, Integer> sizes(Object... pairs) {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void townshipSharesAreLargestRemaindersUnderTheCap() {
        // 4 of 16: quotas 2.5, 1.25, 0.25 → 2, 1, 0 and the largest remainder (A) → 3, 1, 0; no cap reached at k = 3
        assertEquals(Map.of("A", 3, "B", 1, "C", 0), Allocation.byTownship(sizes("A", 10, "B", 5, "C", 1), 4, 3));
        // 5 of 16 with k = 2: A is capped at 2, then B at 2, then C gets the last: 2, 2, 1
        assertEquals(Map.of("A", 2, "B", 2, "C", 1), Allocation.byTownship(sizes("A", 10, "B", 5, "C", 1), 5, 2));
        // ties of remainders go by township code: 3 of 3 × 4 villages → 1 each; 2 of them → A and B
        assertEquals(Map.of("A", 1, "B", 1, "C", 0), Allocation.byTownship(sizes("A", 4, "B", 4, "C", 4), 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Allocation.byTownship(sizes("A", 10, "B", 5, "C", 1), 6, 2));
        assertEquals("6 villages cannot be drawn with at most 2 per township from 3 townships (at most 5)",
                e.getMessage());
    }

    static Frame frame() {
        List<Village> v = new ArrayList<>();
        int[] perTownship = {12, 6, 3, 1};
        for (String county : new String[] {"A", "B"}) {
            int k = 0;
            for (int t = 0; t < perTownship.length; t++) {
                for (int i = 0; i < perTownship[t]; i++) {
                    v.add(new Village(county, county + "-T" + t, county + "-V" + (k++), 20 + i));
                }
            }
            v.add(new Village(county, null, county + "-X", 30)); // a village without a township
        }
        return Frame.of(v);
    }

    @Test
    void aCappedDrawKeepsEveryTownshipUnderKWithPiOfItsTownship() {
        Frame frame = frame();
        DrawResult d = Draw.draw(frame, "township seed", DrawMethod.SRS, Allocation.perCounty(frame, 7)
                .withMaxPerTownship(2));
        assertTrue(d.allocation().description().endsWith(", at most 2 per township"));
        Map<String, Integer> perTownship = new HashMap<>();
        Map<String, Integer> townshipSize = new HashMap<>();
        for (Village v : frame.villages()) {
            townshipSize.merge(v.county() + "/" + v.township(), 1, Integer::sum);
        }
        for (DrawnVillage v : d.villages()) {
            perTownship.merge(v.county() + "/" + frame.village(v.village()).township(), 1, Integer::sum);
        }
        assertEquals(14, d.villages().size());
        for (DrawnVillage v : d.villages()) {
            String key = v.county() + "/" + frame.village(v.village()).township();
            assertTrue(perTownship.get(key) <= 2, key);
            assertEquals((double) perTownship.get(key) / townshipSize.get(key), v.inclusionProbability(), 1e-15, key);
        }
        // each county's villages in ticket order, as in every draw
        for (String county : List.of("A", "B")) {
            List<String> tickets = d.villages(county).stream().map(DrawnVillage::ticket).toList();
            assertEquals(tickets.stream().sorted().toList(), tickets);
        }
        Sample sample = Draw.sample(d);
        Map<String, String> tickets = new HashMap<>();
        d.villages().forEach(v -> tickets.put(v.village(), v.ticket()));
        assertEquals(List.of(), Draw.verify(frame, "township seed", DrawMethod.SRS, 2, sample, tickets));
        assertTrue(!Draw.verify(frame, "township seed", DrawMethod.SRS, 3, sample, tickets).isEmpty(),
                "another cap is another draw");
        assertThrows(IllegalArgumentException.class, () -> Draw.draw(frame, "s", DrawMethod.PPS,
                Allocation.perCounty(frame, 7).withMaxPerTownship(2)));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Draw.draw(frame, "s",
                DrawMethod.SRS, Allocation.perCounty(frame, 10).withMaxPerTownship(2)));
        assertEquals("county A: 10 villages cannot be drawn with at most 2 per township from 5 townships (at most 8)",
                tooMany.getMessage());
    }

    @Test
    void inclusionFrequenciesOverSeedsMatchPi() {
        Frame frame = frame();
        int seeds = 2000;
        Map<String, Integer> hits = new HashMap<>();
        Map<String, Double> pi = new HashMap<>();
        for (int s = 0; s < seeds; s++) {
            for (DrawnVillage v : Draw.draw(frame, "seed " + s, DrawMethod.SRS, Allocation.perCounty(frame, 7)
                    .withMaxPerTownship(2)).villages("A")) {
                hits.merge(v.village(), 1, Integer::sum);
                pi.put(v.village(), v.inclusionProbability());
            }
        }
        for (Map.Entry<String, Double> e : pi.entrySet()) {
            double p = e.getValue();
            double se = Math.sqrt(p * (1 - p) / seeds);
            double observed = hits.get(e.getKey()) / (double) seeds;
            assertTrue(Math.abs(observed - p) <= 4 * se + 1e-12, e.getKey() + ": " + observed + " vs π " + p);
        }
    }
}
