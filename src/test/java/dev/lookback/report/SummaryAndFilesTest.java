package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary flags at the review's own threshold, and county codes from the data never steer where a
 * file is written: two counties named like paths, every village sampled, one missed household each.
 */
class SummaryAndFilesTest {
    static final String ESCAPING = "../../x";
    static final String NESTED = "市辖区/城关镇";

    static Review city(Path dir) throws IOException {
        Files.writeString(dir.resolve("villages.csv"), "county,village,households\n" + ESCAPING + ",V1,2\n" + ESCAPING
                + ",V2,2\n" + NESTED + ",V3,2\n" + NESTED + ",V4,2\n");
        Files.writeString(dir.resolve("sample.csv"), "county,village\n" + ESCAPING + ",V1\n" + ESCAPING + ",V2\n"
                + NESTED + ",V3\n" + NESTED + ",V4\n");
        StringBuilder register = new StringBuilder("household,county,village,persons,status\n");
        StringBuilder spot = new StringBuilder("household,county,village,persons,qualifies\n");
        int h = 0;
        for (String[] v : new String[][] {{ESCAPING, "V1"}, {ESCAPING, "V2"}, {NESTED, "V3"}, {NESTED, "V4"}}) {
            for (int k = 0; k < 2; k++) {
                String id = "H" + (h++);
                register.append(id).append(',').append(v[0]).append(',').append(v[1]).append(",2,NON_POOR\n");
                // the first household of V1 and of V3 should have been registered as poor: missed
                boolean missed = k == 0 && (v[1].equals("V1") || v[1].equals("V3"));
                spot.append(id).append(',').append(v[0]).append(',').append(v[1]).append(",2,").append(missed).append('\n');
            }
        }
        Files.writeString(dir.resolve("self_check.csv"), register);
        Files.writeString(dir.resolve("spot_check.csv"), spot);
        return Review.ofFolder(dir);
    }

    @Test
    void theSummaryFlagsAtTheReviewsThreshold(@TempDir Path dir) throws IOException {
        // identification error rate 2/8 = 25% in each county
        ReviewResult high = city(dir).threshold(0.30).run();
        String text = Summary.of(high);
        assertTrue(text.contains("threshold 30.00%"), text);
        assertFalse(text.contains("≥!]") || text.lines().anyMatch(l -> l.startsWith("ALL") && l.contains(" ≥!")), text);
        ReviewResult low = city(dir).threshold(0.20).run();
        assertTrue(Summary.of(low).lines().anyMatch(l -> l.startsWith("ALL") && l.contains(" ≥!")), Summary.of(low));
    }

    @Test
    void theDemoSummaryFitsAScreen(@TempDir Path dir) throws IOException {
        ReviewResult r = dev.lookback.sim.Demo.run(dir.resolve("input"), dev.lookback.sim.Demo.SEED,
                dev.lookback.sim.Demo.PER_COUNTY, dev.lookback.vocabulary.Unit.PERSONS).result();
        String text = Summary.of(r);
        List<String> lines = text.lines().toList();
        assertTrue(lines.size() <= 40, lines.size() + " lines:\n" + text);
        for (String l : lines) {
            assertTrue(Workbooks.displayWidth(l) <= Summary.WIDTH, Workbooks.displayWidth(l) + " columns: " + l);
        }
        // every triggered decision on its own line, with the names it reaches
        for (var d : r.triggered()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + d.county() + " " + d.indicator().chinese())
                    && d.names().stream().allMatch(l::contains)), d + "\n" + text);
        }
        assertTrue(text.contains("启动 " + r.triggered().size() + " triggered"), text);
        // the first screen: who is reached with how sure in words, what each word means, then what to do next
        assertTrue(lines.get(1).startsWith("问责 Who is reached"), text);
        for (var d : r.triggered()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + d.county() + " " + d.indicator().chinese())
                    && l.endsWith(d.sureness().chinese() + " " + d.sureness().english())), d + "\n" + text);
        }
        for (var w : dev.lookback.vocabulary.Sureness.values()) {
            if (w != dev.lookback.vocabulary.Sureness.NO_DATA) {
                assertTrue(text.contains("· " + w.chinese() + " " + w.english() + ": " + w.englishDetail()), w.name());
            }
        }
        assertTrue(text.indexOf("下一步 Next:") < text.indexOf("误差率 Rates"), text);
        // nothing is cut: no line ends in an ellipsis, and a wrapped line breaks where a word ends
        assertFalse(text.contains("…"), text);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("    ")), "the demo's summary says less, not wraps:\n" + text);
        // the county table's columns line up on screen: every rate column starts at the same display column
        List<String> rows = lines.stream().filter(l -> l.startsWith("C0") || l.startsWith("ALL")).toList();
        int at = Workbooks.displayWidth(rows.get(0).substring(0, rows.get(0).indexOf('[')));
        for (String row : rows) {
            assertEquals(at, Workbooks.displayWidth(row.substring(0, row.indexOf('['))), row);
        }
        assertEquals("1 decision", "1 " + Summary.plural(1, "decision"));
        assertEquals("2 discrepancies", "2 " + Summary.plural(2, "discrepancy", "discrepancies"));
        assertEquals("精准退出…", Summary.fit("精准退出误差率 exit", 10));
        StringBuilder wrapped = new StringBuilder();
        Summary.line(wrapped, "word ".repeat(30) + "精准退出误差率".repeat(10));
        for (String l : wrapped.toString().lines().toList()) {
            assertTrue(Workbooks.displayWidth(l) <= Summary.WIDTH, l);
            assertFalse(l.endsWith("wor") || l.strip().startsWith("rd"), l);
        }
        assertEquals(("word ".repeat(30) + "精准退出误差率".repeat(10)).replace(" ", ""),
                wrapped.toString().replace("\n", "").replace(" ", ""), "nothing lost");
    }

    @Test
    void countyCodesNeverLeaveTheOutputFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a").resolve("b").resolve("out");
        ReviewFiles.write(city(dir).unit(dev.lookback.vocabulary.Unit.HOUSEHOLDS).run(), out);
        List<String> index = Files.readAllLines(out.resolve("rectification/index.csv"));
        assertEquals("county,file,workbook", index.get(0));
        assertEquals(3, index.size(), index.toString());
        for (String line : index.subList(1, index.size())) {
            String[] f = line.split(",");
            assertTrue(Files.isRegularFile(out.resolve("rectification").resolve(f[f.length - 2])), line);
            assertTrue(Files.isRegularFile(out.resolve("rectification").resolve(f[f.length - 1])), line);
        }
        assertTrue(index.contains(ESCAPING + "," + FileNames.safe(ESCAPING) + ".csv," + FileNames.safe(ESCAPING) + ".xlsx"),
                index.toString());
        assertTrue(index.contains(NESTED + "," + FileNames.safe(NESTED) + ".csv," + FileNames.safe(NESTED) + ".xlsx"),
                index.toString());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.filter(Files::isRegularFile).filter(p -> !p.startsWith(out))
                    .allMatch(p -> p.getParent().equals(dir)), "nothing written outside --out");
        }
        assertTrue(Files.readString(out.resolve("rectification").resolve(FileNames.safe(NESTED) + ".csv"))
                .contains("H4,V3,漏评"));
    }
}
