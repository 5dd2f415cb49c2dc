package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The draw contract: tickets pinned to digests from sha256sum, whole draws pinned to an independent
 * implementation (src/test/python/draw_reference.py), certainty villages, allocation, extension,
 * verification, and inclusion frequencies over many seeds.
 */
class DrawTest {
    static final String SEED = "2026-05-10 lottery 03 17 22 25 31";

    /** The frame of src/test/python/draw_reference.py. */
    static Frame frame() {
        List<Village> v = new ArrayList<>();
        int[] a = {30, 12, 45, 8, 300, 22, 17, 60};
        int[] b = {25, 25, 25, 25, 0, 40, 10, 90, 33, 12};
        for (int i = 0; i < a.length; i++) {
            v.add(new Village("A", "", String.format("A%02d", i), a[i]));
        }
        for (int i = 0; i < b.length; i++) {
            v.add(new Village("B", "", String.format("B%02d", i), b[i]));
        }
        return Frame.of(v);
    }

    @Test
    void ticketsAreSha256AsSha256sumPrintsThem() {
        // printf '%s' 'seed/C01-V001' | sha256sum (GNU coreutils 9.1)
        assertEquals("f1e95f9e6f2295093c2b764b80f90212566619085454d35cc6baef0251bce86a", Tickets.ticket("seed", "C01-V001"));
        assertEquals("002314cceea8ca39a6950ee5e3c259a85120ae2dbedb8ca176914fef7d5e81c0",
                Tickets.ticket("2026-05-10 双色球 03 17 22 25 31", "C01-V013"));
        assertEquals("b990ce6de827b31239d00950c8382bc872de3a11bb5ce113f561cf3b4024ee0a", Tickets.ticket("lottery 12345", "村001"));
        // (int('f1e95f9e6f229', 16) + 0.5) / 16**13 in Python 3.11
        assertEquals(0.9449672471811347, Tickets.uniform("f1e95f9e6f2295093c2b764b80f90212566619085454d35cc6baef0251bce86a"),
                0);
    }

    private static List<String> drawn(DrawResult r, String county) {
        return r.villages(county).stream().map(v -> v.village() + "=" + v.inclusionProbability())
                .collect(Collectors.toList());
    }

    @Test
    void simpleRandomDrawIsPinned() {
        Map<String, Integer> sizes = Map.of("A", 3, "B", 4);
        DrawResult r = Draw.draw(frame(), SEED, DrawMethod.SRS, Allocation.of(sizes));
        assertEquals(List.of("A00=0.375", "A07=0.375", "A04=0.375"), drawn(r, "A"));
        assertEquals(List.of("B08=0.4", "B07=0.4", "B03=0.4", "B01=0.4"), drawn(r, "B"));
    }

    @Test
    void proportionalDrawTakesLargeVillagesWithCertaintyAndIsPinned() {
        DrawResult r = Draw.draw(frame(), SEED, DrawMethod.PPS, Allocation.of(Map.of("A", 3, "B", 4)));
        assertEquals(List.of("A04=1.0", "A07=0.6185567010309279", "A00=0.30927835051546393"), drawn(r, "A"));
        assertEquals(List.of("B07=1.0", "B08=0.5076923076923077", "B03=0.38461538461538464", "B01=0.38461538461538464"),
                drawn(r, "B"));
        assertTrue(r.villages("A").get(0).certainty());
        // a village without households cannot be drawn, even when every other is
        DrawResult all = Draw.draw(frame(), SEED, DrawMethod.PPS, Allocation.of(Map.of("B", 10)));
        assertEquals(9, all.villages("B").size());
        assertTrue(all.villages("B").stream().allMatch(v -> v.inclusionProbability() == 1.0));
    }

