package dev.lookback.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.IdDifference;
import dev.lookback.vocabulary.MismatchCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match gate: the overlap of the two files counted per sampled village, the villages that fail it, the likely
 * cause read from the ids, and ids matched after normalisation only when asked.
 */
class MatchGateTest {
    static final String FRAME = "county,village,households\nA,A1,4\nA,A2,4\nA,A3,4\nB,B1,4\nB,B2,4\n";
    static final String SAMPLE = "county,village\nA,A1\nA,A2\nB,B1\n";
    static final List<String> VILLAGES = List.of("A1", "A2", "A3", "B1", "B2");

    @TempDir
    static Path dir;

    /** A file (the cross-check may read the register twice, a stream only once). */
    static TabularSource csv(String name, String text) {
        try {
            Path p = Files.createDirectories(dir.resolve(Integer.toString(COUNTER.incrementAndGet()))).resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return TabularSource.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    static String id(int village, int h) {
        return String.format("0%d0%d", village + 1, h + 1);
    }

    /** Every household of every village; {@code rewrite} may change a village's id or code as a file writes it. */
    static String register(UnaryOperator<String> idOf, UnaryOperator<String> villageOf) {
        StringBuilder sb = new StringBuilder("household,county,village,persons,status\n");
        for (int v = 0; v < VILLAGES.size(); v++) {
            String village = VILLAGES.get(v);
            for (int h = 0; h < 4; h++) {
                sb.append(idOf.apply(id(v, h))).append(',').append(village.substring(0, 1)).append(',')
                        .append(villageOf.apply(village)).append(",2,").append(h == 0 ? "POOR" : "NON_POOR").append('\n');
            }
        }
        return sb.toString();
    }

    /** Every household of the sampled villages (the first household of each does not qualify). */
    static String spotCheck(Set<String> skipped) {
        StringBuilder sb = new StringBuilder("household,county,village,persons,qualifies\n");
        for (String village : List.of("A1", "A2", "B1")) {
            if (skipped.contains(village)) {
                continue;
            }
            int v = VILLAGES.indexOf(village);
            for (int h = 0; h < 4; h++) {
                sb.append(id(v, h)).append(',').append(village.charAt(0)).append(',').append(village).append(",2,")
                        .append(h == 0 ? "false" : "true").append('\n');
            }
        }
        return sb.toString();
    }

    static Frame frame() {
        return Frame.read(csv("villages.csv", FRAME));
    }

    static CrossCheckResult run(String register, String spot, boolean normalised) {
        Frame frame = frame();
        return CrossCheck.run(frame, Sample.read(csv("sample.csv", SAMPLE), frame), csv("self_check.csv", register),
                csv("spot_check.csv", spot), normalised);
    }

    static List<Mismatch> gate(String register, String spot) {
        CrossCheckResult r = run(register, spot, false);
        List<Mismatch> m = MatchGate.defaults().mismatches(r.matches(), r.frame());
        return CrossCheck.diagnose(r.frame(), "villages.csv", csv("self_check.csv", register), csv("spot_check.csv", spot), m);
    }

    @Test
    void idsNormaliseAsSpreadsheetsRewriteThem() {
        assertEquals("43000000001", Ids.normalise("043000000001"));
        assertEquals(Set.of(IdDifference.LEADING_ZEROS), Ids.differences("043000000001", "43000000001"));
        assertEquals(Set.of(IdDifference.FULL_WIDTH), Ids.differences("０４３０", "0430"));
        assertEquals(Set.of(IdDifference.SPACES), Ids.differences("0430 12", "043012"));
        assertEquals(Set.of(IdDifference.CASE), Ids.differences("h0001", "H0001"));
        assertEquals(Set.of(IdDifference.NUMBER_FORMAT), Ids.differences("430121000000", "4.30121E+11"));
        assertEquals(Set.of(IdDifference.NUMBER_FORMAT), Ids.differences("430121", "430121.0"));
        assertEquals(EnumSet.of(IdDifference.FULL_WIDTH, IdDifference.LEADING_ZEROS), Ids.differences("０４３０", "430"));
        assertEquals(Set.of(), Ids.differences("0430", "0431"), "other ids");
        assertEquals(Set.of(), Ids.differences("0430", "0430"), "the same id");
        assertTrue(Ids.scientific("4.30121E+11"));
        assertFalse(Ids.scientific("430121000000"));
        assertEquals("H0001", Ids.normalise("h0001"), "letters keep their zeros");
    }

    @Test
    void theGateReadsTheSharesAndTheirBoundaries() {
        MatchGate g = MatchGate.defaults();
        assertEquals(Optional.empty(), g.assess(new VillageMatch("A", "A1", 4, 2, 4, 2), 4), "half passes");
        assertEquals(Optional.of(MismatchCause.NOT_IN_REGISTER), g.assess(new VillageMatch("A", "A1", 4, 1, 4, 4), 4));
        assertEquals(Optional.of(MismatchCause.NOT_VISITED), g.assess(new VillageMatch("A", "A1", 4, 4, 9, 4), 9));
        assertEquals(Optional.of(MismatchCause.NO_REGISTER_RECORDS), g.assess(new VillageMatch("A", "A1", 4, 3, 0, 0), 4),
                "households found elsewhere, none of the village in the register");
        assertEquals(Optional.of(MismatchCause.NOT_VISITED), g.assess(new VillageMatch("A", "A1", 0, 0, 0, 0), 4),
                "sampled, in neither file, but the frame gives it households");
        assertEquals(Optional.empty(), g.assess(new VillageMatch("A", "A1", 0, 0, 0, 0), 0), "a village without households");
        assertEquals(Optional.empty(), g.withShares(0, 0).assess(new VillageMatch("A", "A1", 4, 0, 4, 0), 4), "turned off");
        assertThrows(IllegalArgumentException.class, () -> g.withShares(1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new VillageMatch("A", "A1", 4, 5, 4, 4));
    }

    @Test
    void matchingFilesPassAndTheCountsAreThoseOfEachVillage() {
        CrossCheckResult r = run(register(x -> x, x -> x), spotCheck(Set.of()), false);
        assertEquals(List.of(new VillageMatch("A", "A1", 4, 4, 4, 4), new VillageMatch("A", "A2", 4, 4, 4, 4),
                new VillageMatch("B", "B1", 4, 4, 4, 4)), r.matches());
        assertEquals(List.of(), MatchGate.defaults().mismatches(r.matches(), r.frame()));
    }

    @Test
    void idsStrippedOfTheirLeadingZerosAreNamedWithAnExamplePair() {
        String stripped = register(x -> x.startsWith("01") ? x.substring(1) : x, x -> x); // village A1's ids only
        List<Mismatch> m = gate(stripped, spotCheck(Set.of()));
        assertEquals(1, m.size(), m.toString());
        assertEquals(MismatchCause.IDS_WRITTEN_DIFFERENTLY, m.get(0).cause());
        assertEquals(new VillageMatch("A", "A1", 4, 0, 4, 0), m.get(0).match());
        assertEquals("sampled village A1: 0 of 4 spot-checked households are in the register, 0 of 4 register households"
                + " were visited; household ids written differently (leading zeros dropped): 4 would match after"
                + " normalisation, e.g. spot_check.csv line 2 \"0101\" and self_check.csv line 2 \"101\"",
                m.get(0).explanation());
        // matched after normalisation when asked: the same tallies and lists as the clean files, ids as the spot check
        // writes them
        CrossCheckResult clean = run(register(x -> x, x -> x), spotCheck(Set.of()), false);
        CrossCheckResult normalised = run(stripped, spotCheck(Set.of()), true);
        assertEquals(clean.tallies().toString(), normalised.tallies().toString());
        assertEquals(clean.discrepancies().stream().map(Discrepancy::household).toList(),
                normalised.discrepancies().stream().map(Discrepancy::household).toList());
        assertEquals(clean.matches(), normalised.matches());
        assertEquals(List.of(), MatchGate.defaults().mismatches(normalised.matches(), normalised.frame()));
    }

    @Test
    void otherCausesAreToldApart() {
        // the register lacks village B1
        String noB1 = register(x -> x, x -> x).lines().filter(l -> !l.contains(",B1,"))
                .reduce("", (a, b) -> a + b + "\n");
        List<Mismatch> none = gate(noB1, spotCheck(Set.of()));
        assertEquals(List.of(MismatchCause.NO_REGISTER_RECORDS), none.stream().map(Mismatch::cause).toList());
        assertNull(none.get(0).example());
        // the register writes B1's code in lower case
        List<Mismatch> code = gate(register(x -> x, x -> x.equals("B1") ? "b1" : x), spotCheck(Set.of()));
        assertEquals(MismatchCause.VILLAGE_CODE_DIFFERS, code.get(0).cause());
        assertEquals("sampled village B1: 4 of 4 spot-checked households are in the register, 0 of 0 register"
                + " households were visited; village codes written differently (upper and lower case): 4 rows write the"
                + " code that way, e.g. villages.csv \"B1\" and self_check.csv line 14 \"b1\"", code.get(0).explanation());
        // nobody visited A2
        List<Mismatch> unvisited = gate(register(x -> x, x -> x), spotCheck(Set.of("A2")));
        assertEquals(List.of(new VillageMatch("A", "A2", 0, 0, 4, 0)), unvisited.stream().map(Mismatch::match).toList());
        assertEquals(MismatchCause.NOT_VISITED, unvisited.get(0).cause());
        // ids saved in scientific notation lost their digits: nothing can match them
        String spot = spotCheck(Set.of()).replace("0101,", "4.30121E+11,");
        String register = register(x -> x.equals("0101") ? "430121000001" : x, x -> x);
        CrossCheckResult r = run(register, spot, false);
        VillageMatch a1 = r.matches().get(0);
        assertEquals(4, a1.spotHouseholds());
        assertEquals(3, a1.spotInRegister(), "one of four not found: the village passes the gate");
        String allLost = spotCheck(Set.of()).replaceAll("(?m)^01(0\\d),", "4.3012$1E+11,");
        List<Mismatch> lost = gate(register, allLost);
        assertEquals(MismatchCause.IDS_LOST_DIGITS, lost.get(0).cause(), lost.toString());
        assertTrue(lost.get(0).explanation().contains("household ids lost digits (number format (E+ notation or"
                + " decimals)), e.g. spot_check.csv line 2 \"4.301201E+11\""), lost.get(0).explanation());
    }

    @Test
    void anEmptyRegisterOrSpotCheckIsRefusedWithTheFileNamed() {
        InputException register = assertThrows(InputException.class, () -> run("household,county,village,persons,status\n",
                spotCheck(Set.of()), false));
        assertEquals("self_check.csv: the register has no record, only its header: expected every rural household of the"
                + " counties (POOR, EXITED, NON_POOR); a review against an empty register would count every spot-checked"
                + " household as unregistered", register.getMessage());
        assertEquals("自查台账没有任何记录，请提供完整台账", register.fix());
        InputException spot = assertThrows(InputException.class, () -> run(register(x -> x, x -> x),
                "household,county,village,persons,qualifies\n", false));
        assertTrue(spot.getMessage().startsWith("spot_check.csv: the spot check has no household record"),
                spot.getMessage());
    }

    @Test
    void whenBothFilesAreWrongTheSpotCheckIsNamedFirst() {
        // the two files are read side by side; the review still reports what it reported when it read the spot check
        // first: its own fault, then its emptiness, and only then the register's
        String emptyRegister = "household,county,village,persons,status\n";
        InputException empty = assertThrows(InputException.class, () -> run(emptyRegister,
                "household,county,village,persons,qualifies\n", false));
        assertTrue(empty.getMessage().startsWith("spot_check.csv: the spot check has no household record"),
                empty.getMessage());
        InputException columns = assertThrows(InputException.class, () -> run("household,county,village\n1,A,A1\n",
                "household,county,village,persons\n0101,A,A1,3\n", false));
        assertTrue(columns.getMessage().startsWith("spot_check.csv"), columns.getMessage());
        assertTrue(columns.getMessage().contains("qualifies"), columns.getMessage());
    }
}
