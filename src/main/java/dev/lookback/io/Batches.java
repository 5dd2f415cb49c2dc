package dev.lookback.io;

import dev.lookback.io.ByteCsvParser.Batch;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches of parsed records, either parsed on the caller's thread as they are asked for, or by a
 * reader thread running ahead (for large files on a machine with more than one core), so that
 * parsing and the caller's work on the records overlap.
 */
abstract class Batches implements AutoCloseable {

    /** The next batch, or {@code null} after the last. */
    abstract Batch next() throws IOException;

    /** Hands back a batch the caller is done with. */
    abstract void recycle(Batch batch);

    @Override
    public void close() {
    }

    static Batches of(ByteCsvParser parser, boolean threaded, Keys keys) {
        return threaded ? new Threaded(parser, keys) : new Inline(parser, keys);
    }

    /** What a reader does with each record: which key fields to look up in which keys (none: keep all). */
    static final class Keys {
        final int[] fields;
        final KeyFilter.ByteKeys[] keys;
        /** The field whose hash is kept for each record turned away, or −1. */
        final int hashField;
        /** The file's field of each column read (−1: absent), decoded by the reader into the batch. */
        final int[] decodeFields;
        final java.nio.charset.CharsetDecoder decoder;
        final ByteCsvParser.Repeats repeats;
        /** The header's fields: a record with more (not blank) is refused even when the keys would turn it away. */
        final int headerSize;

        /** The same keys for another thread: a decoder and repeated values of its own. */
        Keys forAnotherThread() {
            return new Keys(fields, keys, hashField, decodeFields, decoder.charset().newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT), headerSize);
        }

        Keys(int[] fields, KeyFilter.ByteKeys[] keys, int hashField, int[] decodeFields,
                java.nio.charset.CharsetDecoder decoder, int headerSize) {
            this.headerSize = headerSize;
            this.fields = fields;
            this.keys = keys;
            this.hashField = hashField;
            this.decodeFields = decodeFields;
            this.decoder = decoder;
            this.repeats = new ByteCsvParser.Repeats(decodeFields.length);
        }
    }

    /** A hashed column that the file lacks: every turned-away record hashes as blank. */
    static final int HASH_MISSING_FIELD = -2;

    /** The keys of the caller's thread. */
    final Keys keys;

    Batches(Keys keys) {
        this.keys = keys;
    }

    /** Fills a batch with the next non-blank records that the keys let through. */
    void fill(ByteCsvParser parser, Batch b) throws IOException {
        fill(parser, b, keys);
    }

    /** Fills a batch with the next non-blank records that {@code keys} let through. */
    static void fill(ByteCsvParser parser, Batch b, Keys keys) throws IOException {
        b.size = 0;
        b.skipped = 0;
        b.fieldCount = 0;
        b.records = 0;
        b.firstField[0] = 0;
        b.last = false;
        b.failure = null;
        b.runtimeFailure = null;
        b.error = null;
        while (!b.full()) {
            if (!parser.next()) {
                b.last = true;
                return;
            }
            if (parser.isBlankRecord()) {
                continue;
            }
            int verdict = keys.fields == null ? 1 : parser.matches(keys.fields, keys.keys);
            if (verdict == 0 && tooWide(parser, keys)) {
                verdict = 1; // let the reader refuse it: its fields may be shifted, its key not what it seems
            }
            if (verdict == 0) {
                if (keys.hashField >= 0 || keys.hashField == HASH_MISSING_FIELD) {
                    if (b.skipped == b.rejected.length) {
                        b.rejected = java.util.Arrays.copyOf(b.rejected, b.rejected.length * 2);
                    }
                    b.rejected[(int) b.skipped] = parser.hash(keys.hashField);
                }
                b.skipped++;
                continue;
            }
            parser.copyTo(b, verdict);
            decode(parser, b, keys);
        }
    }

    private static boolean tooWide(ByteCsvParser parser, Keys keys) {
        for (int i = keys.headerSize; i < parser.fieldCount(); i++) {
            if (!parser.isBlank(i)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes the record's columns into the batch, marking bytes not valid in the encoding. */
    private static void decode(ByteCsvParser parser, Batch b, Keys keys) {
        int[] fields = keys.decodeFields;
        int columns = fields.length;
        if (b.values == null || b.values.length < b.lines.length * columns) {
            b.values = new String[b.lines.length * columns];
            b.invalid = new boolean[b.lines.length * columns];
        }
        int base = (b.records - 1) * columns;
        int n = parser.fieldCount();
        for (int c = 0; c < columns; c++) {
            int f = fields[c];
            b.invalid[base + c] = false;
            if (f < 0 || f >= n) {
                b.values[base + c] = null;
                continue;
            }
            try {
                b.values[base + c] = parser.field(f, keys.repeats, c);
            } catch (java.nio.charset.CharacterCodingException e) {
                b.values[base + c] = null;
                b.invalid[base + c] = true;
            }
        }
    }

    /** Parses on the caller's thread. */
    private static final class Inline extends Batches {
        private final ByteCsvParser parser;
        private final Batch batch = new Batch();
        private boolean done;

        Inline(ByteCsvParser parser, Keys keys) {
            super(keys);
            this.parser = parser;
        }

        @Override
        Batch next() throws IOException {
            if (done) {
                return null;
            }
            fill(parser, batch);
            done = batch.last;
            return batch;
        }

        @Override
        void recycle(Batch b) {
        }
    }

    /** Parses on a reader thread, up to four batches ahead. */
    private static final class Threaded extends Batches {
        private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(4);
        private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(6);
        private final Thread reader;
        private volatile boolean cancelled;
        private boolean done;

        Threaded(ByteCsvParser parser, Keys keys) {
            super(keys);
            for (int i = 0; i < 6; i++) {
                free.add(new Batch());
            }
            reader = new Thread(() -> {
                try {
                    boolean last = false;
                    while (!last && !cancelled) {
                        Batch b = free.poll(100, TimeUnit.MILLISECONDS);
                        if (b == null) {
                            continue;
                        }
                        try {
                            fill(parser, b);
                        } catch (IOException e) {
                            b.failure = e;
                            b.last = true;
                        } catch (RuntimeException e) {
                            b.runtimeFailure = e;
                            b.last = true;
                        }
                        last = b.last;
                        while (!cancelled && !ready.offer(b, 100, TimeUnit.MILLISECONDS)) {
                            // the caller is busy; wait
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lookback-csv-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        Batch next() throws IOException {
            if (done) {
                return null;
            }
            Batch b;
            try {
                b = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading", e);
            }
            if (b.failure != null) {
                throw b.failure;
            }
            if (b.runtimeFailure != null) {
                throw b.runtimeFailure;
            }
            done = b.last;
            return b;
        }

        @Override
        void recycle(Batch b) {
            free.offer(b);
        }

        @Override
        public void close() {
            cancelled = true;
            reader.interrupt();
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
