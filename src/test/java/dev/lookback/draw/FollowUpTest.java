package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follow-up round extends the certified draw: nested, the next tickets, re-derivable, one round at a time. */
class FollowUpTest {
    static Frame frame() {
        List<Village> v = new ArrayList<>();
        for (String county : new String[] {"A", "B"}) {
            for (int i = 0; i < 20; i++) {
                v.add(new Village(county, "", county + "-V" + i, 10 + i));
            }
        }
        return Frame.of(v);
    }

    static Certificate first(Frame frame, String seed) {
        return Certificate.of(Draw.draw(frame, seed, DrawMethod.SRS, Allocation.perCounty(frame, 4)), "villages.csv",
                "f", "test");
    }

    @Test
    void theExtensionIsTheNextTicketsAndKeepsEveryEarlierVillage(@TempDir Path dir) throws Exception {
        Frame frame = frame();
        Certificate first = first(frame, "round seed");
        FollowUp f = FollowUp.extend(frame, "f", first, "sha-of-first", Map.of("A", 3));
        assertEquals(2, f.round());
        assertEquals(Map.of("A", 3), f.added());
        // county A: the 7 villages with the smallest tickets, the first 4 among them; B unchanged
        List<String> smallest = frame.villages("A").stream()
                .sorted(Comparator.comparing(v -> Tickets.ticket("round seed", v.village())))
                .map(Village::village).limit(7).sorted().toList();
        assertEquals(smallest, f.draw().villages("A").stream().map(DrawnVillage::village).sorted().toList());
        for (Certificate.Village v : first.villages()) {
            assertEquals(1, f.roundOf().get(v.village()));
        }
        assertEquals(3, f.newVillages().get("A").size());
        assertEquals(7.0 / 20, f.draw().villages("A").get(0).inclusionProbability(), 1e-12);
        assertEquals(4, f.draw().villages("B").size());
        // written: the round-2 certificate cites the first and verifies the combined sample
        f.write(dir.resolve("sample.csv"), dir.resolve("cert.json"), dir.resolve("visits.csv"), "villages.csv", "f", "test");
        Certificate second = Certificate.read(dir.resolve("cert.json"));
        assertEquals(2, second.round());
        assertEquals("sha-of-first", second.previousSha256());
        assertEquals(11, second.villages().size());
        assertEquals(3, second.villages().stream().filter(v -> v.round() == 2).count());
        assertEquals(4, Files.readAllLines(dir.resolve("visits.csv")).size());
        assertTrue(Files.readAllLines(dir.resolve("sample.csv")).get(0).endsWith(",round"));
        var sample = dev.lookback.frame.Sample.read(dev.lookback.io.TabularSource.of(dir.resolve("sample.csv")), frame);
        assertTrue(Draw.verify(frame, sample, Map.of(), "round seed", null, 0, second).differences().isEmpty());
        // the declared rounds are spent: no third
        IllegalArgumentException spent = assertThrows(IllegalArgumentException.class,
                () -> FollowUp.extend(frame, "f", second, "x", Map.of("B", 1)));
        assertTrue(spent.getMessage().contains("declares 2 rounds"), spent.getMessage());
        // another frame, or a certificate this seed did not make, is refused
        assertThrows(IllegalArgumentException.class, () -> FollowUp.extend(frame, "g", first, "x", Map.of("A", 1)));
        Certificate forged = new Certificate(first.library(), "another seed", first.method(), first.allocation(), 0,
                first.frame(), "f", first.villagesPerCounty(), first.villages(), 2, 1, "");
        assertThrows(IllegalArgumentException.class, () -> FollowUp.extend(frame, "f", forged, "x", Map.of("A", 1)));
    }

    @Test
    void additionsTakeTheLargestNeedPerCountyAndDoubleWithoutData() {
        List<FollowUp.Unsettled> u = List.of(new FollowUp.Unsettled("A", "exit", false, true, 5, 0.03, 0.01, 0.09, 0.02),
                new FollowUp.Unsettled("A", "identification", false, true, 2, 0.01, 0.0, 0.03, 0.02),
                new FollowUp.Unsettled("B", "exit", true, true, -1, Double.NaN, Double.NaN, Double.NaN, 0.02));
        assertEquals(Map.of("A", 5, "B", 4), FollowUp.additions(u, Map.of("A", 4, "B", 4)));
    }

