package dev.lookback.cli;

import java.nio.file.Path;
import java.util.Map;

/** The parsed options of one command; every value checked on the way out with a clear message. */
final class Arguments {
    private final String command;
    private final Map<String, String> values;

    Arguments(String command, Map<String, String> values) {
        this.command = command;
        this.values = Map.copyOf(values);
    }

    String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(command + ": option " + name + " is not declared");
        }
        return v;
    }

    boolean flag(String name) {
        String v = text(name);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(name + ": \"" + v + "\" is not true or false / " + name + " 应为 true 或 false");
        }
        return Boolean.parseBoolean(v);
    }

    Path path(String name) {
        return Path.of(text(name));
    }

    /**
     * The file an option names for output, its folder made if absent (an output file in a new folder is written,
     * not refused as unwritable).
     */
    Path outputFile(String name) throws java.io.IOException {
        Path p = path(name);
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        return p;
    }

    double number(String name) {
        try {
            return Double.parseDouble(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": \"" + text(name) + "\" is not a number, e.g. 0.95 / " + name
                    + " 应为数字");
        }
    }

    int integer(String name, int min) {
        try {
            int v = Integer.parseInt(text(name));
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": \"" + text(name) + "\" is not a whole number ≥ " + min + " / " + name
                + " 应为不小于 " + min + " 的整数");
    }
}
