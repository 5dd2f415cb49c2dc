package dev.lookback.io;

import java.util.Arrays;
import java.util.List;

/**
 * The header of a table read through a list of {@link Column}s: which cell names which column, English or
 * Chinese. It turns the fields of each record into a {@link Row}, so that any reader — Lookback's own, or an
 * engine that splits the lines itself (the Spark module) — gives the same rows and the same messages.
 * Immutable.
 */
public final class Header {
    private final String file;
    private final List<Column> columns;
    private final int[] index;
    private final String[] names;
    private final int size;

    private Header(String file, List<Column> columns, int[] index, String[] names, int size) {
        this.file = file;
        this.columns = columns;
        this.index = index;
        this.names = names;
        this.size = size;
    }

    /**
     * Maps the header cells of {@code file} onto {@code columns}.
     *
     * @throws InputException (line 1) when a required column is missing or two cells name one column
     */
    public static Header of(String file, List<String> cells, List<Column> columns) {
        List<Column> cols = List.copyOf(columns);
        int[] index = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            index[c] = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (col.matches(cells.get(i))) {
                    if (index[c] >= 0) {
                        throw new InputException(file, 1, cells.get(i), "both \"" + cells.get(index[c])
                                + "\" and \"" + cells.get(i) + "\" name column " + col.describe()
                                + "; keep one of them");
                    }
                    index[c] = i;
                }
            }
            if (index[c] < 0 && col.required()) {
                long filled = cells.stream().filter(h -> !h.isBlank()).count();
                throw new InputException(file, 1, null, "missing column " + col.describe() + "; the header has "
                        + cells + (cells.size() == 1 && cells.get(0).contains(";")
                                ? " (the file seems to use ';', but Lookback reads comma-separated files)"
                                : filled <= 1 ? " — this looks like a title row above the header: delete it so that the"
                                        + " first row holds the column names (删除表头上方的标题行)" : ""));
            }
        }
        String[] names = new String[index.length];
        for (int c = 0; c < index.length; c++) {
            names[c] = index[c] >= 0 ? cells.get(index[c]).replace("\uFEFF", "").strip() : null;
        }
        return new Header(file, cols, index, names, cells.size());
    }

    /** The file (or table) name used in messages. */
    public String file() {
        return file;
    }

    /** The cells of the header. */
    public int size() {
        return size;
    }

    /** Which header cell holds each column (by its position in the column list), −1 where absent; a copy. */
    int[] index() {
        return index.clone();
    }

    /** The header's own name of each column, {@code null} where absent; a copy. */
    String[] names() {
        return names.clone();
    }

    /**
     * The record on {@code line} (the header is line 1) as a {@link Row} of trimmed values; {@code null} for a
     * blank record.
     *
     * @throws InputException when the record has more non-blank fields than the header has cells
     */
    public Row row(long line, List<String> fields) {
        boolean blank = true;
        for (String f : fields) {
            if (f != null && !f.isBlank()) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return null;
        }
        if (fields.size() > size) {
            boolean extraBlank = true;
            for (int i = size; i < fields.size(); i++) {
                extraBlank &= fields.get(i) == null || fields.get(i).isBlank();
            }
            if (!extraBlank) {
                throw tooWide(file, line, fields.size(), size);
            }
        }
        String[] values = new String[columns.size()];
        for (int c = 0; c < values.length; c++) {
            int i = index[c];
            if (i >= 0 && i < fields.size() && fields.get(i) != null) {
                String v = fields.get(i).strip();
                values[c] = v.isEmpty() ? null : v;
            }
        }
        return new Row(file, line, columns, names, values);
    }

    /** A record with more non-blank fields than the header has cells: the file is not read as it was meant. */
    static InputException tooWide(String file, long line, int fields, int size) {
        return new InputException(file, line, null, "the record has " + fields + " fields but the header has " + size
                + " (a comma inside a value that is not quoted?)");
    }

    /** Which header cell holds the column at {@code position} in the column list, −1 where absent. */
    int cell(int position) {
        return index[position];
    }

    /** The columns, in the order the rows are read through. */
    public List<Column> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return file + ": " + columns.size() + " columns at " + Arrays.toString(index);
    }
}
