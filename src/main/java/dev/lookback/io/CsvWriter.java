package dev.lookback.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes UTF-8 CSV (RFC 4180, LF line ends), quoting a field only when it needs it.
 *
 * <p>Safe cells (OWASP, "CSV Injection"): a text value that a spreadsheet would run as a formula — one that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return and is not a number —
 * is written with a single quote before it ({@code '=HYPERLINK(…)}), which spreadsheets show as text.
 * Numbers ({@code -0.5}, {@code NaN}) are written as they are. The raw value is recovered by dropping that
 * one quote when the next character is one of those; Lookback's own readers do so ({@link #unneutralise}).
 */
public final class CsvWriter implements Closeable {
    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer to a new file (replaced if it exists). */
    public static CsvWriter create(Path file) throws IOException {
        return new CsvWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
    }

    /** A writer on an open writer, which {@link #close()} closes. */
    public static CsvWriter on(Writer writer) {
        return new CsvWriter(writer);
    }

    /** Writes one record. */
    public CsvWriter row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object f = fields[i];
            String text = String.valueOf(f);
            out.write(quote(f instanceof Number ? text : neutralise(text)));
        }
        out.write('\n');
        return this;
    }

    /** The value as a spreadsheet will show it, never run it: see the class documentation. */
    public static String neutralise(String s) {
        return runnable(s, 0) && !isNumber(s) ? "'" + s : s;
    }

    /** The raw value of a neutralised cell: one leading quote dropped before a formula character. */
    public static String unneutralise(String s) {
        return s != null && s.length() > 1 && s.charAt(0) == '\'' && runnable(s, 1) && !isNumber(s.substring(1))
                ? s.substring(1) : s;
    }

    private static boolean runnable(String s, int at) {
        if (s.length() <= at) {
            return false;
        }
        char c = s.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A decimal number as the writers print them: -0.5, +3, 1.0E-4, -Infinity (never a formula). */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity");

    private static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needs && !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)))) {
            needs = true;
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
