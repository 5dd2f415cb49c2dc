package dev.lookback.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The re-check's agreement: Cohen's κ as the textbook and R give it, its interval over villages, and bad input. */
class RecheckTest {
    static final Path SRS = Path.of("src/test/resources/reference/srs");

    @Test
    void kappaIsCohens() {
        // 2×2: 20 both yes, 5 yes/no, 10 no/yes, 15 both no: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        int[][] cells = {{1, 1, 20}, {1, 0, 5}, {0, 1, 10}, {0, 0, 15}};
        for (int[] c : cells) {
            for (int i = 0; i < c[2]; i++) {
                a.add(c[0]);
                b.add(c[1]);
            }
        }
        assertEquals(0.4, Recheck.kappa(a.stream().mapToInt(Integer::intValue).toArray(),
                b.stream().mapToInt(Integer::intValue).toArray(), null), 1e-12);
        // all agree on one category: no room for agreement beyond chance
        assertTrue(Double.isNaN(Recheck.kappa(new int[] {0, 0}, new int[] {0, 0}, null)));
    }

    @Test
    void theIntervalIsAJackknifeOverVillages() {
        // src/test/r/kappa-reference.R: 3 villages of 6, 5 and 7 households
        String[] v = {"V1", "V1", "V1", "V1", "V1", "V1", "V2", "V2", "V2", "V2", "V2", "V3", "V3", "V3", "V3", "V3", "V3", "V3"};
        int[] a = {1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0};
        int[] b = {1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1};
        List<Recheck.Household> list = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            list.add(new Recheck.Household("H" + i, "C", v[i], a[i] == 1, b[i] == 1, Kind.CORRECT, Kind.CORRECT));
        }
        Recheck.Agreement g = Recheck.agreement("C", "qualifies", list, 0.95);
        assertEquals(0.5, g.kappa(), 1e-12);
        assertEquals(0.31975825033339011, g.lower(), 1e-12);
        assertEquals(0.68024174966660989, g.upper(), 1e-12);
        assertEquals(3, g.villages());
        assertEquals(14, g.agreements());
        assertEquals(List.of(4, 2, 2, 10), java.util.Arrays.stream(g.table()).boxed().toList());
    }

    @Test
    void theDrawIsNestedInTheSampleAndReDerivable() {
        Frame frame = Frame.read(TabularSource.of(SRS.resolve("villages.csv")));
        Sample sample = Sample.read(TabularSource.of(SRS.resolve("sample.csv")), frame);
        Map<String, List<String>> d = Recheck.draw(sample, "recheck seed", 2);
        d.forEach((county, villages) -> {
            assertTrue(villages.size() <= 2);
            villages.forEach(x -> assertTrue(sample.contains(x)));
        });
        // SHA-256 of "recheck seed/recheck/<village>", as sha256sum prints it
        assertEquals(dev.lookback.draw.Tickets.sha256("recheck seed/recheck/C01-V000"), Recheck.ticket("recheck seed", "C01-V000"));
    }

    @Test
    void aHouseholdTheSpotCheckNeverVisitedIsNamed() {
        Frame frame = Frame.read(TabularSource.of(SRS.resolve("villages.csv")));
        Sample sample = Sample.read(TabularSource.of(SRS.resolve("sample.csv")), frame);
        TabularSource recheck = TabularSource.csv("recheck.csv", new ByteArrayInputStream(
                "household,county,village,qualifies\nNOPE,C01,C01-V000,true\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> Recheck.run(recheck,
                TabularSource.of(SRS.resolve("self_check.csv")), TabularSource.of(SRS.resolve("spot_check.csv")), sample, 0.95));
        assertTrue(e.getMessage().startsWith("recheck.csv line 2, column household: \"NOPE\" was never visited by the"
                + " spot check"), e.getMessage());
    }
}
