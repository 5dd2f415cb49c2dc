package dev.lookback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lookback shell}: JShell with Lookback on the class path and {@code notebooks/predef.jsh}
 * (packed in the jar) as startup, like Smile's shell.
 */
final class ShellCommand extends Command {

    @Override
    String name() {
        return "shell";
    }

    @Override
    List<String> description() {
        return List.of("Opens JShell with Lookback, Tablesaw and the chart helpers imported (notebooks/predef.jsh).",
                "Needs a JDK (JShell is part of it). Give a notebook file to run it instead of typing.");
    }

    @Override
    List<Option> options() {
        return List.of(Option.optional("--run", "FILE", "", "a notebook (.jsh) to run, e.g. notebooks/03-charts.jsh"));
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        out.flush();
        List<String> files = a.text("--run").isEmpty() ? List.of() : List.of(a.text("--run"));
        return launch(System.in, System.out, System.err, files);
    }

    /**
     * Whether the session runs without a display: as asked with {@code -Djava.awt.headless}, else as the
     * platform finds it (on Linux, no {@code DISPLAY}: a server, where charts are saved, never shown).
     */
    static boolean headless() {
        String asked = System.getProperty("java.awt.headless");
        return asked != null ? Boolean.parseBoolean(asked) : java.awt.GraphicsEnvironment.isHeadless();
    }

    /** Starts JShell on the given streams; returns its exit status. */
    static int launch(InputStream in, PrintStream out, PrintStream err, List<String> files) throws Exception {
        Path predef = Files.createTempFile("lookback-predef", ".jsh");
        predef.toFile().deleteOnExit();
        try (InputStream s = ShellCommand.class.getResourceAsStream("/dev/lookback/predef.jsh")) {
            if (s == null) {
                throw new IOException("predef.jsh is missing from the jar: rebuild with mvn package");
            }
            Files.copy(s, predef, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> args = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                "-R-Djava.awt.headless=" + headless(),
                // the session's temporary files where this JVM's go (java -Djava.io.tmpdir=… -jar … shell)
                "-R-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "--startup", "DEFAULT", "--startup", predef.toString()));
        args.addAll(files);
        try {
            Class.forName("jdk.jshell.tool.JavaShellToolBuilder");
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("JShell is not in this Java runtime: run Lookback with a JDK (17 or"
                    + " later), e.g. apt-get install openjdk-17-jdk-headless");
        }
        return jdk.jshell.tool.JavaShellToolBuilder.builder().in(in, null).out(out).err(err).start(args.toArray(new String[0]));
    }
}
