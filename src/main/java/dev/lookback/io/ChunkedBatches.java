package dev.lookback.io;

import dev.lookback.io.ByteCsvParser.Batch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches parsed by two reader threads at once, for a large file on a machine with two or more cores: the input is cut
 * into chunks of about a megabyte at a line's end, each reader parses the next chunk not yet taken, and the caller gets
 * the batches in the input's order, with their lines counted from the input's start. On two cores the register's
 * reader had been the bottleneck of a city review's read, with a core a third idle.
 *
 * <p>A cut at a line's end is a record's end unless it falls inside a quoted field, which may hold line breaks. The
 * reader of the chunk before the cut finds that out exactly, since it parses that chunk from a record's start: its
 * chunk then ends inside quotes. The caller, which takes the chunks in order, then stops both readers, drops what they
 * made of the chunks after the cut, and parses the rest of the input itself, from that record's start: the chunks cut
 * after it are kept until the caller has passed the chunk before them, and the input is never read twice (it may be a
 * stream, and it is hashed as it is read). So a file whose quoted fields hold no line break at a cut is read on two
 * threads to its end, and any other is read exactly as one reader would read it.
 */
final class ChunkedBatches extends Batches {
    /** The bytes read for a chunk (it ends at the last line's end in them). */
    static final int CHUNK = 1 << 20;
    /** A chunk with no line's end in 64 times its bytes is the rest of the input, read by one reader. */
    private static final int LONGEST_CHUNKS = 64;
    private static final int POOL = 4;
    /** The chunk of a batch that carries a reader's {@link Error}. */
    private static final int BROKEN = -1;

    /** A part of the input: whole records unless a cut fell inside quotes; or, with {@code rest}, all the rest. */
    private static final class Chunk {
        final int index;
        final byte[] bytes;
        final int length;
        final InputStream rest;
        final boolean last;
        final IOException failure;
        /**
         * Its bytes before its reader first unquoted a field in place, or null: a chunk read from a record's start that
         * was not one must be read again as it was cut (set by the reader; read after it has been joined).
         */
        byte[] original;

        Chunk(int index, byte[] bytes, int length, InputStream rest, boolean last, IOException failure) {
            this.index = index;
            this.bytes = bytes;
            this.length = length;
            this.rest = rest;
            this.last = last;
            this.failure = failure;
        }

        byte[] asCut() {
            return original != null ? original : bytes;
        }
    }

    private final Charset charset;
    private final int chunk;
    private final InputStream in;
    private final Object cutting = new Object();
    /** Guarded by {@link #cutting}: the bytes after the last cut, the chunks cut, whether the input ended. */
    private byte[] carry;
    private int cut;
    private boolean ended;
    /** Guarded by {@link #cutting}: chunks that may start inside quotes (the caller has not passed the one before). */
    private final TreeMap<Integer, Chunk> kept = new TreeMap<>();
    private int passed = -1;
    /** Guarded by {@link #cutting}: chunks parsed but kept, and buffers free to cut into (no garbage to collect). */
    private final java.util.Set<Integer> parsed = new java.util.HashSet<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    private final BlockingQueue<Batch> ready = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean cancelled;

    /** The caller's: the chunk it takes next, the line at which that chunk starts, batches that came before their turn. */
    private int expected;
    private long base;
    private final Map<Integer, ArrayDeque<Batch>> early = new HashMap<>();
    private boolean done;
    /** After a cut inside quotes: the rest of the input, parsed on the caller's thread, and its first line. */
    private ByteCsvParser rest;
    private long restBase;
    private final Batch restBatch = new Batch();

    /**
     * Batches of the records after the header that {@code parser} has read, with {@code keys}: the bytes left in the
     * parser's window, then the rest of its input.
     */
    ChunkedBatches(ByteCsvParser parser, Keys keys) {
        this(parser, keys, CHUNK);
    }

    /** The same with chunks of {@code chunk} bytes (small ones, in tests, put many cuts in a small input). */
    ChunkedBatches(ByteCsvParser parser, Keys keys, int chunk) {
        super(keys);
        this.chunk = chunk;
        this.charset = keys.decoder.charset();
        this.carry = parser.unparsed();
        this.in = parser.rest();
        this.base = parser.line();
        for (int r = 0; r < 2; r++) {
            BlockingQueue<Batch> pool = new ArrayBlockingQueue<>(POOL);
            for (int i = 0; i < POOL; i++) {
                pool.add(new Batch());
            }
            Keys own = keys.forAnotherThread();
            Thread t = new Thread(() -> read(pool, own), "lookback-csv-reader-" + (r + 1));
            t.setDaemon(true);
            readers.add(t);
        }
        readers.forEach(Thread::start);
    }

