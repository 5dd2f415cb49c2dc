package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook under notebooks/ runs headless in JShell with the README's command line (DEFAULT and
 * notebooks/predef.jsh as startup; the test's class path stands in for target/lookback.jar, which the
 * test phase has not built yet) and ends with /exit 0.
 */
class NotebookTest {

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.jsh")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runs(Path notebook, @TempDir Path temp) throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        String classPath = System.getProperty("java.class.path");
        Path log = temp.resolve("notebook.log");
        // the folders a notebook makes in the temporary directory go into the test's, which JUnit deletes
        Process p = new ProcessBuilder(List.of(jshell.toString(), "-R-Djava.awt.headless=true",
                "-R-Djava.io.tmpdir=" + temp, "--class-path",
                classPath, "--startup", "DEFAULT", "--startup", "notebooks/predef.jsh", notebook.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), notebook + " failed:\n" + out);
        // a snippet that does not compile or throws is reported but does not stop the script, and a script
        // whose /exit line fails ends with status 0: so the output must show no error either
        assertFalse(out.contains("Error:") || out.contains("Exception "), notebook + " reported an error:\n" + out);
    }
}
