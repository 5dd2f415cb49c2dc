package dev.lookback.io;

import java.util.List;
import java.util.Locale;

/**
 * A column of an input file: its canonical English name, the Chinese (and other) header aliases
 * it is also known by, and whether a file must have it.
 */
public record Column(String name, List<String> aliases, boolean required) implements java.io.Serializable {

    public Column {
        aliases = List.copyOf(aliases);
    }

    /** A required column. */
    public static Column required(String name, String... aliases) {
        return new Column(name, List.of(aliases), true);
    }

    /** An optional column. */
    public static Column optional(String name, String... aliases) {
        return new Column(name, List.of(aliases), false);
    }

    /** The same column, not required (a file where it is optional). */
    public Column asOptional() {
        return new Column(name, aliases, false);
    }

    /** Whether a header cell names this column (case, spaces and a BOM ignored). */
    public boolean matches(String header) {
        String h = normalise(header);
        if (h.equals(normalise(name))) {
            return true;
        }
        for (String a : aliases) {
            if (h.equals(normalise(a))) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\uFEFF' && !Character.isWhitespace(c) && c != '\u3000') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** "status (状态)": the name with its first alias, for messages. */
    public String describe() {
        return aliases.isEmpty() ? name : name + " (" + aliases.get(0) + ")";
    }
}
