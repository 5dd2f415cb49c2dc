package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.sim.Demo;
import dev.lookback.vocabulary.Unit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JShell line of the README and of docs/ runs as printed: the {@code jshell>} lines and their {@code ...>}
 * continuations are taken from the README's code blocks, in order, and typed into one headless
 * {@code lookback shell}; no snippet may fail, and every value the README prints after a snippet must
 * appear in the session (its {@code $N} name aside). The demo's inputs are made first; the README's
 * relative paths ({@code demo/…}, the files it saves) point into a temporary folder instead of the
 * working directory.
 */
class ReadmeTest {
    /** The documents under docs/ whose JShell lines run after the README's, in this order. */
    static final List<String> DOCS = List.of("commands.md", "drawing.md", "accountability.md", "report.md", "formats.md",
            "trust.md", "statistics.md", "embedding.md", "scaling-out.md", "performance.md");

    @Test
    void everyDocumentIsRunAndTheReadmeIsAFrontDoor() throws Exception {
        try (var files = Files.list(Path.of("docs"))) {
            List<String> md = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
            assertEquals(DOCS.stream().sorted().toList(), md, "every document under docs/ is run");
        }
        assertTrue(Files.readAllLines(Path.of("README.md")).size() <= 400, "the README is a front door");
        // every link to a document or a picture points at a file that exists
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\(((?:docs/)?[\\w./-]+\\.(?:md|png))(?:#[^)]*)?\\)")
                .matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            assertTrue(Files.isRegularFile(Path.of(m.group(1))), m.group(1));
        }
    }

    record Session(String input, List<String> printed) {
    }

    /** The README's JShell input and the values it shows printed. */
    static Session session(List<String> readme) {
        StringBuilder input = new StringBuilder();
        List<String> printed = new ArrayList<>();
        boolean inBlock = false;
        boolean jshell = false;
        for (String line : readme) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                jshell = false;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (line.startsWith("jshell> ")) {
                input.append(line.substring("jshell> ".length())).append('\n');
                jshell = true;
            } else if (line.startsWith("   ...> ")) {
                input.append(line.substring("   ...> ".length())).append('\n');
            } else if (jshell && !line.isBlank()) {
                printed.add(line.replaceFirst("^\\$\\d+ ==> ", "==> ").strip());
            }
        }
        return new Session(input.toString(), printed);
    }

    @Test
    void everyJShellLineOfTheReadmeRunsAsPrinted(@TempDir Path dir) throws Exception {
        Demo.run(dir.resolve("demo/input"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS);
        List<String> all = new ArrayList<>(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
        for (String doc : DOCS) { // the reference, in the order it once had in the README: one session
            all.addAll(Files.readAllLines(Path.of("docs", doc), StandardCharsets.UTF_8));
        }
        Session s = session(all);
        assertTrue(s.input().lines().count() >= 15, s.input());
        String home = dir.toString().replace('\\', '/') + "/";
        String input = s.input().replace("\"demo/", "\"" + home + "demo/")
                .replace("\"exit.png\"", "\"" + home + "exit.png\"")
                .replace("Path.of(\"slides\")", "Path.of(\"" + home + "slides\")") + "/exit\n";
        Path log = dir.resolve("session.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.lookback.cli.Main", "shell")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Error:") || out.contains("Exception"), "a README line failed:\n" + out);
        String session = out.replaceAll("\\$\\d+ ==> ", "==> ");
        for (String line : s.printed()) {
            assertTrue(session.contains(line), "the README prints \"" + line + "\", the session did not:\n" + out);
        }
        assertTrue(Files.size(dir.resolve("exit.png")) > 10_000, out);
    }
}
