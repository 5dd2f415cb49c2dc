package dev.lookback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @Test
    void settingsFollowTheBytesOfTheHouseholdFiles(@TempDir Path dir) throws IOException {
        Path small = Files.write(dir.resolve("self_check.csv"), new byte[1000]);
        String[] review = {"review", "--self-check", small.toString(), "--spot-check=" + small, "--frame", "x.csv"};
        assertEquals(2000, Launcher.householdBytes(review));
        assertEquals(List.of(small, small), Launcher.householdFiles(review));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m"),
                Launcher.settings(Launcher.householdBytes(review), false));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m"), Launcher.settings(0, false), "not a review");

        Path spot = dir.resolve("spot_check.xlsx");
        try (var f = new java.io.RandomAccessFile(spot.toFile(), "rw")) {
            f.setLength(50_000_000L); // sparse: sized, not written
        }
        String[] city = {"review", "--input", dir.toString()};
        assertEquals(50_001_000L, Launcher.householdBytes(city), "--input DIR: its household files");
        assertEquals(List.of(small), Launcher.csvFiles(Launcher.householdFiles(city)), "a workbook is hashed by the job");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m"),
                Launcher.settings(Launcher.householdBytes(city), false));

        try (var f = new java.io.RandomAccessFile(dir.resolve("tallies.csv").toFile(), "rw")) {
            f.setLength(Launcher.LARGE_BYTES);
        }
        assertEquals(List.of("-XX:+UseParallelGC"), Launcher.settings(Launcher.householdBytes(city), false));
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"),
                Launcher.settings(Launcher.householdBytes(city), true), "huge pages where offered");
        assertEquals(0, Launcher.householdBytes(new String[] {"review", "--input", dir.resolve("none").toString()}));
        assertEquals(List.of(), Launcher.householdFiles(new String[] {"review", "--self-check", "nothere.csv"}),
                "only files");
    }

    @Test
    void theDigestsHandedOverAreOfEveryCsvFileTheSmallOnesFirst(@TempDir Path dir) throws IOException {
        Path register = Files.write(dir.resolve("self_check.csv"), new byte[1000]);
        Path frame = Files.write(dir.resolve("villages.csv"), new byte[10]);
        Path sample = Files.write(dir.resolve("sample.CSV"), new byte[10]);
        Path config = Files.write(dir.resolve("review.properties"), new byte[10]);
        String[] review = {"review", "--self-check", register.toString(), "--frame", frame.toString(), "--sample=" + sample,
            "--config", config.toString(), "--leaders", dir.resolve("nothere.csv").toString(), "--out", dir.toString()};
        assertEquals(List.of(frame, sample, register), Launcher.handedFiles(review, Launcher.householdFiles(review)),
                "the CSV files named, each once, the household files last; not the properties, not a missing file");
        Path workbook = Files.write(dir.resolve("spot_check.xlsx"), new byte[10]);
        String[] folder = {"review", "--input", dir.toString()};
        List<Path> handed = Launcher.handedFiles(folder, Launcher.householdFiles(folder));
        assertEquals(java.util.Set.of(frame, sample, register), java.util.Set.copyOf(handed), "--input DIR: its .csv files");
        assertEquals(register, handed.get(handed.size() - 1));
        assertFalse(handed.contains(workbook), "a workbook is hashed by the job");
    }

    @Test
    void theEnvironmentAmendsTheSettings() {
        List<String> settings = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m");
        assertEquals(settings, Launcher.options(settings, null, null));
        assertEquals(List.of("-Xmx2g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m"), Launcher.options(settings, null, "2g"));
        assertEquals(List.of("-Xmx8g", "-XX:+UseG1GC"), Launcher.options(settings, "  -Xmx8g   -XX:+UseG1GC ", null),
                "LOOKBACK_JAVA_OPTS replaces the settings");
        assertEquals(List.of(), Launcher.options(settings, "", null));
        assertTrue(Launcher.chosen("-Xmx2g -XX:+UseG1GC"));
        assertTrue(Launcher.chosen("  -XX:+UseG1GC"));
        assertTrue(Launcher.chosen("-Dx=1 '-XX:+UseG1GC'"));
        assertEquals(List.of("-Dx=1", "-Dy=a b", "-Dz=c de", "-Xmx1g"),
                Launcher.tokens(" -Dx=1\t'-Dy=a b'  -Dz=\"c d\"e\n-Xmx1g "), "as the java command reads JDK_JAVA_OPTIONS");
        assertEquals(List.of(), Launcher.tokens(null));
        assertEquals(List.of(), Launcher.tokens("   "));
        assertFalse(Launcher.chosen("-Xmx2g -Dx=y"));
        assertFalse(Launcher.chosen(null));
        assertEquals("openssl", Launcher.openssl(null), "OpenSSL on the PATH takes the SHA-256s");
        assertEquals("openssl", Launcher.openssl(" "));
        assertEquals("/opt/ssl/bin/openssl", Launcher.openssl("/opt/ssl/bin/openssl"));
        assertEquals(null, Launcher.openssl("none"), "LOOKBACK_OPENSSL=none: the first JVM hashes them itself");
    }

    @Test
    void whichCommandsLaunchAndWhereTheArchiveIs() {
        assertTrue(Launcher.launches("review"));
        assertTrue(Launcher.launches("draw"));
        for (String c : List.of("--help", "-h", "help", "--version", "-V", "shell")) {
            assertFalse(Launcher.launches(c), c);
        }
        Path jar = Path.of("/opt/lookback/lookback.jar");
        Path archive = Launcher.archive(jar, null);
        assertEquals(jar.getParent(), archive.getParent());
        assertTrue(archive.getFileName().toString().matches("lookback-[0-9a-f]{1,8}\\.jsa"), archive.toString());
        assertEquals(archive, Launcher.archive(Path.of("/opt/lookback/lookback.jar"), ""));
        // the same jar copied elsewhere with its archive: that archive, made for the first path, is not taken
        Path copied = Launcher.archive(Path.of("/srv/review/lookback.jar"), null);
        assertEquals(Path.of("/srv/review"), copied.getParent());
        assertNotEquals(archive.getFileName(), copied.getFileName());
        assertEquals(Path.of("/tmp/a.jsa"), Launcher.archive(jar, "/tmp/a.jsa"));
        assertNull(Launcher.archive(jar, "none"));
    }

    /**
     * {@code java -jar} on a jar of these classes: the job runs in a second JVM with the settings (shown with
     * LOOKBACK_LAUNCH=show), its output and exit status are the job's; with -XX: options or LOOKBACK_LAUNCH=here it
     * runs in the first.
     */
    @Test
    void javaDashJarRunsTheJobInASecondJvm(@TempDir Path dir) throws Exception {
        Path jar = jarOfTheClassPath(dir);
        Run version = run(dir, List.of("--version"), "show", List.of());
        assertEquals(0, version.status);
        assertFalse(version.err.contains("-Dlookback.launched"), "--version runs where it is");

        Run missing = run(dir, List.of("review", "--self-check", "nothere.csv"), "show", List.of());
        assertEquals(2, missing.status, missing.out + missing.err);
        assertTrue(missing.err.contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:PretenureSizeThreshold=4m" + (Launcher.hugePages()
                ? " -XX:+UseTransparentHugePages" : "")), missing.err);
        assertTrue(missing.err.contains("-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider -Dlookback.launched=true -cp "
                + jar + " dev.lookback.cli.Main review"), missing.err);
        assertTrue(missing.err.contains("nothere.csv: no such file"), "the job's message, from the second JVM");

        Run picked = run(dir, List.of("review", "--self-check", "nothere.csv"), "show", List.of(),
                java.util.Map.of("JDK_JAVA_OPTIONS", "-Dlookback.test='a b'", "_JAVA_OPTIONS", "-Xss2m"));
        assertEquals(1, picked.err.split("Picked up JDK_JAVA_OPTIONS", -1).length - 1, "Java's note once: " + picked.err);
        assertEquals(1, picked.err.split("Picked up _JAVA_OPTIONS", -1).length - 1, picked.err);
        assertTrue(picked.err.contains("java -Dlookback.test=a b -XX:TieredStopAtLevel=1"), "before the settings: " + picked.err);
        assertTrue(picked.err.contains("-Dlookback.launched=true -Xss2m -cp"), "after the command line's: " + picked.err);
        assertTrue(picked.err.contains("nothere.csv: no such file"), picked.err);

        Run heap = run(dir, List.of("review", "--self-check", "nothere.csv"), "show", List.of("-Xmx300m"));
        assertTrue(heap.err.contains("-Xmx300m -Dlookback.launched=true"), "the options given pass on: " + heap.err);

        for (Run here : List.of(run(dir, List.of("review", "--self-check", "nothere.csv"), "show", List.of("-XX:+UseSerialGC")),
                run(dir, List.of("review", "--self-check", "nothere.csv"), "here", List.of()))) {
            assertEquals(2, here.status);
            assertFalse(here.err.contains("-Dlookback.launched"), here.err);
            assertTrue(here.err.contains("nothere.csv: no such file"), here.err);
        }

        Run demo = run(dir, List.of("demo", "--out", dir.resolve("demo").toString(), "--report", "none", "--charts", "none"),
                "show", List.of());
        assertEquals(0, demo.status, demo.out + demo.err);
        assertTrue(demo.out.contains("Lookback 回头看"), "the second JVM writes to this one's output: " + demo.out);
        assertTrue(Files.isRegularFile(dir.resolve("demo/review.xlsx")));

        // a review: this JVM hashes the household files and the job's manifest records the files' own SHA-256
        Path input = dir.resolve("demo/input");
        Run review = run(dir, List.of("review", "--input", input.toString(), "--out", dir.resolve("review").toString(),
                "--report", "none", "--charts", "none"), "show", List.of());
        assertEquals(0, review.status, review.out + review.err);
        assertTrue(review.err.contains("-Dlookback.digests=stdin -Dlookback.launched=true"), review.err);
        assertFalse(review.out.contains("compiler directives"), review.out);
        String manifest = Files.readString(dir.resolve("review/manifest.json"), StandardCharsets.UTF_8);
        for (String file : List.of("self_check.csv", "spot_check.csv")) {
            byte[] bytes = Files.readAllBytes(input.resolve(file));
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            assertTrue(manifest.contains("\"sha256\": \"" + sha + "\""), file + " " + sha + " in " + manifest);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path dir, List<String> args, String launch, List<String> options) throws Exception {
        return run(dir, args, launch, options, java.util.Map.of());
    }

    private static Run run(Path dir, List<String> args, String launch, List<String> options,
            java.util.Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", dir.resolve("lookback.jar").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("LOOKBACK_LAUNCH", launch);
        pb.environment().put("LOOKBACK_CDS", "none"); // classes from folders cannot be archived
        pb.environment().remove("LOOKBACK_JAVA_OPTS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().putAll(environment);
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", args));
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** A jar whose manifest names Main and, as its class path, this test's classes and libraries. */
    private static Path jarOfTheClassPath(Path dir) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.append(Path.of(entry).toUri()).append(' ');
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().strip());
        Path jar = dir.resolve("lookback.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, m)) {
            j.flush();
        }
        return jar;
    }
}
