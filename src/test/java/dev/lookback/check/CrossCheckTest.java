package dev.lookback.check;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Unit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matching, classification, tallies and every data-quality finding on a hand-made city. */
class CrossCheckTest {

    static TabularSource csv(String name, String text) {
        return TabularSource.csv(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    static final String FRAME = "county,village,households\nA,A1,3\nA,A2,3\nA,A3,2\nA,A4,2\nB,B1,2\nB,B2,2\n";
    static final String SAMPLE = "county,village\nA,A1\nA,A2\nB,B1\n";

    @Test
    void classificationFollowsTheContractTable() {
        assertEquals(Kind.MISSED, Kind.of(Status.NON_POOR, true));
        assertEquals(Kind.MISSED, Kind.of(Status.UNREGISTERED, true));
        assertEquals(Kind.CORRECT, Kind.of(Status.NON_POOR, false));
        assertEquals(Kind.CORRECT, Kind.of(Status.UNREGISTERED, false));
        assertEquals(Kind.WRONGLY_INCLUDED, Kind.of(Status.POOR, false));
        assertEquals(Kind.CORRECT, Kind.of(Status.POOR, true));
        assertEquals(Kind.WRONGLY_EXITED, Kind.of(Status.EXITED, true));
        assertEquals(Kind.CORRECT, Kind.of(Status.EXITED, false));
    }

    @Test
    void tallyAndFindEverything() {
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        Sample sample = Sample.read(csv("sample.csv", SAMPLE), frame);
        String register = "户编号,县,村,人数,状态\n"
                + "h1,A,A1,3,贫困户\n"     // line 2: POOR, qualifies → correct
                + "h2,A,A1,2,POOR\n"       // line 3: POOR, does not qualify → 错评
                + "h3,A,A1,4,EXITED\n"     // line 4: EXITED, qualifies → 错退
                + "h4,A,A2,1,NON_POOR\n"   // line 5: NON_POOR, qualifies → 漏评; persons differ
                + "h5,A,A2,2,NON_POOR\n"   // line 6: not covered by the spot check
                + "h6,A,A1,5,EXITED\n"     // line 7: checked in A2: location differs
                + "h7,A,A3,2,POOR\n"       // line 8: unsampled village, not checked: ignored
                + "h8,B,B1,2,脱贫\n"        // line 9: Chinese alias of EXITED, does not qualify
                + "h9,B,B1,3,穷\n"          // line 10: bad status, spot-checked → left out
                + "h5,A,A2,2,NON_POOR\n";  // line 11: duplicate
        String spot = "household,county,village,persons,qualifies\n"
                + "h1,A,A1,,是\n"          // line 2
                + "h2,A,A1,2,否\n"         // line 3
                + "h3,A,A1,,true\n"        // line 4
                + "h4,A,A2,2,true\n"       // line 5: persons 2 verified vs 1
                + "h6,A,A2,,false\n"       // line 6
                + "u1,A,A2,3,true\n"       // line 7: unregistered, qualifies → 漏评
                + "u2,A,A2,,true\n"        // line 8: unregistered, persons blank → left out
                + "h1,A,A1,3,true\n"       // line 9: duplicate → left out
                + "x1,A,A3,2,true\n"       // line 10: village not in the sample → left out
                + "h8,B,B1,2,false\n"      // line 11
                + "h9,B,B1,3,true\n"       // line 12: its register record is bad → left out
                + "z1,B,B1,2,maybe\n"      // line 13: bad qualifies → left out
                + "z2,A,B1,1,false\n";     // line 14: county A but B1 is in B: frame's county used
        CrossCheckResult r = CrossCheck.run(frame, sample, csv("self_check.csv", register), csv("spot_check.csv", spot));

        List<String> findings = r.findings().stream().map(Finding::toString).collect(Collectors.toList());
        List<String> expected = List.of(
                "self_check.csv line 6: register household h5 of sampled village A2 was not covered by the spot check;"
                        + " it is not in the estimates",
                "self_check.csv line 10, column 状态: \"穷\" is not one of POOR/EXITED/NON_POOR (贫困户/已脱贫/一般户);"
                        + " the record is left out",
                "self_check.csv line 11, column household: household h5 appears again in the register (first on line 6);"
                        + " this record is left out");
        assertEquals(expected.get(0), findings.get(findings.indexOf(expected.get(0))));
        assertTrue(findings.contains(expected.get(1)), findings.toString());
        assertTrue(findings.contains(expected.get(2)), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 5, column persons: household h4: 2 persons verified, 1 in the"
                + " register (line 5); the verified count is used"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 6, column village: household h6 was checked in A A2 but the"
                + " register (line 7) has it in A A1; it is counted where it was checked"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 8, column persons: household u2 is not in the register and"
                + " its persons are blank, so it cannot be counted; the household is left out"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 9, column household: household h1 appears again in the spot"
                + " check (first on line 2); this record is left out"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 10, column village: village A3 is not in the sample;"
                + " household x1 is left out"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 12: household h9: its register record (self_check.csv line 10)"
                + " is unusable; the household is left out"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 13, column qualifies: \"maybe\" — expected true or false (是/否);"
                + " the record is left out"), findings.toString());
        assertTrue(findings.contains("spot_check.csv line 14, column county: county A does not match the frame, where"
                + " village B1 is in county B; the frame's county is used"), findings.toString());
        assertEquals(11, r.findings().size(), findings.toString());
        assertEquals(7, r.recordsLeftOut());

        // discrepancies: the rectification list
        List<String> kinds = r.discrepancies().stream().map(d -> d.household() + ":" + d.kind()).collect(Collectors.toList());
        assertEquals(List.of("h2:WRONGLY_INCLUDED", "h3:WRONGLY_EXITED", "h4:MISSED", "u1:MISSED"), kinds);
        Discrepancy u1 = r.discrepancies().get(3);
        assertEquals(Status.UNREGISTERED, u1.status());
        assertEquals(0, u1.registerLine());

        // tallies in sample order
        VillageTally a1 = r.tallies().get(0);
        VillageTally a2 = r.tallies().get(1);
        VillageTally b1 = r.tallies().get(2);
        assertEquals("A1", a1.village());
        assertEquals(5, a1.units(Measure.WRONG_INCLUSION, Unit.PERSONS)); // h1 3 + h2 2
        assertEquals(2, a1.errors(Measure.WRONG_INCLUSION, Unit.PERSONS));
        assertEquals(4, a1.units(Measure.EXIT, Unit.PERSONS));
        assertEquals(4, a1.errors(Measure.EXIT, Unit.PERSONS));
        assertEquals(2, a2.units(Measure.MISSED, Unit.HOUSEHOLDS)); // h4 + u1
        assertEquals(5, a2.errors(Measure.MISSED, Unit.PERSONS)); // 2 verified + 3
        assertEquals(5, a2.units(Measure.EXIT, Unit.PERSONS)); // h6 counted in A2
        assertEquals(0, a2.errors(Measure.EXIT, Unit.PERSONS));
        assertEquals(5, a2.errors(Measure.IDENTIFICATION, Unit.PERSONS));
        assertEquals(2, b1.householdsChecked()); // h8 and z2
        assertEquals(1, b1.units(Measure.MISSED, Unit.HOUSEHOLDS)); // z2 unregistered, does not qualify
        assertEquals(0, b1.errors(Measure.MISSED, Unit.HOUSEHOLDS));
    }

    @Test
    void aSampledVillageWithNoCheckAndAnUnsampledCountyAreReported() {
        Frame frame = Frame.read(csv("villages.csv", FRAME + "C,C1,3\n"));
        Sample sample = Sample.read(csv("sample.csv", SAMPLE), frame);
        CrossCheckResult r = CrossCheck.run(frame, sample, csv("self_check.csv", "household,county,village,persons,status\n"
                + "q,A,A1,1,NON_POOR\n"), csv("spot_check.csv", "household,county,village,persons,qualifies\nq,A,A1,1,false\n"));
        List<String> findings = r.findings().stream().map(Finding::toString).collect(Collectors.toList());
        assertTrue(findings.contains("sample: county C of the frame has no sampled village; it has no estimate and the"
                + " city row does not cover it"), findings.toString());
        assertTrue(findings.contains("spot_check.csv: sampled village B1 has no spot-checked household; it counts as a"
                + " sampled village with no units"), findings.toString());
        assertTrue(r.findings().stream().noneMatch(Finding::leftOut));
        assertEquals(FindingType.COUNTY_NOT_SAMPLED, r.findings().get(0).type(), "findings are sorted by file and line");
    }

    @Test
    void manyUnregisteredHouseholdsPointAtMismatchedIds() {
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        Sample sample = Sample.read(csv("sample.csv", SAMPLE), frame);
        StringBuilder register = new StringBuilder("household,county,village,persons,status\n");
        StringBuilder spot = new StringBuilder("household,county,village,persons,qualifies\n");
        for (int i = 1; i <= 30; i++) {
            register.append(i).append(",A,A1,2,NON_POOR\n"); // ids lost their leading zeros
            spot.append(String.format("%04d", i)).append(",A,A1,2,false\n");
        }
        CrossCheckResult r = CrossCheck.run(frame, sample, csv("self_check.csv", register.toString()),
                csv("spot_check.csv", spot.toString()));
        assertTrue(r.findings().stream().anyMatch(f -> f.type() == FindingType.MANY_UNREGISTERED && f.message().startsWith(
                "30 of 30 spot-checked households are not in the register")), r.findings().toString());
    }

    @Test
    void roundedProbabilitiesAreReported() {
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        Sample sample = Sample.read(csv("sample.csv", "county,village,inclusion_probability\nA,A1,0.5001\nA,A2,0.5001\n"
                + "B,B1,0.5\n"), frame);
        CrossCheckResult r = CrossCheck.run(frame, sample, csv("self_check.csv", "household,county,village,persons,status\n"
                + "q,A,A1,1,NON_POOR\n"), csv("spot_check.csv", "household,county,village,persons,qualifies\nq,A,A1,1,false\n"));
        List<Finding> rounded = r.findings().stream().filter(f -> f.type() == FindingType.PROBABILITY_ROUNDED)
                .collect(Collectors.toList());
        assertEquals(1, rounded.size(), r.findings().toString());
        assertEquals("sample, column inclusion_probability: every village of county A has inclusion probability 0.5001,"
                + " close to but not n/N = 2/4 = 0.5; it is taken as an unequal-probability design (no finite population"
                + " correction). Leave the column blank, or give n/N in full precision, for a simple random sample",
                rounded.get(0).toString());
    }

    @Test
    void theFrameAndSampleMustBeExact() {
        assertEquals("villages.csv line 3, column village: \"A1\" appears again (first on line 2); village codes must be"
                + " unique in the frame", assertThrows(InputException.class,
                        () -> Frame.read(csv("villages.csv", "county,village,households\nA,A1,3\nB,A1,3\n"))).getMessage());
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        assertEquals("sample.csv line 2, column village: \"Z9\" is not a village of the frame", assertThrows(
                InputException.class, () -> Sample.read(csv("sample.csv", "county,village\nA,Z9\n"), frame)).getMessage());
        assertEquals("sample.csv line 2, column county: \"B\" does not match the frame, where village A1 is in county A",
                assertThrows(InputException.class, () -> Sample.read(csv("sample.csv", "county,village\nB,A1\n"), frame))
                        .getMessage());
        assertEquals("sample.csv line 3, column village: \"A1\" is in the sample twice (first on line 2)", assertThrows(
                InputException.class, () -> Sample.read(csv("sample.csv", "county,village\nA,A1\nA,A1\n"), frame))
                .getMessage());
        assertEquals("sample.csv line 2, column 入样概率: \"1.5\" — expected a number from 4.9E-324 to 1.0", assertThrows(
                InputException.class, () -> Sample.read(csv("sample.csv", "县,村,入样概率\nA,A1,1.5\n"), frame))
                .getMessage());
        assertFalse(Sample.read(csv("sample.csv", "县,村,入样概率\nA,A1,\n"), frame).villages().isEmpty());
    }
}
