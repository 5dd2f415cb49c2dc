package dev.lookback.rates;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.check.Finding;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.ReviewFiles;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tallies path (tallies.csv computed elsewhere) gives the household path's estimates exactly. */
class TalliesTest {
    @TempDir
    Path dir;

    static TabularSource csv(String name, String text) {
        return TabularSource.csv(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Test
    void talliesGiveTheHouseholdEstimatesExactly() throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(7));
        Sample sample = Draw.sample(Draw.draw(city.frame(), "tallies", DrawMethod.PPS,
                Allocation.perCounty(city.frame(), 5)));
        city.writeFrameAndRegister(dir);
        city.writeSpotCheck(sample, dir);
        IntervalMethod[] all = {IntervalMethod.KORN_GRAUBARD, IntervalMethod.WALD, IntervalMethod.LOGIT,
            IntervalMethod.WILSON, IntervalMethod.BOOTSTRAP};
        for (Unit unit : Unit.values()) {
            ReviewResult households = Review.ofFolder(dir).unit(unit).methods(all)
                    .bootstrap(RaoWuBootstrap.of(3, 200)).run();
            Path out = dir.resolve("out-" + unit.label());
            ReviewFiles.write(households, out);
            ReviewResult tallies = Review.ofTallies(dir.resolve("villages.csv"), dir.resolve("sample.csv"),
                    out.resolve("tallies.csv")).unit(unit).methods(all).bootstrap(RaoWuBootstrap.of(3, 200)).run();
            assertEquals(households.rates().size(), tallies.rates().size());
            for (int i = 0; i < households.rates().size(); i++) {
                ErrorRate h = households.rates().get(i);
                ErrorRate t = tallies.rates().get(i);
                assertEquals(h.county() + h.measure(), t.county() + t.measure());
                assertEquals(h.estimate(), t.estimate(), h.toString());
                for (int k = 0; k < all.length; k++) {
                    Interval a = h.intervals().get(k);
                    Interval b = t.intervals().get(k);
                    assertEquals(a.lower(), b.lower(), 0, h + " " + a.method());
                    assertEquals(a.upper(), b.upper(), 0, h + " " + a.method());
                }
            }
            // and the files are the same, byte for byte
            Path again = dir.resolve("again-" + unit.label());
            ReviewFiles.write(tallies, again);
            assertEquals(Files.readString(out.resolve("estimates.csv")), Files.readString(again.resolve("estimates.csv")));
            assertTrue(tallies.findings().isEmpty());
            assertTrue(tallies.discrepancies().isEmpty());
        }
    }

    static final String FRAME = "county,village,households\nA,A1,30\nA,A2,30\nA,A3,30\nB,B1,30\nB,B2,30\n";
    static final String SAMPLE = "county,village\nA,A1\nA,A2\nB,B1\nB,B2\n";

    static String readError(String tallies) {
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        Sample sample = Sample.read(csv("sample.csv", SAMPLE), frame);
        return assertThrows(InputException.class, () -> MeasureTallies.read(csv("tallies.csv", tallies), frame,
                sample, new ArrayList<>())).getMessage();
    }

    @Test
    void aBadTallyStopsWithItsPlace() {
        String head = "county,village,measure,errors,units\n";
        assertEquals("tallies.csv line 3, column measure: \"exit\" village A1 has this measure already on line 2",
                readError(head + "A,A1,exit,1,10\nA,A1,exit,2,10\n"));
        assertEquals("tallies.csv line 2, column village: \"A3\" is not a sampled village (sample.csv)",
                readError(head + "A,A3,exit,1,10\n"));
        assertEquals("tallies.csv line 2, column village: \"Z9\" is not a village of the frame",
                readError(head + "A,Z9,exit,1,10\n"));
        assertEquals("tallies.csv line 2, column county: \"B\" does not match the frame, where village A1 is in county A",
                readError(head + "B,A1,exit,1,10\n"));
        assertEquals("tallies.csv line 2, column errors: \"11\" is more than the units checked (10)",
                readError(head + "A,A1,exit,11,10\n"));
        assertEquals("tallies.csv line 2, column measure: \"exits\" is not a measure: missed, wrong_inclusion,"
                + " identification or exit", readError(head + "A,A1,exits,1,10\n"));
        assertTrue(readError(head + "A,A1,exit,-1,10\n").startsWith("tallies.csv line 2, column errors: \"-1\""));
        assertTrue(readError(head + "A,A1,exit,1,\n").contains("units checked are required"));
    }

    @Test
    void aSampledVillageWithoutTalliesIsAFindingAndCountsNothing() {
        Frame frame = Frame.read(csv("villages.csv", FRAME));
        Sample sample = Sample.read(csv("sample.csv", SAMPLE), frame);
        List<Finding> findings = new ArrayList<>();
        // 县区 and 村名 are accepted here as in villages.csv: one column vocabulary for every reader
        MeasureTallies t = MeasureTallies.read(csv("tallies.csv", "县区,村名,指标,误差数,核查数\nA,A1,exit,1,10\n"
                + "A,A2,精准退出误差率,0,12\nB,B1,exit,2,8\n"), frame, sample, findings);
        assertEquals(1, findings.size());
        assertEquals(FindingType.VILLAGE_NOT_CHECKED, findings.get(0).type());
        assertEquals("B2", findings.get(0).village());
        assertEquals(List.of(1.0, 0.0, 2.0, 0.0), java.util.Arrays.stream(t.errors(dev.lookback.vocabulary.Measure.EXIT))
                .boxed().toList());
        assertEquals(List.of(10.0, 12.0, 8.0, 0.0), java.util.Arrays.stream(t.units(dev.lookback.vocabulary.Measure.EXIT))
                .boxed().toList());
        assertEquals(0.0, t.units(dev.lookback.vocabulary.Measure.MISSED)[0], "a measure not given counts 0 of 0");
    }
}
