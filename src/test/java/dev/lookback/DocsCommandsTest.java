package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line of the README and of docs/ that is an example, not a synopsis, runs as printed: the
 * {@code java -jar target/lookback.jar …}, {@code bin/lookback …} and {@code lookback …} commands of their code
 * blocks and the inline {@code java -jar target/lookback.jar …} ones (continuation lines joined, {@code &&} chains split, Maven and the Spark job left to the build and the Spark
 * module's tests), in document order, each in a fresh JVM whose working folder is one temporary folder, and each exits
 * 0. A synopsis — a line with a placeholder ({@code DIR}, {@code N}, {@code …}, {@code [--option]}, {@code a|b}) — is
 * left out. The files the examples assume are there: the demo's inputs in the folder (villages.csv, …), and for the
 * review of the Spark job's tallies the in-process review's files, which the Spark module's tests hold byte for byte
 * equal to the job's.
 */
class DocsCommandsTest {
    static final Pattern COMMAND = Pattern.compile("^(?:\\$ )?(?:java -jar target/lookback\\.jar|bin/lookback|lookback) ");
    static final Pattern INLINE = Pattern.compile("`(java -jar target/lookback\\.jar [^`]*)`");
    static final Pattern PLACEHOLDER = Pattern.compile("…|\\[|]| \\| |\\|[a-z]|\\b[A-Z]{2,}\\b|\\bN\\b");

    /**
     * The example commands of a document, in order, as argument lists for Lookback's command line: a line ending in
     * a backslash, or followed by indented lines (a synopsis's further options), is read with them.
     */
    static List<List<String>> commands(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder joined = new StringBuilder();
        boolean continues = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                add(out, joined);
                continues = false;
                continue;
            }
            if (!inBlock) { // an inline example: `java -jar target/lookback.jar review --input demo/input …`
                java.util.regex.Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    add(out, new StringBuilder(m.group(1)));
                }
                continue;
            }
            if (!continues && !line.startsWith(" ")) {
                add(out, joined);
            }
            joined.append(joined.length() == 0 ? "" : " ").append(line.strip());
            continues = line.endsWith("\\");
            if (continues) {
                joined.setLength(joined.length() - 1);
            }
        }
        add(out, joined);
        return out;
    }

    /** Adds the commands of a joined line (an {@code &&} chain's Lookback commands that are examples) and clears it. */
    private static void add(List<List<String>> out, StringBuilder joined) {
        String text = joined.toString();
        joined.setLength(0);
        for (String part : text.split("&&")) {
            String c = part.strip();
            if (!COMMAND.matcher(c).find()) {
                continue;
            }
            List<String> args = words(c.replaceFirst("^\\$ ", "").replaceFirst(
                    "^(?:java -jar target/lookback\\.jar|bin/lookback|lookback) ", ""));
            String rest = String.join(" ", args);
            if (args.isEmpty() || args.get(0).endsWith(":") || args.get(0).equals("shell")
                    || PLACEHOLDER.matcher(rest).find()) {
                continue; // printed output, the interactive shell, or a synopsis
            }
            out.add(args);
        }
    }

    /** Shell words: spaces split, double quotes group. */
    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any) {
                    w.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any) {
            w.add(cur.toString());
        }
        return w;
    }

    @Test
    void theWordsOfACommandAreItsShellWords() {
        assertEquals(List.of("draw", "--seed", "2026-05-10 双色球 03"), words("draw --seed \"2026-05-10 双色球 03\""));
        assertEquals(List.of(List.of("demo", "--out", "demo")), commands(List.of("```bash",
                "mvn -q -B -DskipTests package && java -jar target/lookback.jar demo --out demo", "```")));
        assertEquals(List.of(), commands(List.of("```", "lookback follow-up --review DIR [--budget N]", "```")));
        assertEquals(List.of(), commands(List.of("```", "lookback draw --frame villages.csv --seed \"x\"",
                "              (--per-county N | --total N)", "```")), "a synopsis over two lines");
    }

    @Test
    void everyExampleCommandOfTheDocumentsRunsAsPrinted(@TempDir Path dir) throws Exception {
        List<String> docs = new ArrayList<>(List.of("README.md"));
        ReadmeTest.DOCS.forEach(d -> docs.add("docs/" + d));
        int ran = 0;
        for (String doc : docs) {
            for (List<String> args : commands(Files.readAllLines(Path.of(doc), StandardCharsets.UTF_8))) {
                prepare(dir, args);
                Path log = dir.resolve("command.log");
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), "dev.lookback.cli.Main"));
                command.addAll(args);
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", args));
                assertEquals(0, p.exitValue(), doc + ": lookback " + String.join(" ", args) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
                ran++;
            }
        }
        assertTrue(ran >= 5, ran + " commands run"); // the demo (twice), the rerun, a plan, the review of tallies
    }

    /** The files a command assumes: the demo's inputs beside it, and the Spark job's files for a review of them. */
    static void prepare(Path dir, List<String> args) throws IOException {
        Path input = dir.resolve("demo/input");
        if (Files.isDirectory(input)) {
            try (var files = Files.list(input)) {
                for (Path f : files.toList()) {
                    if (!Files.exists(dir.resolve(f.getFileName()))) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
            }
        }
        if (args.contains("demo-spark/tallies.csv")) { // the Spark module's tests hold these equal to the job's
            Files.createDirectories(dir.resolve("demo-spark"));
            for (String f : List.of("tallies.csv", "discrepancies.csv", "data_quality.csv")) {
                Files.copy(dir.resolve("demo").resolve(f), dir.resolve("demo-spark").resolve(f),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
