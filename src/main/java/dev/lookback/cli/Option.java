package dev.lookback.cli;

/**
 * An option of a command: {@code --name VALUE} or {@code --name=VALUE}.
 *
 * @param name         with its dashes, e.g. {@code --frame}
 * @param label        what the value is, e.g. {@code FILE}
 * @param defaultValue the value when absent, or {@code null} for a required option
 * @param description  one line of help
 */
record Option(String name, String label, String defaultValue, String description) {

    static Option required(String name, String label, String description) {
        return new Option(name, label, null, description);
    }

    static Option optional(String name, String label, String defaultValue, String description) {
        return new Option(name, label, defaultValue, description);
    }

    /** A flag: {@code --name} alone means true (or {@code --name=false}); absent, false. */
    static Option flag(String name, String description) {
        return new Option(name, "", "false", description);
    }

    boolean isFlag() {
        return label.isEmpty();
    }

    boolean isRequired() {
        return defaultValue == null;
    }

    String synopsis() {
        return isFlag() ? name : name + "=" + label;
    }
}
