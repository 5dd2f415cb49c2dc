package dev.lookback.check;

import java.util.Locale;

/** What an error rate counts: persons (as the national exit assessment does) or households. */
public enum Unit {
    PERSONS("persons", "人"),
    HOUSEHOLDS("households", "户");

    private final String label;
    private final String chinese;

    Unit(String label, String chinese) {
        this.label = label;
        this.chinese = chinese;
    }

    /** The name in output files. */
    public String label() {
        return label;
    }

    /** The Chinese counter word. */
    public String chinese() {
        return chinese;
    }

    /** Reads {@code persons}/{@code households} (人/户). */
    public static Unit parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "persons":
            case "person":
            case "人":
            case "人数":
                return PERSONS;
            case "households":
            case "household":
            case "户":
            case "户数":
                return HOUSEHOLDS;
            default:
                throw new IllegalArgumentException("\"" + text + "\" is not a unit; expected persons or households");
        }
    }
}