    /** The next chunk not yet taken, or null when the input has ended. */
    private Chunk take() {
        synchronized (cutting) {
            if (ended) {
                return null;
            }
            int index = cut++;
            Chunk next;
            try {
                next = cutNext(index);
            } catch (IOException e) {
                ended = true;
                next = new Chunk(index, null, 0, null, true, e);
            }
            if (index - 1 > passed) {
                kept.put(index, next);
            }
            return next;
        }
    }

    private Chunk cutNext(int index) throws IOException {
        byte[] buffer = carry.length < chunk / 2 && !free.isEmpty() ? free.pop()
                : new byte[Math.max(chunk, carry.length * 2)];
        System.arraycopy(carry, 0, buffer, 0, carry.length);
        int n = carry.length;
        while (true) {
            n += readFully(buffer, n);
            if (n < buffer.length) { // the input ended
                ended = true;
                carry = new byte[0];
                return new Chunk(index, buffer, n, null, true, null);
            }
            int lineEnd = n - 1;
            while (lineEnd >= 0 && buffer[lineEnd] != '\n') {
                lineEnd--;
            }
            if (lineEnd >= 0) {
                carry = Arrays.copyOfRange(buffer, lineEnd + 1, n);
                return new Chunk(index, buffer, lineEnd + 1, null, false, null);
            }
            if (buffer.length >= (long) chunk * LONGEST_CHUNKS) { // no line's end to cut at: one reader reads the rest
                ended = true;
                carry = new byte[0];
                return new Chunk(index, buffer, n, in, true, null);
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private int readFully(byte[] buffer, int from) throws IOException {
        int n = 0;
        while (from + n < buffer.length) {
            int r = in.read(buffer, from + n, buffer.length - from - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** A reader: parses chunk after chunk into batches of its own pool. */
    private void read(BlockingQueue<Batch> pool, Keys own) {
        try {
            for (Chunk c; !cancelled && (c = take()) != null; ) {
                if (!parse(c, pool, own)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (Error e) { // out of memory, say: the caller throws it at once, whatever its turn
            Batch broken = new Batch();
            broken.chunk = BROKEN;
            broken.error = e;
            ready.add(broken);
        }
    }

    /** Parses one chunk; false when the reader is to stop (a failure, or stopped). */
    private boolean parse(Chunk c, BlockingQueue<Batch> pool, Keys own) throws InterruptedException {
        if (c.rest != null && !awaitTurn(c.index)) {
            return false;
        }
        ByteCsvParser parser = c.failure == null ? new ByteCsvParser(c.bytes, c.length, c.rest, charset) : null;
        while (true) {
            Batch b = null;
            while (b == null) {
                if (cancelled) {
                    return false;
                }
                b = pool.poll(100, TimeUnit.MILLISECONDS);
            }
            b.pool = pool;
            b.chunk = c.index;
            b.openRecord = null;
            boolean failed = false;
            try {
                if (c.failure != null) {
                    throw c.failure;
                }
                fill(parser, b, own);
            } catch (ByteCsvParser.QuoteException e) {
                if (c.last) {
                    b.failure = e;
                    failed = true;
                } else { // the cut after this chunk fell inside quotes: the caller reads on from this record
                    b.openRecord = parser.unparsed();
                    b.openLine = e.line;
                }
            } catch (IOException e) {
                b.failure = e;
                failed = true;
            } catch (RuntimeException e) {
                b.runtimeFailure = e;
                failed = true;
            } catch (Error e) {
                b.error = e;
                failed = true;
            }
            if (parser != null) {
                c.original = parser.original();
            }
            boolean chunkEnd = failed || b.last || b.openRecord != null;
            b.chunkEnd = chunkEnd;
            b.chunkLines = parser == null ? 0 : parser.line();
            b.last = failed || chunkEnd && c.last && b.openRecord == null;
            ready.put(b);
            if (chunkEnd) {
                if (!failed && b.openRecord == null) {
                    parsedAll(c);
                    return true;
                }
                return false;
            }
        }
    }

    /** A chunk parsed to its end: its buffer is cut into again once no read of the rest can need it. */
    private void parsedAll(Chunk c) {
        synchronized (cutting) {
            if (kept.containsKey(c.index)) {
                parsed.add(c.index);
            } else {
                recycle(c);
            }
        }
    }

    /** Guarded by {@link #cutting}: a chunk's buffer back to be cut into, when it has a chunk's size. */
    private void recycle(Chunk c) {
        if (c.bytes != null && c.bytes.length == chunk && c.rest == null) {
            free.push(c.bytes);
        }
    }

    /**
     * Waits until the caller has passed the chunk before {@code index}, so that a chunk that reads on into the input
     * starts at a record (else, after a cut inside quotes, the input it had read could not be read again); false when
     * stopped.
     */
    private boolean awaitTurn(int index) throws InterruptedException {
        synchronized (cutting) {
            while (passed < index - 1) {
                if (cancelled) {
                    return false;
                }
                cutting.wait(100);
            }
            return !cancelled;
        }
    }

    @Override
    Batch next() throws IOException {
        if (done) {
            return null;
        }
        if (rest != null) {
            try {
                fill(rest, restBatch, keys);
            } catch (ByteCsvParser.QuoteException e) {
                throw new ByteCsvParser.QuoteException(restBase + e.line);
            }
            shift(restBatch, restBase);
            done = restBatch.last;
            return restBatch;
        }
        Batch b = takeTurn();
        if (b.error != null) {
            throw b.error;
        }
        if (b.failure instanceof ByteCsvParser.QuoteException e) {
            throw new ByteCsvParser.QuoteException(base + e.line);
        }
        if (b.failure != null) {
            throw b.failure;
        }
        if (b.runtimeFailure != null) {
            throw b.runtimeFailure;
        }
        shift(b, base);
        if (b.openRecord != null) {
            readRest(b);
        } else if (b.chunkEnd) {
            base += b.chunkLines;
            synchronized (cutting) {
                passed = expected;
                Chunk after = kept.remove(expected + 1);
                if (after != null && parsed.remove(after.index)) {
                    recycle(after);
                }
                cutting.notifyAll();
            }
            expected++;
            done = b.last;
        }
        return b;
    }

    /** The next batch of the chunk whose turn it is; those of later chunks are kept until theirs. */
    private Batch takeTurn() throws IOException {
        ArrayDeque<Batch> waiting = early.get(expected);
        if (waiting != null) {
            Batch b = waiting.poll();
            if (waiting.isEmpty()) {
                early.remove(expected);
            }
            return b;
        }
        try {
            while (true) {
                Batch b = ready.take();
                if (b.chunk == expected || b.chunk == BROKEN) {
                    return b;
                }
                early.computeIfAbsent(b.chunk, k -> new ArrayDeque<>()).add(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    private static void shift(Batch b, long lines) {
        for (int r = 0; r < b.records; r++) {
            b.lines[r] += lines;
        }
    }

    /**
     * The cut after batch {@code b}'s chunk fell inside quotes: the readers are stopped (and waited for, so that
     * neither reads the input any more), their batches of later chunks dropped, and the rest of the input is parsed
     * here, from the record left open: its bytes, the chunks cut after it, the bytes after the last cut, the input.
     */
    private void readRest(Batch b) throws IOException {
        stopReaders(false);
        early.clear();
        ready.clear();
        List<InputStream> parts = new ArrayList<>();
        synchronized (cutting) {
            // every chunk cut after this one is kept (none was passed), in order; the input failed at most at the last
            for (int next = expected + 1; next < cut; next++) {
                Chunk c = kept.get(next);
                if (c == null) {
                    throw new IllegalStateException("chunk " + next + " of the input was not kept");
                }
                if (c.failure != null) { // the input failed there: so does the rest, when it gets there
                    parts.add(failing(c.failure));
                } else {
                    parts.add(new ByteArrayInputStream(c.asCut(), 0, c.length));
                    if (c.rest != null) {
                        parts.add(c.rest);
                    }
                }
            }
            if (!ended) {
                parts.add(new ByteArrayInputStream(carry));
                parts.add(in);
            }
            ended = true;
            kept.clear();
        }
        // a window with room to read into after the open record's bytes
        byte[] window = Arrays.copyOf(b.openRecord, Math.max(1 << 16, 2 * b.openRecord.length));
        rest = new ByteCsvParser(window, b.openRecord.length, new SequenceInputStream(Collections.enumeration(parts)),
                charset);
        restBase = base + b.openLine;
        b.openRecord = null;
    }

    /** A stream whose first read fails as the input did. */
    private static InputStream failing(IOException failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
    }

    /** Whether a cut fell inside quotes, so that the caller read the rest of the input itself. */
    boolean readOnItself() {
        return rest != null;
    }

    @Override
    void recycle(Batch b) {
        if (b.pool != null) {
            b.pool.offer(b);
        }
    }

    /**
     * Stops the readers. To read the rest here, waits until neither can touch the input again; when closing, interrupts
     * them and waits a second at most for each (a reader stuck in a read then ends with the input's closing).
     */
    private void stopReaders(boolean closing) {
        cancelled = true;
        for (Thread t : readers) {
            if (closing) {
                t.interrupt();
            }
        }
        for (Thread t : readers) {
            try {
                t.join(closing ? 1000 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopReaders(true);
    }
}
