package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar people run, {@code target/lookback.jar}, against the classes the other tests run: the build shades every
 * library into it and leaves out the classes nothing reaches (shade's minimizeJar), so a class that a library loads
 * by name and the analysis missed would fail here, and only here. Run by {@code mvn verify} (or install) after the
 * jar is built, through {@code java -jar} as users run it (the second JVM included): the demo with every chart
 * format, a review reading an Excel workbook, a draw and its verification, and a notebook in the shell; and the
 * libraries kept whole (those that load classes by name, and the statistics libraries an analyst may call in the
 * shell) are whole in the jar.
 */
class JarIT {
    private static final Path JAR = Path.of("target", "lookback.jar");

    @TempDir
    static Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: these tests run after mvn package (mvn verify)");
    }

    /** Runs {@code java -jar target/lookback.jar args} and returns its output; fails unless it exits with 0. */
    private static String jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true"));
        int options = 0;
        while (options < args.length && args[options].startsWith("-D")) {
            command.add(args[options++]); // JVM options first
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args).subList(options, args.length));
        Path log = Files.createTempFile(dir, "jar", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", args) + " failed:\n" + out);
        assertFalse(out.contains("Exception") || out.contains("Error:"), String.join(" ", args) + ":\n" + out);
        return out;
    }

    /** The demo written by the jar with every chart format, once for the tests that compare or read it. */
    private static synchronized Path jarDemo() throws Exception {
        Path demo = dir.resolve("demo-jar");
        if (!Files.isDirectory(demo)) {
            jar("demo", "--out", demo.toString(), "--charts", "png,svg,pdf");
        }
        return demo;
    }

    @Test
    void theLibrariesReadByNameAndTheStatisticsLibrariesAreWhole() throws Exception {
        // one class of each library kept whole (pom.xml); every class of its jar must be in lookback.jar
        List<Class<?>> libraries = List.of(org.apache.commons.statistics.distribution.NormalDistribution.class,
                org.apache.commons.math3.distribution.NormalDistribution.class, tech.tablesaw.api.Table.class,
                org.apache.poi.xssf.usermodel.XSSFWorkbook.class, org.apache.xmlbeans.XmlObject.class,
                org.knowm.xchart.XYChart.class);
        Set<String> inJar = entries(JAR);
        for (Class<?> library : libraries) {
            Path from = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> missing = entries(from).stream().filter(e -> e.endsWith(".class") && !e.startsWith("META-INF/")
                    && !e.endsWith("module-info.class") && !inJar.contains(e)).toList();
            assertTrue(missing.isEmpty(), from.getFileName() + ": " + missing.size() + " classes left out, e.g. "
                    + missing.stream().limit(3).toList());
        }
        assertTrue(inJar.size() < 30_000, "the jar holds " + inJar.size() + " entries: is it still minimized?");
    }

    @Test
    void theSlf4jProviderTheJobIsToldOfIsTheJarsOne() throws Exception {
        // the launcher names the provider (-Dslf4j.provider) so that the job never searches the class path for one
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            ZipEntry services = zip.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
            assertTrue(services != null, "the jar has no SLF4J provider");
            String named = new String(zip.getInputStream(services).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(List.of("org.slf4j.nop.NOPServiceProvider"), named.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
            assertTrue(zip.getEntry("org/slf4j/nop/NOPServiceProvider.class") != null);
        }
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }

    @Test
    void theDemoFromTheJarIsTheDemoFromTheClasses() throws Exception {
        Path fromJar = jarDemo();
        Path fromClasses = dir.resolve("demo-classes");
        String version = jar("--version").strip().substring("lookback ".length());
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"demo", "--out", fromClasses.toString(), "--charts", "png,svg,pdf"},
                new PrintWriter(out), new PrintWriter(out)), out.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fromClasses)) {
            files = walk.filter(Files::isRegularFile).map(fromClasses::relativize).sorted().toList();
        }
        assertTrue(files.size() > 40, files.toString());
        for (Path f : files) {
            Path other = fromJar.resolve(f);
            assertTrue(Files.isRegularFile(other), "the jar's demo lacks " + f);
            String name = f.getFileName().toString();
            if (name.equals("manifest.json")) { // it names the folder
                continue;
            }
            if (name.equals("sample.certificate.json") || name.equals("report.html")) { // they name the version
                assertEquals(withoutVersion(fromClasses.resolve(f), Main.version()), withoutVersion(other, version),
                        f + " differs between the jar's demo and the classes'");
                continue;
            }
            if (name.endsWith(".pdf")) { // it records when it was made
                assertTrue(new String(Files.readAllBytes(other), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), f
                        .toString());
                continue;
            }
            assertEquals(-1L, Files.mismatch(fromClasses.resolve(f), other),
                    f + " differs between the jar's demo and the classes'");
        }
    }

    /** The file's text with the library's version ("dev" for the classes, the jar's own) left out. */
    private static String withoutVersion(Path file, String version) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("lookback " + version, "lookback");
    }

    @Test
    void aReviewFromTheJarReadsAWorkbookAsItReadsTheCsvFile() throws Exception {
        Path input = jarDemo().resolve("input");
        Path workbook = dir.resolve("spot_check.xlsx");
        List<String> lines = Files.readAllLines(input.resolve("spot_check.csv"), StandardCharsets.UTF_8);
        try (var os = Files.newOutputStream(workbook)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            Worksheet ws = wb.newWorksheet("spot");
            for (int r = 0; r < lines.size(); r++) {
                String[] fields = lines.get(r).split(",", -1);
                for (int c = 0; c < fields.length; c++) {
                    ws.value(r, c, fields[c]); // text cells, as a careful official saves ids
                }
            }
            wb.finish();
        }
        Path csv = dir.resolve("review-csv");
        Path xlsx = dir.resolve("review-xlsx");
        jar("review", "--input", input.toString(), "--out", csv.toString(), "--report", "none", "--charts", "none");
        String said = jar("review", "--input", input.toString(), "--spot-check", workbook.toString(), "--out",
                xlsx.toString(), "--report", "none", "--charts", "none");
        assertTrue(said.contains("Wrote"), said);
        for (String file : List.of("estimates.csv", "discrepancies.csv", "decisions.csv", "tallies.csv")) {
            assertEquals(-1L, Files.mismatch(csv.resolve(file), xlsx.resolve(file)), file);
        }
    }

    @Test
    void aDrawFromTheJarVerifies() throws Exception {
        Path demo = jarDemo();
        Path drawn = dir.resolve("drawn.csv");
        jar("draw", "--frame", demo.resolve("input/villages.csv").toString(), "--per-county", "3", "--seed",
                "jar-test", "--out", drawn.toString());
        String said = jar("verify-draw", "--frame", demo.resolve("input/villages.csv").toString(), "--sample",
                drawn.toString(), "--seed", "jar-test", "--method", "srs");
        assertTrue(said.startsWith("OK: the 24 villages of " + drawn + " are exactly the draw of seed \"jar-test\""),
                said);
    }

    @Test
    void theShellFromTheJarRunsANotebook() throws Exception {
        String said = jar("-Djava.io.tmpdir=" + dir, "shell", "--run", "notebooks/02-review.jsh");
        assertTrue(said.contains("Review result"), said);
    }
}
