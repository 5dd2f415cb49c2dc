package dev.lookback.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Where the records of one input come from: a CSV file or stream (UTF-8 with or without BOM, or
 * GBK), an Excel .xlsx sheet, or a Tablesaw {@link Table}. Reading maps the header, English or
 * Chinese, onto {@link Column}s and hands each non-blank record to a consumer as a {@link Row}.
 */
public abstract class TabularSource {
    static {
        Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }

    private final String name;

    TabularSource(String name) {
        this.name = name;
    }

    /** The name used in messages, normally the file name. */
    public String name() {
        return name;
    }

    /** The file the records come from, if they come from a file. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.empty();
    }

    /**
     * How the source's text is encoded, as the manifest records it: a CSV file's {@link Encoding} (detected when
     * none was named, at the first read), {@code xlsx} for a workbook, {@code table} for a Tablesaw table.
     */
    public String encodingLabel() {
        return "table";
    }

    /**
     * The SHA-256 (lower-case hex) and size of the bytes that the last complete read took from the file, while the
     * file is unchanged since (same size and modification time): what a manifest records of an input without reading
     * it again. Empty before a complete read, for a workbook, a stream or a table.
     */
    public java.util.Optional<FileDigest> lastDigest() {
        return java.util.Optional.empty();
    }

    /**
     * The SHA-256 of a file's bytes as a read took them, its size and its modification time then.
     *
     * @param sha256   lower-case hex
     * @param bytes    the bytes read
     * @param modified the file's modification time after the read
     */
    public record FileDigest(String sha256, long bytes, java.nio.file.attribute.FileTime modified) {
    }

    /**
     * Reads every record. Problems with the file as a whole (unreadable, wrong encoding, a
     * required column missing) throw {@link InputException}; problems with one record are the
     * consumer's to find through the {@link Row} helpers.
     */
    public long read(List<Column> columns, Consumer<Row> consumer) {
        return read(columns, KeyFilter.all(), consumer);
    }

    /**
     * Reads the records that {@code filter} lets through; returns how many non-blank records the
     * source has in all, those filtered out included.
     */
    public abstract long read(List<Column> columns, KeyFilter filter, Consumer<Row> consumer);

