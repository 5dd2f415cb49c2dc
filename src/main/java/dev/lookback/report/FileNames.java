package dev.lookback.report;

import dev.lookback.draw.Tickets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names made from codes in the data (a county code names its rectification list): a code never
 * becomes a path as it is. Letters (any script), digits, {@code -} and {@code _} are kept; anything else
 * (separators, dots, spaces, control characters) becomes {@code _}. A name that had to change, that is
 * empty, that is a reserved device name on Windows, or that two codes would share, gets {@code -} and the
 * first 8 hex digits of the code's SHA-256, so every code keeps a file of its own.
 */
public final class FileNames {
    private static final Set<String> WINDOWS = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");
    private static final int LONGEST = 80;

    private FileNames() {
    }

    /** A file name (without extension) for each code, distinct, in the codes' order. */
    public static Map<String, String> safe(Collection<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String code : codes) {
            String name = safe(code);
            if (!used.add(name.toLowerCase(Locale.ROOT))) { // case-insensitive file systems (Windows, macOS)
                name = withHash(name, code);
                used.add(name.toLowerCase(Locale.ROOT));
            }
            out.put(code, name);
        }
        return out;
    }

    /** The file name (without extension) for one code. */
    public static String safe(String code) {
        StringBuilder sb = new StringBuilder();
        code.codePoints().forEach(c -> sb.appendCodePoint(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_'));
        String name = sb.length() > LONGEST ? sb.substring(0, LONGEST) : sb.toString();
        boolean changed = !name.equals(code);
        if (changed || name.isEmpty() || WINDOWS.contains(name.toUpperCase(Locale.ROOT))) {
            return withHash(name, code);
        }
        return name;
    }

    private static String withHash(String name, String code) {
        return (name.isEmpty() ? "_" : name) + "-" + Tickets.sha256(code).substring(0, 8);
    }

    /**
     * The file {@code name} inside {@code dir}, refused if it would lie anywhere else (a name from
     * {@link #safe} never does; this is the last check before writing).
     */
    public static Path inside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!file.getParent().equals(base)) {
            throw new IllegalArgumentException("the file name \"" + name + "\" would leave " + dir);
        }
        return file;
    }
}
