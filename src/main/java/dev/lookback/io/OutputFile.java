package dev.lookback.io;

import dev.lookback.vocabulary.Field;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An output file's columns, declared once ({@link OutputColumn}): the CSV writer ({@link #write}), the Tablesaw
 * view ({@link #table}), the workbook sheet and the HTML table (the columns {@link #forPeople}), the readers that
 * take the file back ({@link #reading}) and the Spark job's schema all come from this one list, so that a column
 * is added, renamed or given another format in one place.
 *
 * @param name        the file's name, {@code discrepancies.csv}
 * @param columns     its columns, in the CSV file's order (machines' and people's)
 * @param peopleOrder the order people see the columns in (empty: the CSV file's)
 * @param <T>         what a row is made from
 */
public record OutputFile<T>(String name, List<OutputColumn<T>> columns, List<Field> peopleOrder) {

    public OutputFile {
        columns = List.copyOf(columns);
        peopleOrder = List.copyOf(peopleOrder);
        if (!peopleOrder.isEmpty()) {
            List<Field> shown = columns.stream().filter(c -> c.audience().people()).map(OutputColumn::field).toList();
            if (peopleOrder.size() != shown.size() || !new java.util.HashSet<>(peopleOrder).equals(
                    new java.util.HashSet<>(shown))) {
                throw new IllegalArgumentException(name + ": people's order " + peopleOrder + " must list each of "
                        + shown + " once");
            }
        }
    }

    /** A file of these columns, which people see in the same order. */
    @SafeVarargs
    public static <T> OutputFile<T> of(String name, OutputColumn<T>... columns) {
        return new OutputFile<>(name, List.of(columns), List.of());
    }

    /** The same file, its columns shown to people in this order (the outcome before the numbers behind it). */
    public OutputFile<T> shownInOrder(Field... order) {
        return new OutputFile<>(name, columns, List.of(order));
    }

    /** The same file without these columns (a file whose rows lack them). */
    public OutputFile<T> without(Field... fields) {
        List<Field> gone = List.of(fields);
        return new OutputFile<>(name, columns.stream().filter(c -> !gone.contains(c.field())).toList(),
                peopleOrder.stream().filter(f -> !gone.contains(f)).toList());
    }

    /** The columns of the CSV file, the Tablesaw view and the Spark schema, in order. */
    public List<OutputColumn<T>> forMachines() {
        return columns.stream().filter(c -> c.audience().machines()).toList();
    }

    /** The columns of the workbook sheet and the HTML table, in order. */
    public List<OutputColumn<T>> forPeople() {
        if (peopleOrder.isEmpty()) {
            return columns.stream().filter(c -> c.audience().people()).toList();
        }
        return peopleOrder.stream().map(this::column).toList();
    }

    /** The CSV header. */
    public List<String> header() {
        return forMachines().stream().map(OutputColumn::name).toList();
    }

    /** The column of {@code field}. */
    public OutputColumn<T> column(Field field) {
        for (OutputColumn<T> c : columns) {
            if (c.field() == field) {
                return c;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + field.label());
    }

    /** The input column a reader of this file looks for to find {@code field} (required). */
    public Column reading(Field field) {
        return column(field).reading(false);
    }

    /** The same, optional: a file written before the column was added is still read. */
    public Column readingOptional(Field field) {
        return column(field).reading(true);
    }

    /** Writes the file: the header, then a row per item. */
    public void write(Path file, Iterable<? extends T> rows) throws IOException {
        List<OutputColumn<T>> cols = forMachines();
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row(header().toArray());
            Object[] cells = new Object[cols.size()];
            for (T row : rows) {
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cols.get(c).cell(row);
                }
                w.row(cells);
            }
        }
    }

    /**
     * A Tablesaw view with the CSV file's columns: text as a string column, flags as a boolean column, numbers as a
     * double column (a blank cell missing).
     */
    public Table table(String tableName, Iterable<? extends T> rows) {
        List<OutputColumn<T>> cols = forMachines();
        List<tech.tablesaw.columns.Column<?>> made = new ArrayList<>();
        for (OutputColumn<T> c : cols) {
            made.add(switch (c.kind()) {
                case TEXT -> StringColumn.create(c.name());
                case FLAG -> BooleanColumn.create(c.name());
                default -> DoubleColumn.create(c.name());
            });
        }
        for (T row : rows) {
            for (int i = 0; i < cols.size(); i++) {
                Object v = cols.get(i).valueOf(row);
                tech.tablesaw.columns.Column<?> column = made.get(i);
                if (column instanceof StringColumn s) {
                    s.append(v == null ? "" : v.toString());
                } else if (column instanceof BooleanColumn b) {
                    if (v instanceof Boolean flag) {
                        b.append(flag);
                    } else {
                        b.appendMissing();
                    }
                } else if (v instanceof Number n) {
                    ((DoubleColumn) column).append(n.doubleValue());
                } else {
                    column.appendMissing();
                }
            }
        }
        return Table.create(tableName, made.toArray(new tech.tablesaw.columns.Column<?>[0]));
    }

    @Override
    public String toString() {
        return name + ": " + String.join(", ", header());
    }
}