    /**
     * A file: .xlsx by its extension, otherwise CSV in the given encoding, or in the encoding detected from its first
     * bytes when {@code encoding} is null (UTF-8 with or without BOM, or GBK/GB18030: see {@link Encoding#detect}).
     */
    public static TabularSource of(Path path, Charset encoding) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return new XlsxSource(path);
        }
        if (file.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new InputException(file, 0, null,
                    "the old Excel .xls format is not read; save the sheet as .xlsx or CSV");
        }
        return new CsvSource(file, path, null, encoding);
    }

    /** A CSV file in the encoding its first bytes show (UTF-8 with or without BOM, or GBK), or an .xlsx file. */
    public static TabularSource of(Path path) {
        return of(path, null);
    }

    /** CSV from a stream, read once; {@code name} is used in messages; a null encoding is detected. */
    public static TabularSource csv(String name, InputStream in, Charset encoding) {
        return new CsvSource(name, null, in, encoding);
    }

    /** The rows of a Tablesaw table, its column names as the header; the table is not changed. */
    public static TabularSource of(String name, Table table) {
        return new TableSource(name, table);
    }

    /** Hands a decoded row to the consumer if the filter lets it through; 1 for a row, 0 for a blank one. */
    static int deliver(Row row, KeyFilter filter, Consumer<Row> consumer) {
        if (row == null) {
            return 0;
        }
        if (filter.accepts(row)) {
            consumer.accept(row);
        } else {
            filter.addRejected(row);
        }
        return 1;
    }

    /** Files at least this large are parsed on a reader thread while the caller uses the records. */
    static final long PARALLEL_BYTES = 1L << 20;
    /** Files of at least this many bytes are parsed by two reader threads ({@link ChunkedBatches}). */
    static final long CHUNKED_BYTES = 8L << 20;

    /** Reads a CSV file or stream. Rows are valid only while the consumer has them. */
    static final class CsvSource extends TabularSource {
        private final Path path;
        private final InputStream stream;
        /** The encoding named, or null to detect it. */
        private final Charset named;
        /** The encoding of the last read (a file's detected encoding is kept for its later reads). */
        private volatile Encoding used;
        /** The last complete read of the file, whose digest is taken when first asked for, or null. */
        private volatile CompleteRead last;
        /** The digests the first JVM hands over (null: none; this JVM hashes with SHA-256). */
        private final ParentDigests handed;

        CsvSource(String name, Path path, InputStream stream, Charset encoding) {
            this(name, path, stream, encoding, path == null ? null : ParentDigests.received());
        }

        CsvSource(String name, Path path, InputStream stream, Charset encoding, ParentDigests handed) {
            super(name);
            this.handed = handed;
            this.path = path;
            this.stream = stream;
            this.named = encoding;
            this.used = encoding == null ? null : Encoding.named(encoding);
        }

        @Override
        public java.util.Optional<Path> path() {
            return java.util.Optional.ofNullable(path);
        }

        @Override
        public String encodingLabel() {
            Encoding e = used;
            if (e == null && path != null) {
                try (InputStream in = Files.newInputStream(path)) {
                    e = detect(in).encoding;
                } catch (IOException x) {
                    return "unknown";
                }
            }
            return e == null ? "unknown" : e.toString();
        }

        /**
         * A file's stream that hashes and counts the bytes read through it: with SHA-256, or with CRC-32C when the first
         * JVM hands over the file's SHA-256 ({@link ParentDigests}), which stands for the bytes read when their count
         * and CRC-32C agree.
         */
        private static final class Hashing extends java.io.FilterInputStream {
            private final java.security.MessageDigest sha;
            private final java.util.zip.CRC32C crc;
            private long bytes;
            /** Whether a read met the end of the file. */
            private volatile boolean ended;

            Hashing(InputStream in, boolean handedOver) {
                super(in);
                if (handedOver) {
                    sha = null;
                    crc = new java.util.zip.CRC32C();
                    return;
                }
                crc = null;
                try {
                    sha = java.security.MessageDigest.getInstance("SHA-256");
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException("every Java platform has SHA-256", e);
                }
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    if (sha != null) {
                        sha.update((byte) b);
                    } else {
                        crc.update(b);
                    }
                    bytes++;
                } else {
                    ended = true;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    if (sha != null) {
                        sha.update(b, off, n);
                    } else {
                        crc.update(b, off, n);
                    }
                    bytes += n;
                } else if (n < 0) {
                    ended = true;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException { // read, not skipped: every byte is hashed
                byte[] scratch = new byte[8192];
                long left = n;
                while (left > 0) {
                    int r = read(scratch, 0, (int) Math.min(scratch.length, left));
                    if (r < 0) {
                        break;
                    }
                    left -= r;
                }
                return n - left;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            /**
             * The digest of the bytes read, with the file's modification time; for a file whose SHA-256 the first JVM
             * hands over, that one when it read the same bytes, else null.
             */
            FileDigest digest(Path path, ParentDigests handed, java.nio.file.attribute.FileTime modified) {
                if (sha != null) {
                    return new FileDigest(java.util.HexFormat.of().formatHex(sha.digest()), bytes, modified);
                }
                return handed.sha256(path, bytes, crc.getValue()).map(h -> new FileDigest(h, bytes, modified))
                        .orElse(null);
            }
        }

        /** An input whose first bytes were read to detect its encoding, and that gives them back. */
        private record Sniffed(Encoding encoding, InputStream in) {
        }

        private Sniffed detect(InputStream in) throws IOException {
            byte[] head = new byte[Encoding.HEAD_BYTES];
            int n = in.readNBytes(head, 0, head.length);
            boolean whole = n < head.length;
            Encoding e = Encoding.detect(name(), head, n, whole);
            return new Sniffed(e, new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, n), in));
        }

        /** A read to the end of the file: its digest is resolved when first asked for (a handed-over one may be on its way). */
        private final class CompleteRead {
            private final Hashing hashing;
            private final java.nio.file.attribute.FileTime modified;
            private FileDigest digest;
            private boolean resolved;

            CompleteRead(Hashing hashing, java.nio.file.attribute.FileTime modified) {
                this.hashing = hashing;
                this.modified = modified;
            }

            synchronized FileDigest digest() {
                if (!resolved) {
                    digest = hashing.digest(path, handed, modified);
                    resolved = true;
                }
                return digest;
            }
        }

        @Override
        public java.util.Optional<FileDigest> lastDigest() {
            CompleteRead read = last;
            FileDigest d = read == null ? null : read.digest();
            try {
                if (d != null && Files.size(path) == d.bytes() && Files.getLastModifiedTime(path).equals(d.modified())) {
                    return java.util.Optional.of(d);
                }
            } catch (IOException e) {
                // gone or unreadable: no digest to stand for it
            }
            return java.util.Optional.empty();
        }

        @Override
        public long read(List<Column> columns, KeyFilter filter, Consumer<Row> consumer) {
            // a file's bytes are hashed as they are read (on the reader's thread), for the manifest: one pass (with
            // CRC-32C when the first JVM hands over the file's SHA-256)
            Hashing hashing = null;
            boolean handedOver = handed != null && path != null && handed.covers(path);
            try (InputStream raw = path != null ? (hashing = new Hashing(Files.newInputStream(path), handedOver)) : stream) {
                Encoding encoding = used;
                InputStream in = raw;
                if (named == null && (encoding == null || path == null)) {
                    Sniffed sniffed = detect(raw);
                    encoding = sniffed.encoding();
                    in = sniffed.in();
                    used = encoding;
                }
                if (!ByteCsvParser.supports(encoding.charset())) {
                    throw new InputException(name(), 0, null, "the encoding " + encoding.charset().name()
                            + " is not supported for CSV; save the file as UTF-8 or GBK", true, Encoding.FIX);
                }
                long records = parse(new ByteCsvParser(in, encoding.charset()), encoding, columns, filter, consumer);
                if (hashing != null && hashing.ended) { // read to its end: the digest is the whole file's
                    last = new CompleteRead(hashing, Files.getLastModifiedTime(path));
                }
                return records;
            } catch (NoSuchFileException e) {
                throw new InputException(name(), 0, null, "no such file (" + e.getFile() + ")");
            } catch (IOException e) {
                throw new InputException(name(), 0, null, "cannot be read: " + e.getMessage());
            }
        }

        /**
         * How to read the records after the header: on this thread for small inputs, by a reader
         * thread for a large file on a machine with two or more cores.
         */
        private Batches batches(ByteCsvParser parser, Batches.Keys keys) throws IOException {
            if (path == null || Runtime.getRuntime().availableProcessors() < 2) {
                return Batches.of(parser, false, keys);
            }
            long size = Files.size(path);
            long start = parser.offset();
            if (size - start < PARALLEL_BYTES) {
                return Batches.of(parser, false, keys);
            }
            if (size - start >= CHUNKED_BYTES) {
                return new ChunkedBatches(parser, keys);
            }
            return Batches.of(parser, true, keys);
        }

        /** Field positions in the file of the given column positions. */
        private static int[] fieldsOf(int[] columnPositions, int[] index) {
            int[] f = new int[columnPositions.length];
            for (int k = 0; k < f.length; k++) {
                f[k] = index[columnPositions[k]];
            }
            return f;
        }

        /**
         * The record of a batch that a reused {@link Row} shows: decodes a column's field on demand,
         * giving back the previous String where a column's bytes repeat.
         */
        private final class Cursor implements Row.Decoder {
            private final int columns;
            private final Encoding encoding;
            private ByteCsvParser.Batch batch;
            private int base;

            Cursor(int columns, Encoding encoding) {
                this.columns = columns;
                this.encoding = encoding;
            }

            void moveTo(ByteCsvParser.Batch b, int r) {
                batch = b;
                base = r * columns;
            }

            @Override
            public String decode(int column, long line, String headerName) {
                if (batch.invalid[base + column]) {
                    throw notEncoded(name(), line, headerName, encoding);
                }
                return batch.values[base + column];
            }
        }

        /** Refuses a record with more non-blank fields than the header has. */
        private void checkWidth(ByteCsvParser.Batch b, int r, int headerSize) {
            int n = b.fields(r);
            for (int i = headerSize; i < n; i++) {
                if (!b.isBlank(r, i)) {
                    throw Header.tooWide(name(), b.lines[r], n, headerSize);
                }
            }
        }

        private long parse(ByteCsvParser parser, Encoding encoding, List<Column> columns, KeyFilter filter,
                Consumer<Row> consumer) throws IOException {
            try {
                if (!parser.next()) {
                    throw new InputException(name(), 0, null, "the file is empty; expected a header line with "
                            + describeRequired(columns));
                }
                List<String> header = new ArrayList<>(parser.fieldCount());
                for (int i = 0; i < parser.fieldCount(); i++) {
                    try {
                        header.add(parser.rawField(i));
                    } catch (CharacterCodingException e) {
                        throw notEncoded(name(), parser.recordLine(), null, encoding);
                    }
                }
                Header mapped = Header.of(name(), header, columns);
                int[] index = mapped.index();
                String[] names = mapped.names();
                int headerSize = header.size();
                Cursor cursor = new Cursor(columns.size(), encoding);
                Row row = new Row(name(), 0, columns, names, new String[columns.size()], cursor);
                boolean filtering = !filter.passesEverything();
                int[] keyFields = filtering ? fieldsOf(filter.positions(columns), index) : null;
                Charset charset = encoding.charset();
                KeyFilter.ByteKeys[] keys = filtering ? filter.byteKeys(charset) : null;
                long records = 0;
                int hashField = -1;
                if (filtering && filter.hashed() != null) {
                    hashField = index[KeyFilter.position(filter.hashed(), columns)];
                    hashField = hashField < 0 ? Batches.HASH_MISSING_FIELD : hashField;
                }
                filter.begin(charset);
                Batches.Keys readerKeys = new Batches.Keys(filtering ? keyFields : null, keys, hashField, index,
                        parser.newDecoder(), headerSize);
                try (Batches batches = batches(parser, readerKeys)) {
                    ByteCsvParser.Batch b;
                    while ((b = batches.next()) != null) {
                        records += b.records + b.skipped;
                        if (hashField != -1) {
                            filter.addRejected(b.rejected, (int) b.skipped);
                        }
                        for (int r = 0; r < b.records; r++) {
                            int verdict = b.verdicts[r];
                            checkWidth(b, r, headerSize);
                            cursor.moveTo(b, r);
                            row.reset(b.lines[r]);
                            if (verdict > 0 || filter.accepts(row)) {
                                consumer.accept(row);
                            } else {
                                filter.addRejected(row);
                            }
                        }
                        batches.recycle(b);
                    }
                }
                return records;
            } catch (ByteCsvParser.QuoteException e) {
                throw unclosedQuote(name(), e.line);
            } catch (UncheckedIOException e) {
                throw new InputException(name(), parser.recordLine(), null, "cannot be read: " + e.getMessage());
            }
        }
    }

    /** Bytes that are not valid in the encoding: the whole file is unusable as read. */
    static InputException notEncoded(String file, long line, String column, Encoding encoding) {
        boolean utf8 = encoding.charset().equals(StandardCharsets.UTF_8);
        String how = encoding.detected() ? " (the encoding was detected from the file's first "
                + Encoding.HEAD_BYTES / (1 << 20) + " MB, which read as " + encoding.label() + ")" : "";
        return new InputException(file, line, column, "the bytes are not valid " + encoding.label() + how
                + (utf8 ? "; a file saved by Excel on Chinese Windows is usually GBK: save it as UTF-8, or use"
                        + " --encoding GBK" : "; is the file in another encoding? save it as UTF-8, or name its"
                                + " encoding with --encoding"), true, Encoding.FIX);
    }

    /** A quoted field that runs to the end of the input. */
    static InputException unclosedQuote(String file, long line) {
        return new InputException(file, line, null, "a quoted field is never closed (an odd number of \")");
    }

    static String describeRequired(List<Column> columns) {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            if (c.required()) {
                names.add(c.name());
            }
        }
        return String.join(", ", names);
    }

    /** Reads a Tablesaw table. */
    static final class TableSource extends TabularSource {
        private final Table table;

        TableSource(String name, Table table) {
            super(name);
            this.table = table;
        }

        @Override
        public long read(List<Column> columns, KeyFilter filter, Consumer<Row> consumer) {
            long records = 0;
            filter.begin(StandardCharsets.UTF_8);
            List<String> header = table.columnNames();
            Header mapped = Header.of(name(), header, columns);
            int width = table.columnCount();
            for (int r = 0; r < table.rowCount(); r++) {
                List<String> fields = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    tech.tablesaw.columns.Column<?> col = table.column(c);
                    fields.add(col.isMissing(r) ? "" : col.getString(r));
                }
                Row row = mapped.row(r + 2L, fields);
                records += deliver(row, filter, consumer);
            }
            return records;
        }
    }
}
