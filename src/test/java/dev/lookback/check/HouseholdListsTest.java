package dev.lookback.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.ReviewFiles;
import dev.lookback.report.Summary;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review of tallies takes the counting engine's rectification list and findings (discrepancies.csv,
 * data_quality.csv) and gives the same lists, files and rectification lists as the review of the households.
 */
class HouseholdListsTest {
    @TempDir
    Path dir;

    @Test
    void aReviewOfTalliesWithTheEnginesListsGivesTheHouseholdReviewsLists() throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(11));
        Sample sample = Draw.sample(Draw.draw(city.frame(), "lists", DrawMethod.SRS, Allocation.perCounty(city.frame(), 6)));
        city.writeFrameAndRegister(dir);
        city.writeSpotCheck(sample, dir);
        // a spot check with a record left out, so that the findings are not empty
        Files.writeString(dir.resolve("spot_check.csv"), "H99999999,C01,C01-V001,,maybe\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        ReviewResult households = Review.ofFolder(dir).run();
        Path out = dir.resolve("households");
        ReviewFiles.write(households, out);
        assertFalse(households.discrepancies().isEmpty());
        assertFalse(households.findings().isEmpty());
        ReviewResult tallies = Review.ofTallies(dir.resolve("villages.csv"), dir.resolve("sample.csv"),
                out.resolve("tallies.csv")).householdLists(TabularSource.of(out.resolve("discrepancies.csv")),
                        TabularSource.of(out.resolve("data_quality.csv"))).run();
        assertEquals(households.discrepancies(), tallies.discrepancies());
        assertEquals(households.findings(), tallies.findings());
        Path again = dir.resolve("tallies");
        ReviewFiles.write(tallies, again);
        for (String f : List.of("estimates.csv", "discrepancies.csv", "data_quality.csv")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(again.resolve(f)), f);
        }
        try (Stream<Path> lists = Files.list(out.resolve("rectification"))) {
            for (Path p : lists.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertEquals(Files.readString(p), Files.readString(again.resolve("rectification").resolve(p.getFileName())),
                        p.getFileName().toString());
            }
        }
        // the summary says where the lists came from, and that a record was left out there
        String summary = Summary.of(tallies);
        assertTrue(summary.contains("Village tallies 村级汇总; engine's lists: " + households.discrepancies().size()
                + " discrepancies 整改, " + households.findings().size() + " finding"
                + (households.findings().size() == 1 ? "" : "s") + " 数据质量 (1 record left out 未计入)."), summary);
        assertTrue(tallies.crossCheck().mostlyLeftOut().isEmpty());
    }

    @Test
    void aListThatLookback_couldNotHaveWrittenStopsWithItsPlace() throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(12));
        Sample sample = Draw.sample(Draw.draw(city.frame(), "lists", DrawMethod.SRS, Allocation.perCounty(city.frame(), 2)));
        String village = sample.villages().get(0).village();
        String county = sample.villages().get(0).county();
        String header = "household,county,village,kind,kind_zh,self_check_status,qualifies,persons,spot_check_line,"
                + "self_check_line\n";
        String[][] cases = {
            {"H1," + county + "," + village + ",MISSED,漏评,POOR,true,3,2,5\n",
                "d.csv line 2, column kind: \"MISSED\" is not a discrepancy: the register status and the check agree (CORRECT)"},
            {"H1," + county + "," + village + ",WRONGLY_EXITED,错退,NON_POOR,true,3,2,5\n",
                "d.csv line 2, column kind: \"WRONGLY_EXITED\" does not follow from the status and the check: MISSED"},
            {"H1," + county + ",V-NOWHERE,MISSED,漏评,NON_POOR,true,3,2,5\n",
                "d.csv line 2, column village: \"V-NOWHERE\" is not a sampled village (sample.csv)"},
            {"H1," + county + "," + village + ",MISSED,漏评,NON_POOR,true,3,2,5\nH1," + county + "," + village
                + ",MISSED,漏评,NON_POOR,true,3,3,\n", "d.csv line 3, column household: \"H1\" is listed already on line 2"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> HouseholdLists.discrepancies(TabularSource.csv(
                    "d.csv", new java.io.ByteArrayInputStream((header + c[0]).getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8), sample));
            assertEquals(c[1], e.getMessage());
        }
        InputException type = assertThrows(InputException.class, () -> HouseholdLists.findings(TabularSource.csv("q.csv",
                new java.io.ByteArrayInputStream(("file,line,column,household,county,village,type,type_zh,left_out,message\n"
                        + "spot_check.csv,3,,H1,,,TYPO,,true,x\n").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)));
        assertEquals("q.csv line 2, column type: \"TYPO\" is not a finding type Lookback writes (BAD_RECORD, DUPLICATE, …)",
                type.getMessage());
        assertThrows(IllegalStateException.class, () -> Review.of(dir.resolve("a"), dir.resolve("b"), dir.resolve("c"),
                dir.resolve("d")).householdLists(null, null));
    }
}
