package dev.lookback.cli;

import dev.lookback.io.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** The {@code lookback} command line. The only class that calls {@link System#exit}. */
public final class Main {
    /** Exit status for input or options that cannot be used. */
    static final int UNUSABLE_INPUT = 2;

    /** Exit status for a bug in Lookback (never expected: the fuzz campaign counts it as a failure). */
    static final int INTERNAL_ERROR = 3;

    /** The commands, in a holder: a JVM that only launches another ({@link Launcher}) loads none of them. */
    private static final class Commands {
        static final List<Command> ALL = List.of(new ReviewCommand(), new DrawCommand(), new VerifyDrawCommand(),
                new AssignTeamsCommand(), new PlanCommand(), new FundsCommand(), new FollowUpCommand(),
                new RecheckDrawCommand(), new DemoCommand(), new SimulateCommand(), new ShellCommand());
    }

    private Main() {
    }

    /**
     * Runs a command line and exits with its status; from a jar, the job runs in a second JVM with the settings that
     * measure fastest for it ({@link Launcher}).
     */
    public static void main(String[] args) {
        java.util.Optional<Integer> launched = Launcher.launch(args);
        if (launched.isPresent()) {
            System.exit(launched.get());
        }
        if (System.getProperty(Launcher.LAUNCHED) != null) {
            // every job's manifest takes SHA-256s, and Java's security providers take a cold JVM about 20 ms to load:
            // they load on another thread while this one starts the job, not at the end of it
            Thread providers = new Thread(() -> dev.lookback.draw.Tickets.sha256(""), "lookback-sha256");
            providers.setDaemon(true);
            providers.start();
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs a command line with the given output streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            if (args.length > 1) {
                return run(new String[] {args[1], "--help"}, out, err);
            }
            out.print(usage());
            out.flush();
            return args.length == 0 ? UNUSABLE_INPUT : 0;
        }
        if (args[0].equals("-V") || args[0].equals("--version")) {
            out.println("lookback " + version());
            out.flush();
            return 0;
        }
        Command command = Commands.ALL.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("lookback: unknown command \"" + args[0] + "\"; the commands are "
                    + String.join(", ", Commands.ALL.stream().map(Command::name).toArray(String[]::new)) + " / 未知命令");
            err.flush();
            return UNUSABLE_INPUT;
        }
        try {
            Arguments parsed = command.parse(Arrays.copyOfRange(args, 1, args.length), out);
            if (parsed == null) {
                return 0;
            }
            int status = command.run(parsed, out);
            out.flush();
            return status;
        } catch (InputException e) {
            err.println("lookback " + command.name() + ": " + e.getMessage() + " / " + (e.fix() != null
                    ? e.file() + "：" + e.fix() : "请修改" + e.file() + (e.line() > 0 ? " 第 " + e.line() + " 行" : "")
                            + (e.column() != null ? "「" + e.column() + "」列" : "") + "后重试"));
            err.flush();
            return UNUSABLE_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("lookback " + command.name() + ": " + e.getMessage());
            err.flush();
            return UNUSABLE_INPUT;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("lookback " + command.name() + ": cannot write output: " + e.getMessage()
                    + " — check that the folder is writable and the disk not full / 无法写出结果，请检查文件夹权限和磁盘空间");
            err.flush();
            return 1;
        } catch (Exception e) { // a bug: one line that says so and where, never a stack trace in front of a user
            StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            err.println("lookback " + command.name() + ": internal error, a bug in Lookback and not in your files ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (at == null ? "" : " at " + at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber())
                    + "); please report it with the command line / 内部错误，请将命令行报告给开发者");
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("Usage: lookback COMMAND [options]   (lookback COMMAND --help for its options)\n\n")
                .append("Lookback: verifiable samples and design-based error rates for the 回头看 review.\n\nCommands:\n");
        for (Command c : Commands.ALL) {
            String text = Command.wrap(c.description().get(0), 66, " ".repeat(14)).strip();
            sb.append(c.name().length() < 12 ? String.format("  %-12s%s%n", c.name(), text)
                    : "  " + c.name() + "\n" + " ".repeat(14) + text + "\n");
        }
        sb.append("  -V, --version  print the version\n");
        return sb.toString();
    }

    /** The library version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
