package dev.lookback.io;

import java.util.List;

/**
 * One record of an input file, seen through a list of {@link Column}s. Values are trimmed text;
 * blank cells read as {@code null}. Parsing helpers throw {@link InputException}s that name the
 * file, line, column, value and what was expected. A row is valid only while the consumer that
 * was given it runs: a reader may show the next record through the same object.
 */
public final class Row {
    private final String file;
    private long line;
    private final List<Column> columns;
    private final String[] headers;
    private final String[] values;
    private final Decoder decoder;
    private final boolean[] decoded;

    /** Decodes the value of a column (by its index in the column list) on first use. */
    interface Decoder {
        /** The value, or {@code null} when blank; an {@link InputException} for undecodable bytes. */
        String decode(int column, long line, String header);
    }

    Row(String file, long line, List<Column> columns, String[] headers, String[] values) {
        this(file, line, columns, headers, values, null);
    }

    Row(String file, long line, List<Column> columns, String[] headers, String[] values, Decoder decoder) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.headers = headers;
        this.values = values;
        this.decoder = decoder;
        this.decoded = decoder == null ? null : new boolean[values.length];
    }

    /** Shows the next record through this row (values decoded anew on demand). */
    void reset(long newLine) {
        this.line = newLine;
        java.util.Arrays.fill(values, null);
        java.util.Arrays.fill(decoded, false);
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The line on which the record starts (the header is line 1). */
    public long line() {
        return line;
    }

    /**
     * The trimmed value, or {@code null} when blank or absent; a cell that a CSV writer neutralised against
     * formula injection ({@code '=…}, see {@link CsvWriter}) reads as its raw value.
     */
    public String text(Column c) {
        int i = index(c);
        if (decoder != null && !decoded[i]) {
            values[i] = CsvWriter.unneutralise(decoder.decode(i, line, headers[i]));
            decoded[i] = true;
        } else if (decoder == null && values[i] != null && values[i].length() > 1 && values[i].charAt(0) == '\'') {
            values[i] = CsvWriter.unneutralise(values[i]);
        }
        return values[i];
    }

    /** The value, which must not be blank. */
    public String requireText(Column c) {
        String v = text(c);
        if (v == null) {
            throw error(c, "", "a value is required");
        }
        return v;
    }

    /** A whole number ≥ {@code min}; blank is an error. */
    public int integer(Column c, int min) {
        String v = requireText(c);
        int parsed;
        try {
            parsed = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            double d = parseDoubleOrNaN(v);
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                parsed = (int) d; // "3.0" as Excel writes a whole number
            } else {
                throw error(c, v, "expected a whole number ≥ " + min);
            }
        }
        if (parsed < min) {
            throw error(c, v, "expected a whole number ≥ " + min);
        }
        return parsed;
    }

    /** A number within [min, max]; blank gives {@code NaN}. */
    public double number(Column c, double min, double max) {
        String v = text(c);
        if (v == null) {
            return Double.NaN;
        }
        double d = parseDoubleOrNaN(v);
        if (!(d >= min && d <= max)) {
            throw error(c, v, "expected a number from " + min + " to " + max);
        }
        return d;
    }

    /** true/false, 是/否, yes/no, 1/0, y/n, t/f; blank is an error. */
    public boolean bool(Column c) {
        String v = requireText(c);
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "t":
            case "yes":
            case "y":
            case "1":
            case "是":
            case "符合":
                return true;
            case "false":
            case "f":
            case "no":
            case "n":
            case "0":
            case "否":
            case "不符合":
                return false;
            default:
                throw error(c, v, "expected true or false (是/否)");
        }
    }

    private static double parseDoubleOrNaN(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** An error at this row and column: {@code "value" problem}. */
    /**
     * A date: {@code 2026-05-31}, {@code 2026/5/31}, {@code 2026.5.31} or {@code 2026年5月31日}; {@code null} when
     * blank; an {@link InputException} otherwise.
     */
    public java.time.LocalDate date(Column c) {
        String text = text(c);
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("[-/.年月日]");
        try {
            if (parts.length == 3) {
                return java.time.LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // reported below
        }
        throw error(c, text, "is not a date like 2026-05-31 (or 2026/5/31, 2026年5月31日)");
    }

    public InputException error(Column c, String value, String problem) {
        String col = headers[index(c)];
        String what = value == null ? problem
                : value.isEmpty() ? "blank, but " + problem
                : "\"" + value + "\" " + (problem.startsWith("expected") ? "— " + problem : problem);
        return new InputException(file, line, col == null ? c.name() : col, what);
    }

    private int index(Column c) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == c) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) { // a column list that was serialized (an engine's executors)
            if (columns.get(i).equals(c)) {
                return i;
            }
        }
        {
            throw new IllegalArgumentException("column " + c.name() + " is not part of this reading");
        }
    }
}
