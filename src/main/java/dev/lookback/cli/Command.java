package dev.lookback.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sub-command of {@code lookback}: its options, help, and what it does. A few lines of our own
 * instead of a command-line framework, so that the JVM starts the work within milliseconds.
 */
abstract class Command {

    abstract String name();

    /** The help's description, one paragraph a line. */
    abstract List<String> description();

    abstract List<Option> options();

    abstract int run(Arguments args, PrintWriter out) throws Exception;

    /** Parses {@code args}; {@code null} when help was asked for (and printed). */
    final Arguments parse(String[] args, PrintWriter out) {
        Map<String, Option> byName = new HashMap<>();
        for (Option o : options()) {
            byName.put(o.name(), o);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.print(usage());
                out.flush();
                return null;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            Option o = byName.get(name);
            if (o == null) {
                throw new IllegalArgumentException((a.startsWith("-") ? "unknown option " + name : "unexpected argument \""
                        + a + "\"") + "; see lookback " + name() + " --help / " + (a.startsWith("-") ? "未知选项"
                                : "多余的参数") + "，见 --help");
            }
            if (value == null && o.isFlag()) {
                value = "true";
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value (" + o.synopsis() + ") / 选项 "
                            + name + " 缺少取值");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("option " + name + " is given twice: keep one / 选项 " + name + " 重复");
            }
        }
        if (values.containsKey("--config") && !values.get("--config").isEmpty()) {
            applyConfig(values.get("--config"), byName, values);
        }
        StringBuilder missing = new StringBuilder();
        for (Option o : options()) {
            if (!values.containsKey(o.name())) {
                if (o.isRequired()) {
                    missing.append(missing.length() == 0 ? "" : ", ").append(o.synopsis());
                } else {
                    values.put(o.name(), o.defaultValue());
                }
            }
        }
        if (missing.length() > 0) {
            throw new IllegalArgumentException("missing required option" + (missing.indexOf(",") > 0 ? "s " : " ")
                    + missing + "; see lookback " + name() + " --help / 缺少必需选项 " + missing);
        }
        for (Option o : options()) { // an input file that is not there, or is a folder, is named with its option
            String v = values.get(o.name());
            if ("FILE".equals(o.label()) && v != null && !v.isEmpty() && !writes().contains(o.name())) {
                Path p = Path.of(v);
                if (Files.isDirectory(p)) {
                    throw new IllegalArgumentException(o.name() + " " + v + " is a folder: give the file itself (.csv or"
                            + " .xlsx) / " + o.name() + " 应为文件，不是文件夹");
                }
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException(o.name() + " " + v + ": no such file (looked in "
                            + p.toAbsolutePath().normalize() + ") / 找不到文件");
                }
            }
        }
        return new Arguments(name(), values);
    }

    /** The options that name files the command writes (never checked as inputs). */
    java.util.Set<String> writes() {
        return java.util.Set.of("--out", "--oc-out", "--chart");
    }

    /**
     * Takes the options a properties file gives (keys are option names without the dashes, e.g.
     * {@code threshold=0.03}) where the command line does not give them; an unknown key is refused.
     */
    private void applyConfig(String file, Map<String, Option> byName, Map<String, String> values) {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file),
                java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(r);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            String name = "--" + key.strip();
            if (!byName.containsKey(name) || name.equals("--config")) {
                throw new IllegalArgumentException("--config: " + file + " sets \"" + key + "\", which is not an option of"
                        + " lookback " + name() + "; see lookback " + name() + " --help");
            }
            values.putIfAbsent(name, properties.getProperty(key).strip());
        }
    }

    /** The help text. */
    final String usage() {
        StringBuilder sb = new StringBuilder("Usage: lookback ").append(name());
        for (Option o : options()) {
            sb.append(o.isRequired() ? " " + o.synopsis() : "");
        }
        sb.append(" [options]\n\n");
        for (String line : description()) {
            sb.append(wrap(line, 78, "")).append('\n');
        }
        sb.append("\nOptions:\n");
        for (Option o : options()) {
            String head = "  " + o.synopsis();
            String text = o.description() + (o.isRequired() ? " (required)"
                    : o.defaultValue().isEmpty() ? "" : " (default: " + o.defaultValue() + ")");
            sb.append(head.length() < 26 ? String.format("%-26s", head) + wrap(text, 52, " ".repeat(26)).strip()
                    : head + "\n" + wrap(text, 52, " ".repeat(26))).append('\n');
        }
        sb.append(String.format("%-26s%s%n", "  -h, --help", "show this help"));
        return sb.toString();
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append('\n').append(indent);
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
