package dev.lookback.io;

import dev.lookback.vocabulary.Field;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * <p>The columns are made when the file is first used ({@link #of(String, Supplier)}): each getter is a lambda, and
 * a JVM links a lambda the first time it runs it, 0.1–0.3 ms each before the JIT has compiled the linking code. A
 * review without leaders, funds, reports or a re-check links the getters of the files it writes, not the other
 * files' (a city review links 256 lambdas instead of 334).
 *
 * @param <T> what a row is made from
 */
public final class OutputFile<T> {
    private final String name;
    private final Supplier<List<OutputColumn<T>>> declared;
    private final List<Field> peopleOrder;
    private volatile List<OutputColumn<T>> columns;

    /**
     * A file of these columns.
     *
     * @param name        the file's name, {@code discrepancies.csv}
     * @param columns     its columns, in the CSV file's order (machines' and people's)
     * @param peopleOrder the order people see the columns in (empty: the CSV file's)
     */
    public OutputFile(String name, List<OutputColumn<T>> columns, List<Field> peopleOrder) {
        this(name, () -> columns, peopleOrder);
        columns();
    }

    private OutputFile(String name, Supplier<List<OutputColumn<T>>> declared, List<Field> peopleOrder) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.declared = java.util.Objects.requireNonNull(declared, "declared");
        this.peopleOrder = List.copyOf(peopleOrder);
    }

    /** A file of these columns, which people see in the same order. */
    @SafeVarargs
    public static <T> OutputFile<T> of(String name, OutputColumn<T>... columns) {
        return new OutputFile<>(name, List.of(columns), List.of());
    }

    /**
     * A file whose columns {@code columns} makes when the file is first used (then once): how the project's own
     * output files are declared, {@code OutputFile.of("estimates.csv", () -> List.of(OutputColumn.of(...), ...))}.
     */
    public static <T> OutputFile<T> of(String name, Supplier<List<OutputColumn<T>>> columns) {
        return new OutputFile<>(name, columns, List.of());
    }

    /** The file's name, {@code discrepancies.csv}. */
    public String name() {
        return name;
    }

    /**
     * Its columns, in the CSV file's order (machines' and people's), made on the first call.
     *
     * @throws IllegalArgumentException when the people's order does not list each column people see once
     */
    public List<OutputColumn<T>> columns() {
        List<OutputColumn<T>> made = columns;
        if (made == null) {
            synchronized (this) {
                made = columns;
                if (made == null) {
                    made = List.copyOf(declared.get());
                    checkOrder(made);
                    columns = made;
                }
            }
        }
        return made;
    }

    /** The order people see the columns in (empty: the CSV file's). */
    public List<Field> peopleOrder() {
        return peopleOrder;
    }

    private void checkOrder(List<OutputColumn<T>> made) {
        if (!peopleOrder.isEmpty()) {
            List<Field> shown = made.stream().filter(c -> c.audience().people()).map(OutputColumn::field).toList();
            if (peopleOrder.size() != shown.size() || !new java.util.HashSet<>(peopleOrder).equals(
                    new java.util.HashSet<>(shown))) {
                throw new IllegalArgumentException(name + ": people's order " + peopleOrder + " must list each of "
                        + shown + " once");
            }
        }
    }

    /** The same file, its columns shown to people in this order (the outcome before the numbers behind it). */
    public OutputFile<T> shownInOrder(Field... order) {
        OutputFile<T> file = new OutputFile<>(name, declared, List.of(order));
        if (columns != null) { // a file whose columns are made is checked at once, a declared one when first used
            file.columns();
        }
        return file;
    }

    /** The same file without these columns (a file whose rows lack them). */
    public OutputFile<T> without(Field... fields) {
        List<Field> gone = List.of(fields);
        return new OutputFile<>(name, () -> columns().stream().filter(c -> !gone.contains(c.field())).toList(),
                peopleOrder.stream().filter(f -> !gone.contains(f)).toList());
    }

    /** The columns of the CSV file, the Tablesaw view and the Spark schema, in order. */
    public List<OutputColumn<T>> forMachines() {
        return columns().stream().filter(c -> c.audience().machines()).toList();
    }

    /** The columns of the workbook sheet and the HTML table, in order. */
    public List<OutputColumn<T>> forPeople() {
        if (peopleOrder.isEmpty()) {
            return columns().stream().filter(c -> c.audience().people()).toList();
        }
        return peopleOrder.stream().map(this::column).toList();
    }

    /** The CSV header. */
    public List<String> header() {
        return forMachines().stream().map(OutputColumn::name).toList();
    }

    /** The column of {@code field}. */
    public OutputColumn<T> column(Field field) {
        for (OutputColumn<T> c : columns()) {
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
