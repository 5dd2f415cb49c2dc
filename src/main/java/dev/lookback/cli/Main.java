package dev.lookback.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lookback} command line. The only class that calls {@link System#exit}. */
@Command(name = "lookback", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Lookback: verifiable samples and design-based error rates for the 回头看 review.",
        subcommands = {ReviewCommand.class, DemoCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit status for input that cannot be used. */
    static final int UNUSABLE_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof dev.lookback.io.InputException || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("lookback: " + ex.getMessage());
                return UNUSABLE_INPUT;
            }
            if (ex instanceof java.io.IOException) {
                commandLine.getErr().println("lookback: cannot write output: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lookback " + version()};
        }
    }

    /** The library version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
