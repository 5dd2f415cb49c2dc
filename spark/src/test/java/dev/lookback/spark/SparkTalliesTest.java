package dev.lookback.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.report.ReviewFiles;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark path against the in-process path, on the same files: identical tallies.csv, discrepancies.csv and
 * data_quality.csv, identical estimates from the tallies, and the same messages for inputs that cannot be read.
 */
class SparkTalliesTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @AfterAll
    static void stop() {
        spark.conf().unset(SparkSource.RANGE_BYTES);
    }

    /** What the in-process review writes from the files of {@code in}, into {@code out}. */
    static CrossCheckResult inProcess(Path in, Path out, Unit unit) throws IOException {
        Frame frame = Frame.read(TabularSource.of(in.resolve("villages.csv")));
        Sample sample = Sample.read(TabularSource.of(in.resolve("sample.csv")), frame);
        CrossCheckResult cross = CrossCheck.run(frame, sample, TabularSource.of(in.resolve("self_check.csv")),
                TabularSource.of(in.resolve("spot_check.csv")));
        Files.createDirectories(out);
        MeasureTallies.of(cross, unit).write(out.resolve("tallies.csv"));
        ReviewFiles.writeDiscrepancies(out.resolve("discrepancies.csv"), cross.discrepancies());
        ReviewFiles.writeFindings(out.resolve("data_quality.csv"), cross.findings());
        return cross;
    }

    static SparkTallies onSpark(Path in, Path out, Unit unit, SparkSource register, SparkSource spot) throws IOException {
        Frame frame = Frame.read(TabularSource.of(in.resolve("villages.csv")));
        Sample sample = Sample.read(TabularSource.of(in.resolve("sample.csv")), frame);
        SparkTallies t = SparkTallies.run(spark, frame, sample, register, spot);
        t.write(out, unit);
        t.release();
        return t;
    }

    static SparkTallies onSpark(Path in, Path out, Unit unit) throws IOException {
        return onSpark(in, out, unit, SparkSource.csv(in.resolve("self_check.csv").toString()),
                SparkSource.csv(in.resolve("spot_check.csv").toString()));
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String f : List.of("tallies.csv", "discrepancies.csv", "data_quality.csv")) {
            List<String> e = Files.readAllLines(expected.resolve(f), StandardCharsets.UTF_8);
            List<String> a = Files.readAllLines(actual.resolve(f), StandardCharsets.UTF_8);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                assertEquals(e.get(i), a.get(i), f + " line " + (i + 1));
            }
            assertEquals(e.size(), a.size(), f + " lines");
            assertEquals(Files.mismatch(expected.resolve(f), actual.resolve(f)), -1L, f + " bytes");
        }
    }

    /** The estimates of the household review and of a review of the Spark tallies, every interval method. */
    static void assertSameEstimates(Path in, Path sparkOut, Unit unit, Path work) throws IOException {
        IntervalMethod[] all = IntervalMethod.values();
        ReviewResult households = Review.of(in.resolve("villages.csv"), in.resolve("sample.csv"),
                in.resolve("self_check.csv"), in.resolve("spot_check.csv")).unit(unit).methods(all)
                .bootstrap(RaoWuBootstrap.of(7, 200)).run();
        ReviewResult tallies = Review.ofTallies(in.resolve("villages.csv"), in.resolve("sample.csv"),
                sparkOut.resolve("tallies.csv")).unit(unit).methods(all).bootstrap(RaoWuBootstrap.of(7, 200)).run();
        ReviewFiles.writeEstimates(work.resolve("household-estimates.csv"), households.rates());
        ReviewFiles.writeEstimates(work.resolve("spark-estimates.csv"), tallies.rates());
        assertTrue(households.rates().size() > 4);
        assertEquals(Files.readString(work.resolve("household-estimates.csv")),
                Files.readString(work.resolve("spark-estimates.csv")));
    }

    @Test
    void theRepositorysReferenceCitiesGiveTheSameFilesAndEstimates(@TempDir Path tmp) throws IOException {
        for (String design : List.of("srs", "pps")) {
            Path in = Path.of("../src/test/resources/reference", design);
            for (Unit unit : Unit.values()) {
                Path a = tmp.resolve(design + unit + "/in-process");
                Path b = tmp.resolve(design + unit + "/spark");
                inProcess(in, a, unit);
                onSpark(in, b, unit);
                assertSameFiles(a, b);
            }
            assertSameEstimates(in, tmp.resolve(design + Unit.PERSONS + "/spark"), Unit.PERSONS, tmp);
        }
    }

    @Test
    void theDatasetsAsWrittenHaveTheDeclaredColumnsAndTheCsvFilesRows(@TempDir Path tmp) throws IOException {
        Path in = Path.of("../src/test/resources/reference/srs");
        SparkTallies t = onSpark(in, tmp.resolve("spark"), Unit.PERSONS);
        var discrepancies = t.discrepanciesAsWritten();
        assertEquals(dev.lookback.check.HouseholdLists.DISCREPANCIES.header(), List.of(discrepancies.columns()));
        assertEquals(dev.lookback.check.HouseholdLists.DATA_QUALITY.header(), List.of(t.findingsAsWritten().columns()));
        // each row, written as a CSV line, is a line of discrepancies.csv
        List<String> csv = Files.readAllLines(tmp.resolve("spark/discrepancies.csv"), StandardCharsets.UTF_8);
        List<String> rows = discrepancies.collectAsList().stream().map(r -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(r.isNullAt(i) ? "" : r.get(i).toString());
            }
            return sb.toString();
        }).sorted().toList();
        assertTrue(rows.size() > 3, "the reference city has discrepancies");
        assertEquals(csv.subList(1, csv.size()).stream().sorted().toList(), rows);
    }

    @Test
    void theSharedExampleCityGivesTheSameFilesAndEstimates(@TempDir Path tmp) throws IOException {
        Path in = Path.of("../../shared/reference/example-city");
        Assumptions.assumeTrue(Files.isDirectory(in), "the shared example city is beside the repository on the project's"
                + " machines");
        inProcess(in, tmp.resolve("a"), Unit.PERSONS);
        onSpark(in, tmp.resolve("b"), Unit.PERSONS);
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
        assertSameEstimates(in, tmp.resolve("b"), Unit.PERSONS, tmp);
    }

    @Test
    void syntheticCitiesWithEveryFaultGiveTheSameFilesAndEstimates(@TempDir Path tmp) throws IOException {
        spark.conf().set(SparkSource.RANGE_BYTES, "3000"); // many ranges per file: lines counted across them
        try {
            for (long seed : new long[] {11, 12}) {
                Path in = Cities.dirty(Cities.clean(tmp.resolve("city" + seed), 3, 12, 30, seed), seed);
                CrossCheckResult cross = inProcess(in, tmp.resolve(seed + "/in-process"), Unit.PERSONS);
                Set<FindingType> types = cross.findings().stream().map(f -> f.type())
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FindingType.class)));
                assertTrue(types.containsAll(EnumSet.of(FindingType.BAD_RECORD, FindingType.DUPLICATE,
                        FindingType.NOT_IN_SAMPLE, FindingType.LOCATION_DIFFERS, FindingType.PERSONS_DIFFER,
                        FindingType.NOT_COVERED, FindingType.VILLAGE_NOT_CHECKED)), types.toString());
                SparkTallies t = onSpark(in, tmp.resolve(seed + "/spark"), Unit.PERSONS);
                assertSameFiles(tmp.resolve(seed + "/in-process"), tmp.resolve(seed + "/spark"));
                assertEquals(cross.spotChecked(), t.spotChecked());
                assertSameEstimates(in, tmp.resolve(seed + "/spark"), Unit.PERSONS, tmp);
            }
        } finally {
            spark.conf().unset(SparkSource.RANGE_BYTES);
        }
    }

    @Test
    void parquetAndTablesGiveWhatTheirCsvGives(@TempDir Path tmp) throws IOException {
        Path in = Cities.dirty(Cities.clean(tmp.resolve("city"), 2, 9, 25, 21), 21);
        inProcess(in, tmp.resolve("in-process"), Unit.HOUSEHOLDS);
        // the same records as Parquet, in the same order (one file), and the spot check as a Dataset
        String parquet = tmp.resolve("self_check.parquet").toString();
        spark.read().option("header", true).option("inferSchema", false).csv(in.resolve("self_check.csv").toString())
                .coalesce(1).write().parquet(parquet);
        var spots = spark.read().option("header", true).csv(in.resolve("spot_check.csv").toString()).coalesce(1);
        onSpark(in, tmp.resolve("spark"), Unit.HOUSEHOLDS, SparkSource.at(parquet, StandardCharsets.UTF_8),
                SparkSource.of("spot_check.csv", spots));
        List<String> expected = Files.readAllLines(tmp.resolve("in-process/tallies.csv"));
        assertEquals(expected, Files.readAllLines(tmp.resolve("spark/tallies.csv")));
        assertEquals(Files.readAllLines(tmp.resolve("in-process/discrepancies.csv")),
                Files.readAllLines(tmp.resolve("spark/discrepancies.csv")));
        // the findings name the Parquet file where the in-process review names self_check.csv; otherwise the same
        assertEquals(Files.readAllLines(tmp.resolve("in-process/data_quality.csv")).stream()
                .map(l -> l.replace("self_check.csv", "self_check.parquet")).sorted().toList(),
                Files.readAllLines(tmp.resolve("spark/data_quality.csv")).stream().sorted().toList());
    }

    @Test
    void gbkFilesFromExcelAndCatalogTablesGiveWhatUtf8Gives(@TempDir Path tmp) throws IOException {
        Path in = Cities.dirty(Cities.clean(tmp.resolve("city"), 2, 9, 25, 41), 41);
        inProcess(in, tmp.resolve("in-process"), Unit.PERSONS);
        // the same files saved as GBK (Excel on Chinese Windows), read with the GBK encoding
        Path gbk = Files.createDirectories(tmp.resolve("gbk"));
        for (String f : List.of("villages.csv", "sample.csv", "self_check.csv", "spot_check.csv")) {
            Files.write(gbk.resolve(f), Files.readString(in.resolve(f)).getBytes("GBK"));
        }
        onSpark(in, tmp.resolve("spark-gbk"), Unit.PERSONS, SparkSource.csv(gbk.resolve("self_check.csv").toString(),
                java.nio.charset.Charset.forName("GBK")), SparkSource.csv(gbk.resolve("spot_check.csv").toString(),
                java.nio.charset.Charset.forName("GBK")));
        assertSameFiles(tmp.resolve("in-process"), tmp.resolve("spark-gbk"));
        // the spot check as a table of the session's catalog (a Hive table on a cluster)
        spark.read().option("header", true).csv(in.resolve("spot_check.csv").toString()).coalesce(1)
                .createOrReplaceTempView("spot_check_2026");
        onSpark(in, tmp.resolve("spark-table"), Unit.PERSONS, SparkSource.csv(in.resolve("self_check.csv").toString()),
                SparkSource.table("spot_check_2026"));
        for (String f : List.of("tallies.csv", "discrepancies.csv")) {
            assertEquals(Files.readString(tmp.resolve("in-process").resolve(f)),
                    Files.readString(tmp.resolve("spark-table").resolve(f)), f);
        }
    }

    @Test
    void inputsThatCannotBeReadGetTheInProcessMessages(@TempDir Path tmp) throws IOException {
        Path in = Cities.clean(tmp.resolve("city"), 2, 6, 20, 31);
        Frame frame = Frame.read(TabularSource.of(in.resolve("villages.csv")));
        Sample sample = Sample.read(TabularSource.of(in.resolve("sample.csv")), frame);
        // a register without its status column; a spot check whose header lacks 'qualifies' under any name
        List<String> register = Files.readAllLines(in.resolve("self_check.csv"));
        Files.write(tmp.resolve("self_check.csv"), register.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        List<String> spot = Files.readAllLines(in.resolve("spot_check.csv"));
        Files.write(tmp.resolve("spot_check.csv"), spot.stream().map(l -> l.replace("qualifies", "verdict")).toList());
        // a register saved by Excel on Chinese Windows (GBK) read as UTF-8; a record with a comma too many
        Files.write(tmp.resolve("gbk.csv"), (String.join("\n", register) + "\nH9,C01,V0001,3,POOR,贫困户\n")
                .replace("household,county", "户编号,county").getBytes("GBK"));
        Files.write(tmp.resolve("wide.csv"), (String.join("\n", register) + "\nH9,C01,V0001,3,POOR,extra\n").getBytes());
        for (String[] c : new String[][] {{"self_check.csv", "spot_check.csv"}, {"gbk.csv", null}, {"wide.csv", null},
                {null, "spot_check.csv"}}) {
            Path reg = c[0] == null ? in.resolve("self_check.csv") : tmp.resolve(c[0]);
            Path sp = c[1] == null ? in.resolve("spot_check.csv") : tmp.resolve(c[1]);
            InputException expected = assertThrows(InputException.class, () -> CrossCheck.run(frame, sample,
                    TabularSource.of(reg, StandardCharsets.UTF_8), TabularSource.of(sp, StandardCharsets.UTF_8)),
                    String.join(",", c[0] + " " + c[1]));
            InputException actual = assertThrows(InputException.class, () -> SparkTallies.run(spark, frame, sample,
                    SparkSource.csv(reg.toString()), SparkSource.csv(sp.toString())));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }
}
