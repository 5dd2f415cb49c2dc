package dev.lookback.cli;

import dev.lookback.io.Logging;
import dev.lookback.io.ParentDigests;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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
 *   <li>usual jobs, over in a second or a few (a draw, a plan, the demo, a review up to a city's): only the JIT's
 *       quick compiler (C1, {@code -XX:TieredStopAtLevel=1}) and the serial collector, which start fastest; the
 *       optimising compiler (C2) would spend more CPU than it saves on two cores. C1 has no SHA instructions, so for a
 *       review this JVM, idle while the job runs, takes the SHA-256 of the CSV files it reads (the frame and the
 *       sample first, the household files last) for the manifest and hands it over ({@link ParentDigests}; hashing a
 *       city's 40 MB in C1 took 0.3 s of CPU, and the frame's 96 kB 16 ms in the job's first, interpreted moments),
 *       with OpenSSL's command line program where it is installed ({@value #OPENSSL} names another, or {@code none});</li>
 *   <li>a review whose household files hold {@value #LARGE_BYTES} bytes or more (millions of households): the full
 *       JIT and the parallel collector (10 million households: 6.0 s against 10.2 s with C1); the job hashes its
 *       files itself.</li>
 * </ul>
 * Where Linux offers transparent huge pages, the heap is given in them ({@link #hugePages}): a city review 1.25 s →
 * 1.02 s, a national draw 1.65 s → 1.34 s, the demo 3.25 s → 2.77 s.
 * And every job but the shell starts from a class-data-sharing archive of the classes a review loads
 * ({@code lookback-HASH.jsa} beside the jar, {@link #archive}), made by the first review or demo after each build
 * ({@code -XX:ArchiveClassesAtExit}; a city review 1.55 s → 1.33 s). The job is started with the jar as its class
 * path and {@link Main} named ({@code -cp}, not {@code -jar}), with the jar's SLF4J provider named too
 * ({@value Logging#PROVIDER_PROPERTY}): with its classes from the archive and no manifest, resource or service to look up, its
 * JVM never opens the jar's index of 19,000 entries (17–40 ms of its start).
 *
 * <p>The job runs in this JVM instead when it was started with {@code -XX:} options, also in {@code JDK_JAVA_OPTIONS},
 * {@code JAVA_TOOL_OPTIONS} or {@code _JAVA_OPTIONS} (whoever gives them has chosen; the last would also override the
 * second JVM's settings), when it does not run from a jar (tests, an IDE, a
 * program that embeds Lookback: only {@link Main#main} launches), for {@code --help}, {@code --version} and the shell,
 * and when {@code LOOKBACK_LAUNCH=here}; {@code LOOKBACK_LAUNCH=show} prints the second JVM's command. Environment:
 * {@code LOOKBACK_HEAP} the heap's cap ({@code -Xmx}), kept with the settings; {@code LOOKBACK_JAVA_OPTS} replaces
 * the settings; {@code LOOKBACK_CDS} another archive, or {@code none}; {@value #OPENSSL} the program that takes the
 * SHA-256s, or {@code none}. Other options in those three variables go to
 * the second JVM on its command line, where Java put them (and the variables do not), so Java's "Picked up" note is
 * printed once.
 */
final class Launcher {
    /** The system property that marks the second JVM (it never launches again). */
    static final String LAUNCHED = "lookback.launched";
    /** Household files of at least this many bytes: the full JIT and the parallel collector. */
    static final long LARGE_BYTES = 100_000_000L;
    /** The environment variables whose JVM options Java picks up before the command line's. */
    static final List<String> PICKED_UP_BEFORE = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** The environment variable whose JVM options Java picks up after the command line's. */
    static final String PICKED_UP_AFTER = "_JAVA_OPTIONS";
    /** The environment variable naming OpenSSL's program that takes the SHA-256s here, or {@code none}. */
    static final String OPENSSL = "LOOKBACK_OPENSSL";
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** The SLF4J provider the jar holds (the pom's slf4j-nop; JarIT checks the jar's service file). */
    static final String NOP_PROVIDER = "org.slf4j.nop.NOPServiceProvider";
    private Launcher() {
    }

    /**
     * Runs the job in a second JVM with its settings when that is faster, and returns that JVM's exit status; empty
     * when the job is to run in this JVM.
     */
    static Optional<Integer> launch(String[] args) {
        String asked = System.getenv("LOOKBACK_LAUNCH");
        if (System.getProperty(LAUNCHED) != null || args.length == 0 || !launches(args[0]) || "here".equals(asked)
                || chosenInEnvironment()) {
            return Optional.empty();
        }
        Path jar = runningJar();
        List<String> given = givenOptions();
        if (jar == null || given == null || choosesJvm(given)) {
            return Optional.empty();
        }
        Path jsa = archive(jar, System.getenv("LOOKBACK_CDS"));
        boolean archiveUsable = jsa != null && Files.isRegularFile(jsa) && modified(jsa) >= modified(jar);
        boolean makeArchive = jsa != null && !archiveUsable && (args[0].equals("review") || args[0].equals("demo"))
                && Files.isWritable(jsa.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the options Java picked up from the environment, on the command line where it put them (so that the second
        // JVM does not print its "Picked up" note again)
        for (String variable : PICKED_UP_BEFORE) {
            command.addAll(tokens(System.getenv(variable)));
        }
        List<Path> household = args[0].equals("review") ? householdFiles(args) : List.of();
        long bytes = bytes(household);
        String replaced = System.getenv("LOOKBACK_JAVA_OPTS");
        command.addAll(options(settings(bytes, hugePages()), replaced, System.getenv("LOOKBACK_HEAP")));
        // the job's JIT is C1 alone: this JVM hashes the CSV files it reads (not when the settings are replaced), the
        // small ones first: the frame and the sample too, which the job would otherwise hash in its first, interpreted
        // 0.1 s (16 ms for a city's frame)
        List<Path> handed = bytes < LARGE_BYTES && replaced == null ? handedFiles(args, household) : List.of();
        Path made = null;
        if (archiveUsable) {
            command.add("-XX:SharedArchiveFile=" + jsa);
            command.addAll(QUIET_CDS);
        } else if (makeArchive) {
            made = jsa.resolveSibling(jsa.getFileName() + "." + ProcessHandle.current().pid());
            command.add("-XX:ArchiveClassesAtExit=" + made);
            command.addAll(QUIET_CDS);
        }
        // the jar's one SLF4J provider, named, so that nothing searches the class path for one (Logging); an option
        // given on the command line, after it, still wins
        command.add("-D" + Logging.PROVIDER_PROPERTY + "=" + NOP_PROVIDER);
        command.addAll(given);
        if (!handed.isEmpty()) {
            command.add("-D" + ParentDigests.PROPERTY + "=stdin");
        }
        command.add("-D" + LAUNCHED + "=true");
        command.addAll(tokens(System.getenv(PICKED_UP_AFTER)));
        // the class path and the class rather than -jar: the job's classes come from the archive, and a JVM that reads
        // no manifest and no resource never opens the jar's index (19,000 entries: 20-40 ms of the job's start)
        command.add("-cp");
        command.add(jar.toString());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        if ("show".equals(asked)) {
            System.err.println("lookback: " + String.join(" ", command));
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().keySet().removeAll(PICKED_UP_BEFORE);
            builder.environment().remove(PICKED_UP_AFTER);
            if (!handed.isEmpty()) {
                builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            }
            Process job = builder.start();
            if (!handed.isEmpty()) {
                try (OutputStream to = job.getOutputStream()) {
                    ParentDigests.send(handed, to, openssl(System.getenv(OPENSSL)));
                } catch (IOException e) {
                    // the job ended or stopped reading: it hashes what it lacks itself (the manifest's fallback)
                }
            }
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

    /**
     * The program that takes the SHA-256s of the files this JVM hands over: {@value #OPENSSL}'s value, else
     * {@code openssl} on the {@code PATH}; null for {@code none} (this JVM hashes them itself).
     */
    static String openssl(String variable) {
        if (variable == null || variable.isBlank()) {
            return "openssl";
        }
        return variable.equals("none") ? null : variable;
    }

    /** Whether the options Java picks up from the environment choose the compilers or the collector. */
    private static boolean chosenInEnvironment() {
        for (String variable : PICKED_UP_BEFORE) {
            if (chosen(System.getenv(variable))) {
                return true;
            }
        }
        return chosen(System.getenv(PICKED_UP_AFTER));
    }

    /** Whether JVM options choose the compilers or the collector ({@code -XX:}): then they are followed as given. */
    static boolean chosen(String options) {
        return choosesJvm(tokens(options));
    }

    /**
     * Whether any of the options is a {@code -XX:} option. Written as a loop, like the rest of what this JVM runs
     * before it starts the second: a JVM's first lambda or stream costs it 10–20 ms of linking in the interpreter.
     */
    private static boolean choosesJvm(List<String> options) {
        for (String o : options) {
            if (o.startsWith("-XX:")) {
                return true;
            }
        }
        return false;
    }

    /**
     * JVM options as Java reads them from an environment variable (the {@code java} command's manual): split at white
     * space, a part in single or double quotes kept whole without its quotes; none for null.
     */
    static List<String> tokens(String options) {
        List<String> tokens = new ArrayList<>();
        if (options == null) {
            return tokens;
        }
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (token != null) {
                    tokens.add(token.toString());
                    token = null;
                }
            } else {
                if (token == null) {
                    token = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    token.append(c);
                }
            }
        }
        if (token != null) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** Whether a command goes to a second JVM: every one but help, the version and the shell (which has its own). */
    static boolean launches(String command) {
        return !List.of("-h", "--help", "help", "-V", "--version", "shell").contains(command);
    }

    /**
     * The settings for a job (without the heap and the archive), by the bytes of the household files a review reads
     * (0 for other jobs; see the class comment), with transparent huge pages where the system offers them.
     */
    static List<String> settings(long bytes, boolean hugePages) {
        List<String> settings = new ArrayList<>();
        if (bytes >= LARGE_BYTES) {
            settings.add("-XX:+UseParallelGC");
        } else {
            // arrays of 4 MB or more (a chart's pixels at 300 dpi: 25-40 MB) are made in the old generation, so that
            // the young collections do not copy them: a default city review's four young collections (55-80 ms of
            // pauses) became one full collection of 30 ms
            settings.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m"));
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
     * The household files a review reads: {@code --self-check}, {@code --spot-check}, {@code --tallies}, or those of
     * {@code --input DIR}; those that are not files are left out.
     */
    static List<Path> householdFiles(String[] args) {
        List<Path> regular = new ArrayList<>();
        for (Path f : namedFiles(args, true)) {
            if (f.toFile().isFile()) {
                regular.add(f);
            }
        }
        return regular;
    }

    private static final List<String> HOUSEHOLD_OPTIONS = List.of("--self-check", "--spot-check", "--tallies");

    /**
     * The paths a command line's options name, in order: each option's value, and for {@code --input DIR} the files in
     * that folder; with {@code households}, only the household files' options and names.
     */
    private static List<Path> namedFiles(String[] args, boolean households) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                continue;
            }
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : "";
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.equals("--input")) {
                String[] found = new File(value).list();
                for (String name : found == null ? new String[0] : found) {
                    if (!households || name.startsWith("self_check.") || name.startsWith("spot_check.")
                            || name.startsWith("tallies.")) {
                        files.add(new File(value, name).toPath());
                    }
                }
            } else if (!households || HOUSEHOLD_OPTIONS.contains(option)) {
                files.add(new File(value).toPath());
            }
        }
        return files;
    }

    /**
     * The files whose SHA-256 this JVM hands over to a review's job: the {@code .csv} files its options name (the
     * frame, the sample, the lists of leaders, cadres, funds...) and those of {@code --input DIR}, then the household
     * files as CSV ({@link #csvFiles}), the largest last; each once.
     */
    static List<Path> handedFiles(String[] args, List<Path> household) {
        List<Path> handed = new ArrayList<>();
        List<Path> csv = csvFiles(household);
        for (Path f : namedFiles(args, false)) {
            if (f.getFileName() != null && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    && !handed.contains(f) && !csv.contains(f) && f.toFile().isFile()) {
                handed.add(f);
            }
        }
        handed.addAll(csv);
        return handed;
    }

    /** The bytes of the household files a review reads ({@link #householdFiles}). */
    static long householdBytes(String[] args) {
        return bytes(householdFiles(args));
    }

    private static long bytes(List<Path> files) {
        long bytes = 0;
        for (Path f : files) {
            bytes += f.toFile().length();
        }
        return bytes;
    }

    /** The files read as CSV (an .xlsx workbook is hashed by the job when it writes the manifest). */
    static List<Path> csvFiles(List<Path> files) {
        List<Path> csv = new ArrayList<>();
        for (Path f : files) {
            if (!f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                csv.add(f);
            }
        }
        return csv;
    }

    /**
     * The archive for a jar: {@code LOOKBACK_CDS}, else beside the jar, named by the jar's name and a hash of its path
     * ({@code lookback-1a2b3c4d.jsa}); null for {@code none}. An archive records the path of the jar it was made for,
     * and Java refuses it, without a word under {@code -Xlog:cds=off}, for a jar anywhere else: a folder copied with
     * its archive ran without one. By the path in its name, a jar that moved makes an archive of its own.
     */
    static Path archive(Path jar, String named) {
        if ("none".equals(named)) {
            return null;
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String name = jar.getFileName().toString();
        String path = Integer.toHexString(jar.toAbsolutePath().toString().hashCode());
        return jar.resolveSibling((name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + "-" + path
                + ".jsa");
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
        String[] arguments = commandLine();
        if (arguments == null) {
            Optional<String[]> info = ProcessHandle.current().info().arguments();
            if (info.isEmpty()) {
                return null;
            }
            arguments = info.get();
        }
        List<String> given = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar")) {
                return given;
            }
            given.add(a);
        }
        return null;
    }

    /**
     * This process's arguments (after the program) as Linux gives them, or null elsewhere. Read before the second JVM
     * starts, {@link ProcessHandle}'s would set up its process reaper, and Java's first lambdas, in the first JVM's
     * 110 ms before it (about 20 ms; that work comes after the start otherwise).
     */
    private static String[] commandLine() {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    parts.add(new String(bytes, start, i - start, java.nio.charset.Charset.defaultCharset()));
                    start = i + 1;
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            return parts.subList(1, parts.size()).toArray(new String[0]);
        } catch (IOException | RuntimeException e) { // not Linux: ProcessHandle's
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

}
