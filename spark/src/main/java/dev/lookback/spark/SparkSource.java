package dev.lookback.spark;

import dev.lookback.io.Column;
import dev.lookback.io.CsvRecords;
import dev.lookback.io.Header;
import dev.lookback.io.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Where the records of a register or a spot check come from on Spark: CSV files (one file, or a folder of
 * part files each with its header; UTF-8 or GBK; on any file system Hadoop reads: local, HDFS, S3), Parquet or
 * ORC files, a table of the session's catalog (a Hive table when the session has Hive support), or a
 * {@code Dataset<Row>} the application already holds. The header, English or Chinese, is mapped onto Lookback's
 * columns as Lookback maps it, and each record reaches the cross-check as a Lookback {@link dev.lookback.io.Row},
 * with its file and line, so that every message is the one the in-process review gives.
 *
 * <p>CSV is read by byte ranges, in parallel, without Spark's CSV reader: each range is parsed by Lookback's own
 * parser, and a first pass counts the lines of every range so that each record keeps its line number in the file.
 * A quoted field may hold a line break, except across the boundary of two ranges. A table has no lines: its
 * records are numbered in the order Spark reads them, from 2 (as if under a header), as Lookback numbers the rows of
 * an in-memory table.
 */
public final class SparkSource implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most bytes of CSV one task reads. */
    static final long MAX_RANGE = 128L << 20;
    /** A Spark setting for the bytes of CSV a task reads (normally from 4 to 128 MiB, by the input's size). */
    public static final String RANGE_BYTES = "lookback.csv.rangeBytes";
    /** The fewest bytes worth a task of their own. */
    static final long MIN_RANGE = 4L << 20;

    private final String name;
    private final String location;
    private final String format; // csv, parquet, orc, table, dataset
    private final String encoding;
    private final transient Dataset<Row> dataset;

    private SparkSource(String name, String location, String format, String encoding, Dataset<Row> dataset) {
        this.name = name;
        this.location = location;
        this.format = format;
        this.encoding = encoding;
        this.dataset = dataset;
    }

    /** CSV at a path (a file or a folder of part files), UTF-8. */
    public static SparkSource csv(String path) {
        return csv(path, StandardCharsets.UTF_8);
    }

    /** CSV at a path (a file or a folder of part files) in an encoding (UTF-8 or GBK). */
    public static SparkSource csv(String path, Charset encoding) {
        return new SparkSource(lastSegment(path), path, "csv", encoding.name(), null);
    }

    /** Parquet files at a path. */
    public static SparkSource parquet(String path) {
        return new SparkSource(lastSegment(path), path, "parquet", null, null);
    }

    /** ORC files at a path. */
    public static SparkSource orc(String path) {
        return new SparkSource(lastSegment(path), path, "orc", null, null);
    }

    /** A table of the session's catalog ({@code db.table}; Hive when the session has Hive support). */
    public static SparkSource table(String table) {
        return new SparkSource(table, table, "table", null, null);
    }

    /** Records the application already holds; {@code name} is used in messages. */
    public static SparkSource of(String name, Dataset<Row> records) {
        return new SparkSource(name, name, "dataset", null, records);
    }

    /**
     * A location as the command line gives it: {@code table:db.name} for a catalog table; a path ending in
     * {@code .parquet} or {@code .orc} (or a folder of such files) for those formats; CSV otherwise.
     */
    public static SparkSource at(String location, Charset encoding) {
        if (location.startsWith("table:")) {
            return table(location.substring("table:".length()));
        }
        String lower = location.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (lower.endsWith(".parquet")) {
            return parquet(location);
        }
        if (lower.endsWith(".orc")) {
            return orc(location);
        }
        return csv(location, encoding);
    }

    /** The name used in messages: the file's name, or the table's. */
    public String name() {
        return name;
    }

    /** Where the records are, as given. */
    public String location() {
        return location;
    }

    /** csv, parquet, orc, table or dataset. */
    public String format() {
        return format;
    }

    @Override
    public String toString() {
        return format + " " + location;
    }

    private static String lastSegment(String path) {
        String p = path.replaceAll("/+$", "");
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** Turns one Lookback row into Spark rows. */
    @FunctionalInterface
    interface RowParser extends Serializable {
        void parse(dev.lookback.io.Row row, List<Row> out);
    }

    /**
     * Every non-blank record through {@code parser}; a whole-file problem (a missing column, bytes not in the
     * encoding) is an {@link InputException} with the file, line and column, as Lookback gives it.
     */
    JavaRDD<Row> records(SparkSession spark, List<Column> columns, RowParser parser) {
        if (format.equals("csv")) {
            return csvRecords(spark, columns, parser);
        }
        Dataset<Row> table = switch (format) {
            case "parquet" -> spark.read().parquet(location);
            case "orc" -> spark.read().orc(location);
            case "table" -> spark.table(location);
            default -> dataset;
        };
        List<String> cells = Arrays.asList(table.columns());
        Header header = Header.of(name, cells, columns); // refuses a missing column here, on the driver
        List<org.apache.spark.sql.Column> selected = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Column c : columns) {
            for (String cell : cells) {
                if (c.matches(cell)) {
                    selected.add(functions.col("`" + cell.replace("`", "``") + "`").cast("string"));
                    used.add(cell);
                }
            }
        }
        String file = name;
        return table.select(selected.toArray(org.apache.spark.sql.Column[]::new)).javaRDD().zipWithIndex()
                .mapPartitions(it -> {
                    Header h = Header.of(file, used, columns);
                    List<String> fields = new ArrayList<>(used.size());
                    return new Parsed(() -> {
                        while (it.hasNext()) {
                            scala.Tuple2<Row, Long> t = it.next();
                            fields.clear();
                            for (int i = 0; i < used.size(); i++) {
                                fields.add(t._1().isNullAt(i) ? "" : t._1().getString(i));
                            }
                            dev.lookback.io.Row row = h.row(t._2() + 2, fields);
                            if (row != null) {
                                return row;
                            }
                        }
                        return null;
                    }, parser);
                }).setName(name + " " + header.size() + " columns");
    }

    /** Where the next Lookback row comes from: {@code null} at the end. */
    @FunctionalInterface
    private interface RowSupplier {
        dev.lookback.io.Row next() throws IOException;
    }

    /** The Spark rows of a stream of Lookback rows, parsed one at a time as Spark asks for them. */
    private static final class Parsed implements Iterator<Row> {
        private final RowSupplier rows;
        private final RowParser parser;
        private final List<Row> buffer = new ArrayList<>(2);
        private int at;
        private boolean end;

        Parsed(RowSupplier rows, RowParser parser) {
            this.rows = rows;
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            while (at == buffer.size() && !end) {
                buffer.clear();
                at = 0;
                dev.lookback.io.Row row;
                try {
                    row = rows.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (row == null) {
                    end = true;
                } else {
                    parser.parse(row, buffer);
                }
            }
            return at < buffer.size();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return buffer.get(at++);
        }
    }

    /** A byte range of a CSV file: the lines that start in [start, end). */
    private record Range(String path, String file, long start, long end, int index) implements Serializable {
    }

    private JavaRDD<Row> csvRecords(SparkSession spark, List<Column> columns, RowParser parser) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Charset charset = Charset.forName(encoding);
        List<Range> ranges = new ArrayList<>();
        List<List<String>> headers = new ArrayList<>();
        try {
            Path root = new Path(location);
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                throw new InputException(name, 0, null, "no such file (" + location + ")");
            }
            List<FileStatus> files = new ArrayList<>();
            if (fs.getFileStatus(root).isDirectory()) {
                for (FileStatus f : fs.listStatus(root)) {
                    String n = f.getPath().getName();
                    if (f.isFile() && !n.startsWith("_") && !n.startsWith(".")) {
                        files.add(f);
                    }
                }
                files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
                if (files.isEmpty()) {
                    throw new InputException(name, 0, null, "the folder holds no file");
                }
            } else {
                files.add(fs.getFileStatus(root));
            }
            long total = files.stream().mapToLong(FileStatus::getLen).sum();
            int cores = spark.sparkContext().defaultParallelism();
            long size = Math.max(MIN_RANGE, Math.min(MAX_RANGE, total / Math.max(1, 2L * cores) + 1));
            String forced = spark.conf().get(RANGE_BYTES, null);
            if (forced != null) {
                size = Math.max(1, Long.parseLong(forced));
            }
            for (FileStatus f : files) {
                String file = f.getPath().getName();
                List<String> cells;
                try (CsvRecords r = new CsvRecords(file, fs.open(f.getPath()), charset, 1)) {
                    cells = r.header(columns);
                }
                Header.of(file, cells, columns); // refuses a missing column here, on the driver
                headers.add(cells);
                for (long s = 0; s < Math.max(1, f.getLen()); s += size) {
                    ranges.add(new Range(f.getPath().toString(), file, s, Math.min(f.getLen(), s + size), headers.size() - 1));
                }
            }
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot be read: " + e.getMessage());
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConfiguration hadoop = new SerializableConfiguration(conf);
        // the line on which each range's first line lies: newlines before the range, counted in parallel
        long[] firstNewlines = new long[ranges.size()];
        boolean oneRangePerFile = ranges.stream().allMatch(r -> r.start() == 0);
        if (!oneRangePerFile) {
            List<Long> counts = jsc.parallelize(ranges, ranges.size()).map(r -> newlines(hadoop.value(), r)).collect();
            for (int i = 1; i < ranges.size(); i++) {
                firstNewlines[i] = ranges.get(i).start() == 0 ? 0 : firstNewlines[i - 1] + counts.get(i - 1);
            }
        }
        List<scala.Tuple2<Range, Long>> work = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            work.add(new scala.Tuple2<>(ranges.get(i), firstNewlines[i]));
        }
        String enc = encoding;
        return jsc.parallelize(work, Math.max(1, work.size())).mapPartitions(it -> {
            CsvRecords[] open = {null};
            Header[] header = {null};
            return new Parsed(() -> {
                while (true) {
                    if (open[0] != null) {
                        dev.lookback.io.Row row = open[0].next(header[0]);
                        if (row != null) {
                            return row;
                        }
                        open[0].close();
                        open[0] = null;
                    }
                    if (!it.hasNext()) {
                        return null;
                    }
                    scala.Tuple2<Range, Long> w = it.next();
                    Range r = w._1();
                    header[0] = Header.of(r.file(), headers.get(r.index()), columns);
                    open[0] = openRange(hadoop.value(), r, w._2(), Charset.forName(enc), header[0]);
                }
            }, parser);
        }).setName(name);
    }

    /** The newlines in [start, end) of a file. */
    private static long newlines(Configuration conf, Range r) throws IOException {
        Path p = new Path(r.path());
        long count = 0;
        try (FSDataInputStream in = p.getFileSystem(conf).open(p)) {
            in.seek(r.start());
            byte[] buf = new byte[1 << 16];
            long left = r.end() - r.start();
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
                left -= n;
            }
        }
        return count;
    }

    /** The records of a range, with their lines in the file; {@code null} when no line starts in it. */
    private static CsvRecords openRange(Configuration conf, Range r, long newlinesBefore, Charset charset, Header header)
            throws IOException {
        Path p = new Path(r.path());
        FSDataInputStream raw = p.getFileSystem(conf).open(p);
        long start = r.start();
        long line = 1 + newlinesBefore;
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (start > 0) { // the range's first line starts after the first newline at or after start − 1
            raw.seek(start - 1);
            int b;
            long at = start - 1;
            while ((b = in.read()) >= 0 && b != '\n') {
                at++;
            }
            if (at >= start) {
                line++;
            }
            start = at + 1;
        }
        CsvRecords records = new CsvRecords(r.file(), new RangeStream(in, Math.max(0, r.end() - start)), charset, line);
        if (r.start() == 0) {
            records.header(header.columns());
        }
        return records;
    }

    /** The bytes up to a limit, then on to the end of the line the limit falls in. */
    private static final class RangeStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean lastWasNewline = true;
        private boolean done;
        private final byte[] one = new byte[1];

        RangeStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done || len == 0) {
                return done ? -1 : 0;
            }
            if (left > 0) {
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    done = true;
                    return -1;
                }
                left -= n;
                lastWasNewline = b[off + n - 1] == '\n';
                return n;
            }
            if (lastWasNewline) {
                done = true;
                return -1;
            }
            int n = 0;
            while (n < len) { // the rest of the line that crosses the limit
                int c = in.read();
                if (c < 0) {
                    done = true;
                    break;
                }
                b[off + n++] = (byte) c;
                if (c == '\n') {
                    done = true;
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Whether an exception, or one it wraps (a failed Spark task), is Lookback's input error; that error. */
    static InputException inputError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputException e) {
                return e;
            }
        }
        return null;
    }

}
