package dev.lookback.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes UTF-8 CSV (RFC 4180, LF line ends), quoting a field only when it needs it. */
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
            out.write(quote(String.valueOf(fields[i])));
        }
        out.write('\n');
        return this;
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
