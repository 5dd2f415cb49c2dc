package dev.lookback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.sim.Demo;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table in docs/trust.md of what the match gate does with the demo when Excel has stripped the register's household ids of
 * their leading zero: for no county, one county and every county, the exit status, the counties without data and the
 * leaders the identification/exit rule reaches. The rows are computed here and must be the README's.
 */
class StrippedIdsTest {
    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void demo() throws IOException {
        input = Demo.run(dir.resolve("demo"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS).inputs();
    }

    /** The README row of a review of the demo with the ids of {@code counties} stripped (null: every county). */
    static String row(String label, Set<String> counties, String... options) throws IOException {
        Path in = Files.createDirectories(dir.resolve(label.replaceAll("[^A-Za-z0-9]", "_")));
        try (var files = Files.list(input)) {
            for (Path f : files.toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        List<String> register = Files.readAllLines(in.resolve("self_check.csv"), StandardCharsets.UTF_8);
        List<String> stripped = new ArrayList<>(List.of(register.get(0)));
        for (String line : register.subList(1, register.size())) {
            String[] f = line.split(",", -1);
            stripped.add(counties == null || counties.contains(f[1]) ? line.replaceFirst("^0+", "") : line);
        }
        Files.write(in.resolve("self_check.csv"), stripped, StandardCharsets.UTF_8);
        Path out = dir.resolve(in.getFileName() + "-out");
        List<String> args = new ArrayList<>(List.of("review", "--input", in.toString(), "--out", out.toString(),
                "--charts", "none", "--policy", "point")); // the plan's literal reading: whom a wrong file would reach
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        StringWriter summary = new StringWriter();
        int status = Main.run(args.toArray(new String[0]), new PrintWriter(summary), new PrintWriter(err));
        String manifest = Files.readString(out.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"match_ids\": \"" + (List.of(options).contains("normalised") ? "normalised"
                : "exact") + "\""), manifest);
        assertEquals(status == 0, manifest.contains("\"usable\": true"), manifest);
        if (status == 2) { // said where a person looks first: the summary, the report, the workbook
            assertTrue(summary.toString().startsWith("不可用 NOT USABLE for "), summary.toString());
            String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
            assertTrue(html.indexOf("id=\"not-usable\"") > 0
                    && html.indexOf("id=\"not-usable\"") < html.indexOf("<section id=\"decisions\">"), "first screen");
            try (var xlsx = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(out.resolve("review.xlsx")))) {
                assertEquals("不可用 NOT USABLE", xlsx.getSheetName(0), "the workbook's first sheet");
                assertEquals("问责结论", xlsx.getSheetName(1));
            }
        }
        Set<String> noData = new TreeSet<>();
        TreeMap<String, Set<String>> reached = new TreeMap<>();
        List<String> decisions = Files.readAllLines(out.resolve("decisions.csv"), StandardCharsets.UTF_8);
        for (String d : decisions.subList(1, decisions.size())) {
            String[] f = d.split(",", -1);
            if (!f[1].equals("identification_exit")) {
                continue;
            }
            if (f[8].equals("NO_DATA")) {
                noData.add(f[0]);
            } else if (f[8].equals("TRIGGERED")) {
                reached.computeIfAbsent(f[0], k -> new java.util.LinkedHashSet<>()).addAll(List.of(f[15].split(";")));
            }
        }
        if (status == 2) {
            assertTrue(err.toString().startsWith("lookback review: 不可用 NOT USABLE for "), err.toString());
        }
        List<String> who = new ArrayList<>();
        reached.forEach((county, names) -> who.add(county + " " + String.join("、", names)));
        return "| " + label + " | " + status + " | " + (noData.isEmpty() ? "none" : noData.size() == 8 ? "all 8"
                : String.join(", ", noData)) + " | " + (who.isEmpty() ? "none" : String.join("; ", who)) + " |";
    }

    @Test
    void theReadmeTableIsWhatTheReviewDoes() throws IOException {
        List<String> rows = List.of(
                row("no county", Set.of()),
                row("one county (C03)", Set.of("C03")),
                row("every county", null),
                row("every county, `--match-ids normalised`", null, "--match-ids", "normalised"));
        String readme = Files.readString(Path.of("docs/trust.md"), StandardCharsets.UTF_8);
        for (String r : rows) {
            assertTrue(readme.contains(r), "the README's table lacks the row\n" + r + "\n" + String.join("\n", rows));
        }
        assertEquals(rows.get(0).substring(rows.get(0).indexOf("| 0 |")), rows.get(3).substring(rows.get(3).indexOf("| 0 |")),
                "normalised ids give the clean review's decisions");
    }
}
