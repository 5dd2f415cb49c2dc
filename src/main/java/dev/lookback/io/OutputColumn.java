package dev.lookback.io;

import dev.lookback.vocabulary.Field;
import java.util.function.Function;

/**
 * A column of an output file, declared once: its {@link Field} (the CSV header {@code field.label()} and the
 * Chinese and English header people see), its {@link Kind} (the type of a Tablesaw or Spark column and the number
 * format of a workbook cell), the value for machines (CSV, Tablesaw, Spark), the value for people (workbooks and the
 * HTML report: Chinese terms, 是/否), who sees it, and how a reader finds it again. An {@link OutputFile} lists its
 * columns; everything that writes or reads the file goes through that list.
 *
 * @param field    the column's name in every language
 * @param kind     what its values are and how people see them
 * @param value    the value for machines of a row: a String, a Boolean, a Number, or null (a blank cell)
 * @param shown    the value for people (null: the machine value, a Boolean as 是/否)
 * @param audience who sees the column
 * @param aliases  other headers a reader accepts for the column, beside its CSV header, its Chinese and its workbook
 *                 header (an input column's aliases, or a header an older file had)
 * @param <T>      what a row of the file is made from
 */
public record OutputColumn<T>(Field field, Kind kind, Function<? super T, ?> value, Function<? super T, ?> shown,
        Audience audience, java.util.List<String> aliases) {

    /** What a column's values are: its type for machines and its number format for people. */
    public enum Kind {
        /** Text, a text cell ({@code @}). */
        TEXT("@"),
        /** true or false; 是 or 否 for people. */
        FLAG("@"),
        /** A count, a whole number ({@code 0}); a fraction, when there is one, is written in full. */
        INTEGER("0"),
        /** A number shown to two places. */
        DECIMAL("0.00"),
        /** A rate, shown as a percentage to two places. */
        PERCENT("0.00%"),
        /** A probability or p-value, shown to four places. */
        PROBABILITY("0.0000"),
        /** Yuan, with thousands separators. */
        MONEY("#,##0.00");

        private final String format;

        Kind(String format) {
            this.format = format;
        }

        /** The workbook cells' number format. */
        public String format() {
            return format;
        }

        /** Whether the values are numbers. */
        public boolean numeric() {
            return this != TEXT && this != FLAG;
        }
    }

    /** Who sees a column: both (the usual), only machines (codes beside their Chinese), or only people. */
    public enum Audience {
        BOTH, MACHINES, PEOPLE;

        boolean machines() {
            return this != PEOPLE;
        }

        boolean people() {
            return this != MACHINES;
        }
    }

    public OutputColumn {
        java.util.Objects.requireNonNull(field, "field");
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(audience, "audience");
        aliases = java.util.List.copyOf(aliases);
    }

    /** A column seen by machines and people, read back by the field's names. */
    public static <T> OutputColumn<T> of(Field field, Kind kind, Function<? super T, ?> value) {
        return new OutputColumn<>(field, kind, value, null, Audience.BOTH, java.util.List.of());
    }

    /** The same column, shown to people as {@code forPeople} gives it. */
    public OutputColumn<T> shown(Function<? super T, ?> forPeople) {
        return new OutputColumn<>(field, kind, value, forPeople, audience, aliases);
    }

    /** The same column, in the files for machines only (a code whose Chinese is its own column). */
    public OutputColumn<T> machinesOnly() {
        return new OutputColumn<>(field, kind, value, shown, Audience.MACHINES, aliases);
    }

    /** The same column, for people only (a workbook's note that the CSV file keeps apart). */
    public OutputColumn<T> peopleOnly() {
        return new OutputColumn<>(field, kind, value, shown, Audience.PEOPLE, aliases);
    }

    /** The same column, found by a reader also by the input column {@code column}'s name and aliases. */
    public OutputColumn<T> readAs(Column column) {
        java.util.List<String> more = new java.util.ArrayList<>(aliases);
        more.add(column.name());
        more.addAll(column.aliases());
        return new OutputColumn<>(field, kind, value, shown, audience, more);
    }

    /** The same column, found by a reader also under these headers. */
    public OutputColumn<T> alsoRead(String... headers) {
        java.util.List<String> more = new java.util.ArrayList<>(aliases);
        more.addAll(java.util.List.of(headers));
        return new OutputColumn<>(field, kind, value, shown, audience, more);
    }

    /** The column's CSV header. */
    public String name() {
        return field.label();
    }

    /** The value for machines of {@code row}. */
    public Object valueOf(T row) {
        return value.apply(row);
    }

    /**
     * The CSV cell of {@code row}: blank for null, a whole number of an {@link Kind#INTEGER} column as an integer,
     * any other number as {@link Double#toString} ({@code NaN} where undefined), text as it is.
     */
    public Object cell(T row) {
        Object v = value.apply(row);
        if (v == null) {
            return "";
        }
        if (kind == Kind.INTEGER && (v instanceof Double || v instanceof Float)) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return v;
    }

    /** The value for people of {@code row}: a number (null when undefined), a text, or null for an empty cell. */
    public Object shownOf(T row) {
        Object v = shown != null ? shown.apply(row) : value.apply(row);
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (v instanceof Number n && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
            return null;
        }
        return v;
    }

    /**
     * The input column a reader of the file looks for: named by the CSV header, also found by the field's Chinese,
     * its workbook header (县 county) and the {@link #aliases}; required unless {@code optional}.
     */
    public Column reading(boolean optional) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(field.chinese());
        names.add(field.header());
        names.addAll(aliases);
        names.remove(field.label());
        return new Column(field.label(), java.util.List.copyOf(names), !optional);
    }
}
