package dev.lookback.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@code java -jar lookback.jar} runs a job with the JVM settings that measure fastest for it, so that nobody has
 * to pick a launcher for speed (docs/performance.md measures them). A Java program cannot change its own JVM's
 * compilers, collector or class-data-sharing archive once it runs, so the command line starts the job in a second
 * JVM of the same Java with them, passes it the options it was given, and exits with its status; the second JVM costs
 * 0.1–0.45 s, and a city review takes 1.49 s where it took 2.03 s in one JVM with Java's defaults (the demo 2.68 s
 * against 5.33 s). The settings, by the job:
 * <ul>
 *   <li>usual jobs, over in a second or a few (a draw, a plan, the demo, a small review): only the JIT's quick
 *       compiler (C1, {@code -XX:TieredStopAtLevel=1}) and the serial collector, which start fastest; the optimising
 *       compiler (C2) would spend more CPU than it saves on two cores;</li>
 *   <li>a review whose household files hold {@value #HASHED_BYTES} bytes or more (a city): the same, but C2 compiles
 *       the SHA-256 of the inputs (the manifest's digests), which it turns into the processor's SHA instructions; C1
 *       has none, and hashing a city's 40 MB took 0.3 s of CPU; everything else goes to C1 soon
 *       ({@link #QUICK_TO_C1});</li>
 *   <li>a review whose household files hold {@value #LARGE_BYTES} bytes or more (millions of households): the full
 *       JIT and the parallel collector (10 million households: 6.0 s against 10.2 s with C1).</li>
 * </ul>
 * Where Linux offers transparent huge pages, the heap is given in them ({@link #hugePages}): a city review 1.25 s →
 * 1.02 s, a national draw 1.65 s → 1.34 s, the demo 3.25 s → 2.77 s.
 * And every job but the shell starts from a class-data-sharing archive of the classes a review loads
 * ({@code lookback.jsa} beside the jar), made by the first review or demo after each build
 * ({@code -XX:ArchiveClassesAtExit}; a city review 1.55 s → 1.33 s).
 *
 * <p>The job runs in this JVM instead when it was started with {@code -XX:} options, also in {@code JDK_JAVA_OPTIONS} or
 * {@code JAVA_TOOL_OPTIONS} (whoever gives them has chosen), when it does not run from a jar (tests, an IDE, a
 * program that embeds Lookback: only {@link Main#main} launches), for {@code --help}, {@code --version} and the shell,
 * and when {@code LOOKBACK_LAUNCH=here}; {@code LOOKBACK_LAUNCH=show} prints the second JVM's command. Environment:
 * {@code LOOKBACK_HEAP} the heap's cap ({@code -Xmx}), kept with the settings; {@code LOOKBACK_JAVA_OPTS} replaces
 * the settings; {@code LOOKBACK_CDS} another archive, or {@code none}.
 */
final class Launcher {
    /** The system property that marks the second JVM (it never launches again). */
    static final String LAUNCHED = "lookback.launched";
    /** Household files of at least this many bytes: C2 for the SHA-256 of the inputs. */
    static final long HASHED_BYTES = 16_000_000L;
    /** Household files of at least this many bytes: the full JIT and the parallel collector. */
    static final long LARGE_BYTES = 100_000_000L;
    /**
     * The compiler directives of a city review: C2 compiles only the SHA-256 engine (and so uses the processor's
     * SHA instructions); everything else is left to C1.
     */
    static final String DIRECTIVES = """
            [
              { match: ["sun/security/provider/SHA2.*", "sun/security/provider/DigestBase.*"], c2: { Exclude: false } },
              { match: "*.*", c2: { Exclude: true } }
            ]
            """;
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /**
     * With the directives, a method is first compiled by C1 with the profiling C2 would use, runs that slower code
     * until it is hot enough for C2, which the directives refuse, and only then is compiled by C1 without profiling.
     * These thresholds ask for C2 after a few calls, so the refusal and the quick code come at once: a city review
     * 1.03 → 0.97 s, the default review 2.21 → 2.09 s (one JVM, medians of 9–13, interleaved).
     */
    static final List<String> QUICK_TO_C1 = List.of("-XX:Tier4InvocationThreshold=10",
            "-XX:Tier4MinInvocationThreshold=10", "-XX:Tier4CompileThreshold=10", "-XX:Tier4BackEdgeThreshold=100");

    private Launcher() {
    }

    /**
     * Runs the job in a second JVM with its settings when that is faster, and returns that JVM's exit status; empty
     * when the job is to run in this JVM.
     */
    static Optional<Integer> launch(String[] args) {
        String asked = System.getenv("LOOKBACK_LAUNCH");
        if (System.getProperty(LAUNCHED) != null || args.length == 0 || !launches(args[0]) || "here".equals(asked)
                || chosen(System.getenv("JDK_JAVA_OPTIONS")) || chosen(System.getenv("JAVA_TOOL_OPTIONS"))) {
            return Optional.empty();
        }
        Path jar = runningJar();
        List<String> given = givenOptions();
        if (jar == null || given == null || given.stream().anyMatch(o -> o.startsWith("-XX:"))) {
            return Optional.empty();
        }
        Path jsa = archive(jar, System.getenv("LOOKBACK_CDS"));
        boolean archiveUsable = jsa != null && Files.isRegularFile(jsa) && modified(jsa) >= modified(jar);
        boolean makeArchive = jsa != null && !archiveUsable && (args[0].equals("review") || args[0].equals("demo"))
                && Files.isWritable(jsa.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long bytes = args[0].equals("review") ? householdBytes(args) : 0;
        Path directives = bytes >= HASHED_BYTES && bytes < LARGE_BYTES ? directives(jar) : null;
        command.addAll(options(settings(bytes, directives, hugePages()), System.getenv("LOOKBACK_JAVA_OPTS"),
                System.getenv("LOOKBACK_HEAP")));
        Path made = null;
        if (archiveUsable) {
            command.add("-XX:SharedArchiveFile=" + jsa);
            command.addAll(QUIET_CDS);
        } else if (makeArchive) {
            made = jsa.resolveSibling(jsa.getFileName() + "." + ProcessHandle.current().pid());
            command.add("-XX:ArchiveClassesAtExit=" + made);
            command.addAll(QUIET_CDS);
        }
        command.addAll(given);
        command.add("-D" + LAUNCHED + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        if ("show".equals(asked)) {
            System.err.println("lookback: " + String.join(" ", command));
        }
        try {
            Process job = new ProcessBuilder(command).inheritIO().start();
            int status = job.waitFor();
            if (made != null && Files.isRegularFile(made)) {
                Files.move(made, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(status);
        } catch (IOException e) { // no second JVM: the job runs here, as it always can
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** Whether JVM options choose the compilers or the collector ({@code -XX:}): then they are followed as given. */
    static boolean chosen(String options) {
        return options != null && java.util.Arrays.stream(options.strip().split("\\s+")).anyMatch(o -> o.startsWith("-XX:"));
    }

    /** Whether a command goes to a second JVM: every one but help, the version and the shell (which has its own). */
    static boolean launches(String command) {
        return !List.of("-h", "--help", "help", "-V", "--version", "shell").contains(command);
    }

    /**
     * The settings for a job (without the heap and the archive), by the bytes of the household files a review reads
     * (0 for other jobs; see the class comment), with the compiler directives file for a city's review, if any, and
     * transparent huge pages where the system offers them.
     */
    static List<String> settings(long bytes, Path directives, boolean hugePages) {
        List<String> settings = new ArrayList<>();
        if (bytes >= LARGE_BYTES) {
            settings.add("-XX:+UseParallelGC");
        } else if (bytes >= HASHED_BYTES && directives != null) {
            settings.addAll(List.of("-XX:+UseSerialGC", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:CompilerDirectivesFile=" + directives));
            settings.addAll(QUICK_TO_C1);
        } else {
            settings.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        if (hugePages) {
            settings.add("-XX:+UseTransparentHugePages");
        }
        return settings;
    }

    /**
     * Whether Linux offers transparent huge pages to a program that asks ({@code always} or {@code madvise}): the
     * heap is then given in 2 MB pages, and a job takes a fault per 2 MB it touches instead of one per 4 kB (on this
     * machine a city review took 37,000 page faults and 0.45 s of system time; with huge pages 9,000, and 1.25 s →
     * 1.02 s in all).
     */
    static boolean hugePages() {
        try {
            String offered = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return offered.contains("[always]") || offered.contains("[madvise]");
        } catch (IOException | RuntimeException e) { // not Linux, or not readable: the usual pages
            return false;
        }
    }

    /** The settings as the environment amends them: {@code LOOKBACK_JAVA_OPTS} replaces them, the heap is added. */
    static List<String> options(List<String> settings, String replaced, String heap) {
        List<String> options = new ArrayList<>();
        if (heap != null && !heap.isBlank()) {
            options.add("-Xmx" + heap.strip());
        }
        if (replaced != null) {
            for (String o : replaced.strip().split("\\s+")) {
                if (!o.isEmpty()) {
                    options.add(o);
                }
            }
        } else {
            options.addAll(settings);
        }
        return options;
    }

    /**
     * The bytes of the household files a review reads: {@code --self-check}, {@code --spot-check}, {@code --tallies},
     * or those of {@code --input DIR}.
     */
    static long householdBytes(String[] args) {
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : "";
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (option) {
                case "--self-check", "--spot-check", "--tallies" -> bytes += size(new File(value));
                case "--input" -> {
                    File[] files = new File(value).listFiles((d, name) -> name.startsWith("self_check.")
                            || name.startsWith("spot_check.") || name.startsWith("tallies."));
                    for (File f : files == null ? new File[0] : files) {
                        bytes += size(f);
                    }
                }
                default -> {
                }
            }
        }
        return bytes;
    }

    private static long size(File f) {
        return f.isFile() ? f.length() : 0;
    }

    /** The archive for a jar: {@code LOOKBACK_CDS}, else the jar's name with {@code .jsa}; null for {@code none}. */
    static Path archive(Path jar, String named) {
        if ("none".equals(named)) {
            return null;
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String name = jar.getFileName().toString();
        return jar.resolveSibling((name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + ".jsa");
    }

    /** The jar this JVM runs from ({@code java -jar}), or null. */
    private static Path runningJar() {
        String path = System.getProperty("jdk.module.path") == null ? System.getProperty("java.class.path") : null;
        if (path == null || path.contains(File.pathSeparator) || !path.endsWith(".jar")) {
            return null;
        }
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith(path) && Files.isRegularFile(Path.of(path)) ? Path.of(path).toAbsolutePath() : null;
    }

    /**
     * The JVM options this JVM was started with (those written before {@code -jar}), or null when they cannot be
     * known.
     */
    private static List<String> givenOptions() {
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        if (arguments.isEmpty()) {
            return null;
        }
        List<String> given = new ArrayList<>();
        for (String a : arguments.get()) {
            if (a.equals("-jar")) {
                return given;
            }
            given.add(a);
        }
        return null;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The compiler directives file beside the jar ({@code lookback.jit.json}), written when missing or different;
     * null when it cannot be written (the settings then leave the SHA-256 to C1).
     */
    private static Path directives(Path jar) {
        Path file = jar.resolveSibling("lookback.jit.json");
        try {
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(DIRECTIVES)) {
                Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
                Files.writeString(tmp, DIRECTIVES);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            return null;
        }
    }
}