    @Test
    void onlyDecisionsThatMoreVillagesCouldChangeAreExtended() {
        // triggered but fragile, and over the line but not proven, could change; fragile under the line could not
        assertTrue(FollowUp.Unsettled.couldChange(true, true, false, false));
        assertTrue(FollowUp.Unsettled.couldChange(false, true, true, false));
        assertTrue(FollowUp.Unsettled.couldChange(false, false, false, true), "no data");
        assertFalse(FollowUp.Unsettled.couldChange(false, true, false, false));
        List<FollowUp.Unsettled> u = List.of(new FollowUp.Unsettled("A", "exit", false, false, 9, 0.01, 0.0, 0.03, 0.02),
                new FollowUp.Unsettled("B", "exit", false, true, 3, 0.025, 0.012, 0.04, 0.02));
        assertEquals(Map.of("B", 3), FollowUp.additions(u, Map.of("A", 4, "B", 4)));
    }

    @Test
    void theCombinedSampleIsASimpleRandomSampleOfItsSize() {
        // over 2,000 seeds, every village of county A is in the 4 + 3 villages with frequency 7/20
        Frame frame = frame();
        int seeds = 2000;
        Map<String, Integer> hits = new java.util.TreeMap<>();
        for (int s = 0; s < seeds; s++) {
            FollowUp f = FollowUp.extend(frame, "f", first(frame, "seed " + s), "x", Map.of("A", 3));
            for (DrawnVillage v : f.draw().villages("A")) {
                hits.merge(v.village(), 1, Integer::sum);
            }
        }
        double expected = seeds * 7.0 / 20;
        double chi2 = 0;
        for (Village v : frame.villages("A")) {
            double o = hits.getOrDefault(v.village(), 0);
            chi2 += (o - expected) * (o - expected) / expected;
        }
        // the counts sum to 7·seeds, so 19 degrees of freedom; with (1 − 7/20) the statistic is conservative
        double p = ChiSquaredDistribution.of(19).survivalProbability(chi2 * 20 / 13.0);
        assertTrue(p > 0.001, "chi2 = " + chi2 + ", p = " + p + ", " + hits);
    }

    @Test
    void aBudgetGoesToWhatIsAtStakeFirstAndNoCountyBecomesACensusUnlessAsked() {
        // C: triggered but fragile, needs 6; A: above the line, needs 2 (exit) and 4 (identification); B: no data
        List<FollowUp.Unsettled> u = List.of(
                new FollowUp.Unsettled("A", "exit", false, true, 2, 0.03, 0.01, 0.09, 0.02, false, true),
                new FollowUp.Unsettled("A", "identification", false, true, 4, 0.03, 0.01, 0.05, 0.02, false, true),
                new FollowUp.Unsettled("B", "exit", true, true, -1, Double.NaN, Double.NaN, Double.NaN, 0.02, false, false),
                new FollowUp.Unsettled("C", "exit", false, true, 6, 0.05, 0.01, 0.09, 0.02, true, false),
                new FollowUp.Unsettled("D", "exit", false, false, 3, 0.01, 0.0, 0.03, 0.02, false, false));
        Map<String, Integer> sampled = Map.of("A", 4, "B", 4, "C", 4, "D", 4);
        Map<String, Integer> frame = Map.of("A", 40, "B", 40, "C", 8, "D", 40);
        // 5 villages: C (triggered) needs 6 but has room for 3 short of a census (8 − 4 − 1): capped at 3; then A's exit
        // needs 2 (5 − 3 = 2 left): funded; A's identification would need 2 more: not
        FollowUp.Budgeted five = FollowUp.allocate(u, sampled, frame, 5, false);
        assertEquals(Map.of("C", 3, "A", 2), five.added());
        assertEquals(5, five.total());
        assertEquals(List.of("A", "A", "B", "C"), five.decisions().stream().map(f -> f.decision().county()).toList(),
                "county order; D's decision cannot change who is reached");
        assertEquals(0.8, five.expectedSettled(), 1e-12, "A's exit at its 80%; C capped: less, not counted");
        assertEquals(1, five.capped().size());
        assertEquals(2, five.unfunded().size());
        // with a census allowed, C gets its 4 remaining villages... still short of 6: capped at the frame
        FollowUp.Budgeted census = FollowUp.allocate(u, sampled, frame, 100, true);
        assertEquals(Map.of("C", 4, "A", 4, "B", 4), census.added());
        // no budget: everything that fits; never more than the frame less one village without --allow-census
        FollowUp.Budgeted all = FollowUp.allocate(u, sampled, frame, Integer.MAX_VALUE, false);
        all.added().forEach((county, n) -> assertTrue(sampled.get(county) + n < frame.get(county), county));
        assertEquals(0, FollowUp.allocate(u, sampled, frame, 0, false).total());
        assertThrows(IllegalArgumentException.class, () -> FollowUp.allocate(u, sampled, frame, -1, false));
    }
}