    @Test
    void allocationByLargestRemainders() {
        List<Village> v = new ArrayList<>();
        int[] sizes = {10, 20, 30, 41};
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                v.add(new Village("C" + c, "", "C" + c + "-" + i, 10));
            }
        }
        Frame f = Frame.of(v);
        // n = 10 of N = 101: exact shares 0.990, 1.980, 2.970, 4.059; floors 0, 1, 2, 4 with minimum 2
        // → 2, 2, 2, 4 = 10: nothing left to share
        Allocation a = Allocation.proportional(f, 10, 2);
        assertEquals(List.of(2, 2, 2, 4), List.of(a.size("C0"), a.size("C1"), a.size("C2"), a.size("C3")));
        // without a minimum: floors 0, 1, 2, 4 = 7; remainders .990, .980, .970, .059 → +1 to C0, C1, C2
        Allocation b = Allocation.proportional(f, 10, 0);
        assertEquals(List.of(1, 2, 3, 4), List.of(b.size("C0"), b.size("C1"), b.size("C2"), b.size("C3")));
        assertEquals(10, b.total());
        // ties go to the smaller county code: 4 of 4 equal counties of 10 → 1 each
        Allocation c = Allocation.perCounty(f, 15);
        assertEquals(10, c.size("C0"), "never more than a county has");
    }

    @Test
    void aLargerAllocationExtendsTheSmallerSample() {
        for (DrawMethod m : DrawMethod.values()) {
            DrawResult small = Draw.draw(frame(), SEED, m, Allocation.of(Map.of("A", 2, "B", 3)));
            DrawResult large = Draw.draw(frame(), SEED, m, Allocation.of(Map.of("A", 4, "B", 6)));
            for (DrawnVillage v : small.villages()) {
                assertTrue(large.villages().stream().anyMatch(x -> x.village().equals(v.village())), m + " " + v);
            }
        }
    }

    @Test
    void verificationFindsSwappedAndMissingVillages() {
        DrawResult r = Draw.draw(frame(), SEED, DrawMethod.SRS, Allocation.of(Map.of("A", 3, "B", 4)));
        Sample good = Draw.sample(r);
        assertEquals(List.of(), Draw.verify(frame(), SEED, DrawMethod.SRS, good, Map.of()));
        List<SampledVillage> swapped = new ArrayList<>(good.villages());
        swapped.set(0, new SampledVillage("A", "A01", 0.375));
        List<String> d = Draw.verify(frame(), SEED, DrawMethod.SRS, Sample.of(swapped), Map.of());
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("A: village A00 is drawn (ticket "), d.toString());
        assertTrue(d.get(1).startsWith("A: village A01 is in the sample but not drawn"), d.toString());
        List<String> wrongSeed = Draw.verify(frame(), SEED + " ", DrawMethod.SRS, good, Map.of());
        assertTrue(!wrongSeed.isEmpty());
        List<String> ticket = Draw.verify(frame(), SEED, DrawMethod.SRS, good, Map.of("A00", "00"));
        assertEquals(1, ticket.size());
        assertTrue(ticket.get(0).startsWith("A: village A00 has ticket 00 in the sample"), ticket.toString());
    }

    @Test
    void inclusionFrequenciesOverManySeedsMatchPi() {
        // SRS of 2 of 6 villages: each village should be drawn in a third of 3000 seeds (chi-square, 5 df)
        List<Village> v = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            v.add(new Village("A", "", "V" + i, 10 + 15 * i));
        }
        Frame f = Frame.of(v);
        int seeds = 3000;
        Map<String, Integer> srsCounts = new HashMap<>();
        Map<String, Integer> ppsCounts = new HashMap<>();
        Map<String, Double> lambda = new HashMap<>();
        for (int s = 0; s < seeds; s++) {
            for (DrawnVillage d : Draw.draw(f, "seed " + s, DrawMethod.SRS, Allocation.of(Map.of("A", 2))).villages()) {
                srsCounts.merge(d.village(), 1, Integer::sum);
            }
            for (DrawnVillage d : Draw.draw(f, "seed " + s, DrawMethod.PPS, Allocation.of(Map.of("A", 2))).villages()) {
                ppsCounts.merge(d.village(), 1, Integer::sum);
                lambda.put(d.village(), d.inclusionProbability());
            }
        }
        double chi2 = 0;
        for (int i = 0; i < 6; i++) {
            double expected = seeds * 2 / 6.0;
            double diff = srsCounts.getOrDefault("V" + i, 0) - expected;
            chi2 += diff * diff / expected;
        }
        double p = ChiSquaredDistribution.of(5).survivalProbability(chi2);
        assertTrue(p > 0.001, "chi-square " + chi2 + ", p = " + p + ", counts " + srsCounts);
        // sequential Poisson sampling: frequencies close to λ = n·x/X (the design is approximately πps)
        for (Map.Entry<String, Double> e : lambda.entrySet()) {
            double freq = ppsCounts.get(e.getKey()) / (double) seeds;
            assertEquals(e.getValue(), freq, 0.1 * e.getValue() + 0.02, e.getKey() + " " + ppsCounts);
        }
    }

    @Test
    void anEmptySeedIsRefused() {
        assertEquals("the seed must not be empty: publish it before the draw", assertThrows(IllegalArgumentException.class,
                () -> Draw.draw(frame(), "", DrawMethod.SRS, Allocation.perCounty(frame(), 2))).getMessage());
    }
}
