package dev.lookback.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipe of the README's "Scaling out" section, run as printed: lookback-spark tallies, then lookback review
 * --tallies on its output, against lookback review on the households.
 */
class SparkMainTest {
    static final Path CITY = Path.of("../src/test/resources/reference/srs");

    @BeforeAll
    static void start() {
        LocalSpark.session(); // the command line finds it and leaves it running
    }

    record Run(int status, String out, String err) {
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SparkMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    static Run lookback(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = dev.lookback.cli.Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    static String in(String file) {
        return CITY.resolve(file).toString();
    }

    @Test
    void theTalliesOfSparkGiveTheReviewOfTheHouseholds(@TempDir Path tmp) throws IOException {
        String sparkOut = tmp.resolve("spark-out").toString();
        Run tallies = spark("tallies", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                in("self_check.csv"), "--spot-check", in("spot_check.csv"), "--unit", "households", "--parquet",
                "--out", sparkOut);
        assertEquals(0, tallies.status(), tallies.err());
        assertTrue(tallies.out().contains("lookback review --frame " + in("villages.csv")), tallies.out());
        assertTrue(tallies.out().contains("--discrepancies " + sparkOut + "/discrepancies.csv"), tallies.out());
        Run fromTallies = lookback("review", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--tallies",
                sparkOut + "/tallies.csv", "--discrepancies", sparkOut + "/discrepancies.csv", "--data-quality",
                sparkOut + "/data_quality.csv", "--unit", "households", "--out", tmp.resolve("a").toString());
        assertEquals(0, fromTallies.status(), fromTallies.err());
        Run fromHouseholds = lookback("review", "--frame", in("villages.csv"), "--sample", in("sample.csv"),
                "--self-check", in("self_check.csv"), "--spot-check", in("spot_check.csv"), "--unit", "households",
                "--out", tmp.resolve("b").toString());
        assertEquals(0, fromHouseholds.status(), fromHouseholds.err());
        for (String f : List.of("estimates.csv", "estimate_notes.csv", "discrepancies.csv", "data_quality.csv")) {
            assertEquals(Files.readString(tmp.resolve("b").resolve(f)), Files.readString(tmp.resolve("a").resolve(f)), f);
        }
        // the counties' rectification lists of the review of tallies are the household review's
        try (var lists = Files.list(tmp.resolve("b").resolve("rectification"))) {
            for (Path p : lists.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertEquals(Files.readString(p), Files.readString(tmp.resolve("a").resolve("rectification")
                        .resolve(p.getFileName())), p.getFileName().toString());
            }
        }
        for (String f : List.of("tallies.csv", "discrepancies.csv", "data_quality.csv")) {
            assertEquals(Files.readString(tmp.resolve("b").resolve(f)), Files.readString(Path.of(sparkOut, f)), f);
        }
        // the manifest lists the outputs; the partitioned copies are there, one folder per county
        String manifest = Files.readString(Path.of(sparkOut, "manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"tallies.csv\"") && manifest.contains("\"self_check\""), manifest);
        try (var counties = Files.list(Path.of(sparkOut, "parquet", "discrepancies"))) {
            assertTrue(counties.anyMatch(p -> p.getFileName().toString().startsWith("county=")));
        }
        // a second run replaces the first one's files, and only those
        Run again = spark("tallies", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                in("self_check.csv"), "--spot-check", in("spot_check.csv"), "--unit", "households", "--out", sparkOut);
        assertEquals(0, again.status(), again.err());
        assertTrue(Files.notExists(Path.of(sparkOut, "parquet")));
    }

    @Test
    void badOptionsAndInputsExitTwoWithTheirMessage(@TempDir Path tmp) throws IOException {
        Run none = spark("tallies", "--frame", in("villages.csv"));
        assertEquals(2, none.status());
        assertEquals("lookback-spark: --sample is required / 缺少必需参数 --sample\n", none.err());
        Run unit = spark("tallies", "--frame", "f", "--sample", "s", "--self-check", "r", "--spot-check", "c", "--out",
                "o", "--unit", "villages");
        assertEquals(2, unit.status());
        assertTrue(unit.err().contains("--unit villages: expected persons or households"), unit.err());
        List<String> register = Files.readAllLines(CITY.resolve("self_check.csv"));
        Files.write(tmp.resolve("self_check.csv"), register.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        Run missing = spark("tallies", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                tmp.resolve("self_check.csv").toString(), "--spot-check", in("spot_check.csv"), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("lookback-spark: self_check.csv line 1: missing column status (状态"),
                missing.err());
        // a spot check whose records are mostly unusable: the files are written, the run says so and exits 2
        List<String> spot = Files.readAllLines(CITY.resolve("spot_check.csv"));
        Files.write(tmp.resolve("spot_check.csv"), java.util.stream.IntStream.range(0, spot.size())
                .mapToObj(i -> i == 0 || i % 4 == 0 ? spot.get(i) : spot.get(i).replaceAll(",(true|false)$", ",maybe"))
                .toList());
        Run mostly = spark("tallies", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                in("self_check.csv"), "--spot-check", tmp.resolve("spot_check.csv").toString(), "--out",
                tmp.resolve("mostly").toString());
        assertEquals(2, mostly.status(), mostly.err());
        assertTrue(mostly.err().startsWith("lookback-spark: 不可用 NOT USABLE — fix spot_check.csv and run again: "),
                mostly.err());
        assertTrue(Files.isRegularFile(tmp.resolve("mostly").resolve("data_quality.csv")));
        Run help = spark("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: lookback-spark tallies"));
    }

    @Test
    void filesThatDoNotMatchAreNotUsableOnSparkAndInTheReviewOfItsTallies(@TempDir Path tmp) throws IOException {
        // county C02's register ids written in lower case: its spot-checked households are not found
        List<String> register = Files.readAllLines(CITY.resolve("self_check.csv"));
        Files.write(tmp.resolve("self_check.csv"), register.stream().map(l -> l.contains(",C02,") ? l.replaceFirst("^H", "h")
                : l).toList());
        String sparkOut = tmp.resolve("spark").toString();
        Run tallies = spark("tallies", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                tmp.resolve("self_check.csv").toString(), "--spot-check", in("spot_check.csv"), "--out", sparkOut);
        assertEquals(2, tallies.status(), tallies.err());
        assertTrue(tallies.err().startsWith("lookback-spark: 不可用 NOT USABLE for C02 "), tallies.err());
        assertTrue(Files.readAllLines(Path.of(sparkOut, "tallies.csv")).get(0).endsWith(
                ",spot_households,spot_in_register,register_households,register_in_spot"));
        Run review = lookback("review", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--tallies",
                sparkOut + "/tallies.csv", "--out", tmp.resolve("review").toString(), "--report", "none", "--charts", "none");
        assertEquals(2, review.status(), review.err());
        assertTrue(review.err().startsWith("lookback review: 不可用 NOT USABLE for C02 "), review.err());
        assertTrue(Files.readAllLines(tmp.resolve("review/estimates.csv")).stream()
                .filter(l -> l.startsWith("C02,")).allMatch(l -> l.contains(",NaN,")), "C02 has no data");
        // the household review says the same, and why
        Run households = lookback("review", "--frame", in("villages.csv"), "--sample", in("sample.csv"), "--self-check",
                tmp.resolve("self_check.csv").toString(), "--spot-check", in("spot_check.csv"), "--out",
                tmp.resolve("households").toString(), "--report", "none", "--charts", "none");
        assertEquals(2, households.status(), households.err());
        assertTrue(households.err().contains("household ids written differently (upper and lower case)"), households.err());
        assertEquals(Files.readString(Path.of(sparkOut, "tallies.csv")), Files.readString(tmp.resolve("households/tallies.csv")),
                "the same counts, from either engine");
    }
}
