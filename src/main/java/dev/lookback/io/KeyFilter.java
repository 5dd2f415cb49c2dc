package dev.lookback.io;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Lets through only the records that a reader's caller needs: those whose value in at least one key
 * column is among that column's keys, or is blank (so that a record missing its key still reaches
 * the caller, to be reported). A CSV reader applies it to the raw bytes of each record before
 * building a {@link Row}, so that the records it rejects cost no allocation.
 *
 * <p>A filter made {@link #hashingRejected(Column) hashing} also keeps a 64-bit hash of one column
 * of every record it turns away, so that a caller can later ask whether some value may have been
 * among them ({@link #mayHaveRejected(java.util.Collection)}) and read just those records again. Such a filter records
 * one reading; use a new one for each.
 */
public final class KeyFilter {
    private final List<Column> columns;
    private final List<Set<String>> keys;
    private final Column hashed;
    /** Kept hashes in chunks of {@link #CHUNK}, so that millions of them are never copied to grow. */
    private final List<long[]> rejected = new java.util.ArrayList<>();
    private int rejectedCount;
    private static final int CHUNK = 1 << 17; // 1 MiB: a humongous object for G1, never copied by a young collection
    private Charset charset = java.nio.charset.StandardCharsets.UTF_8;

    private KeyFilter(List<Column> columns, List<Set<String>> keys, Column hashed) {
        this.columns = List.copyOf(columns);
        this.keys = List.copyOf(keys);
        this.hashed = hashed;
    }

    private KeyFilter(List<Column> columns, List<Set<String>> keys) {
        this(columns, keys, null);
    }

    /** Records whose {@code c} is in {@code cKeys}. */
    public static KeyFilter in(Column c, Set<String> cKeys) {
        return new KeyFilter(List.of(c), List.of(cKeys));
    }

    /** This filter, also keeping a hash of column {@code c} of each record it turns away. */
    public KeyFilter hashingRejected(Column c) {
        return new KeyFilter(columns, keys, c);
    }

    /**
     * Which of {@code values} may have been in the {@code hashed} column of a record that the last
     * reading turned away (64-bit hashes: a false positive is about one in 10^19 per pair; a miss is
     * impossible). One pass over the kept hashes, checked against the few values asked about.
     */
    public Set<String> mayHaveRejected(java.util.Collection<String> values) {
        // the values' hashes in a small open-addressing table, probed once per kept hash
        int capacity = Integer.highestOneBit(Math.max(4, values.size() * 4)) << 1;
        long[] table = new long[capacity];
        boolean[] used = new boolean[capacity];
        int mask = capacity - 1;
        java.util.Map<Long, List<String>> byHash = new java.util.HashMap<>();
        for (String value : values) {
            byte[] bytes = value.strip().getBytes(charset);
            long h = hash64(bytes, 0, bytes.length);
            byHash.computeIfAbsent(h, k -> new java.util.ArrayList<>(1)).add(value);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (used[slot] && table[slot] != h) {
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            table[slot] = h;
        }
        Set<String> found = new java.util.HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        int left = rejectedCount;
        for (long[] chunk : rejected) {
            int n = Math.min(left, chunk.length);
            for (int at = 0; (at = nextIn(chunk, at, n, table, used, mask)) < n; at++) {
                found.addAll(byHash.get(chunk[at]));
            }
            left -= n;
        }
        return found;
    }

    /**
     * The first index from {@code from} below {@code n} whose hash is in the table, or {@code n}. The scan of a million
     * kept hashes is a method of its own, so that the JIT compiles its small loop at once instead of the caller's.
     */
    private static int nextIn(long[] hashes, int from, int n, long[] table, boolean[] used, int mask) {
        for (int i = from; i < n; i++) {
            long h = hashes[i];
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (used[slot]) {
                if (table[slot] == h) {
                    return i;
                }
                slot = (slot + 1) & mask;
            }
        }
        return n;
    }


    Column hashed() {
        return hashed;
    }

    void begin(Charset readCharset) {
        this.charset = readCharset;
        this.rejectedCount = 0;
        this.rejected.clear();
    }

    void addRejected(long[] hashes, int count) {
        int done = 0;
        while (done < count) {
            int at = rejectedCount % CHUNK;
            if (at == 0) {
                rejected.add(new long[CHUNK]);
            }
            int n = Math.min(count - done, CHUNK - at);
            System.arraycopy(hashes, done, rejected.get(rejected.size() - 1), at, n);
            done += n;
            rejectedCount += n;
        }
    }

    /** Records a row turned away after decoding. */
    void addRejected(Row row) {
        if (hashed != null) {
            String v = row.text(hashed);
            byte[] bytes = v == null ? new byte[0] : v.getBytes(charset);
            addRejected(new long[] {hash64(bytes, 0, bytes.length)}, 1);
        }
    }

    /** FNV-1a, 64 bits. */
    static long hash64(byte[] data, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (data[i] & 0xff)) * 0x100000001b3L;
        }
        return h;
    }


    /** Every record. */
    public static KeyFilter all() {
        return new KeyFilter(List.of(), List.of());
    }

    boolean passesEverything() {
        return columns.isEmpty();
    }

    /** The decision on a row's decoded values. */
    boolean accepts(Row row) {
        if (columns.isEmpty()) {
            return true;
        }
        for (int k = 0; k < columns.size(); k++) {
            String v = row.text(columns.get(k));
            if (v == null || keys.get(k).contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The filter's key columns, positions in {@code columnsRead}. */
    int[] positions(List<Column> columnsRead) {
        int[] p = new int[columns.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = position(columns.get(k), columnsRead);
        }
        return p;
    }

    static int position(Column c, List<Column> columnsRead) {
        for (int i = 0; i < columnsRead.size(); i++) {
            if (columnsRead.get(i) == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("filter column " + c.name() + " is not read");
    }

    /** The keys of each column as byte strings in an encoding. */
    ByteKeys[] byteKeys(Charset charset) {
        ByteKeys[] out = new ByteKeys[keys.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = new ByteKeys(keys.get(k), charset);
        }
        return out;
    }

    /**
     * A hash set of byte strings, looked up by a range of a byte array. Each slot packs a key's
     * full hash with its index, so a look-up of an absent key touches one slot and no key bytes.
     */
    static final class ByteKeys {
        private final byte[][] entries;
        private final long[] table;
        private final int mask;

        ByteKeys(Set<String> keys, Charset charset) {
            int capacity = Integer.highestOneBit(Math.max(4, keys.size() * 2 + 1)) << 1;
            table = new long[capacity];
            mask = capacity - 1;
            entries = new byte[keys.size()][];
            int n = 0;
            for (String key : keys) {
                byte[] bytes = key.strip().getBytes(charset);
                int h = hash(bytes, 0, bytes.length);
                int slot = h & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                entries[n] = bytes;
                table[slot] = ((long) h << 32) | ++n;
            }
        }

        static int hash(byte[] data, int from, int to) {
            int h = 0x811c9dc5;
            for (int i = from; i < to; i++) {
                h = (h ^ data[i]) * 0x01000193;
            }
            return h ^ (h >>> 15);
        }

        boolean contains(byte[] data, int from, int to) {
            int h = hash(data, from, to);
            int slot = h & mask;
            long entry;
            while ((entry = table[slot]) != 0) {
                if ((int) (entry >>> 32) == h) {
                    byte[] e = entries[(int) entry - 1];
                    if (Arrays.equals(e, 0, e.length, data, from, to)) {
                        return true;
                    }
                }
                slot = (slot + 1) & mask;
            }
            return false;
        }
    }
}
