package dev.lookback.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 parser: comma-separated, double-quoted fields with {@code ""} escapes,
 * line breaks inside quotes, CRLF or LF line ends. It tracks the physical line on which each
 * record starts.
 */
final class CsvParser {
    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder(64);

    CsvParser(Reader reader) {
        this.reader = reader;
    }

    /** The line on which the last record returned by {@link #next} starts. */
    long recordLine() {
        return recordLine;
    }

    /** The line being read (for errors raised while reading). */
    long currentLine() {
        return line;
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /**
     * Reads the next record's fields; blank lines are skipped. Returns {@code null} at the end.
     *
     * @throws QuoteException when a quoted field is not closed before the end of the file
     */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new QuoteException(recordLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return fields;
            } else if (c == '\r') {
                int d = read();
                if (d != '\n' && d != -1) {
                    position--; // a lone CR ends the record too
                }
                fields.add(field.toString());
                line++;
                return fields;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** A quoted field left open at the end of the file. */
    static final class QuoteException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        QuoteException(long line) {
            super("a quoted field opened on line " + line + " is never closed");
            this.line = line;
        }
    }
}
