package dev.lookback.chart;

import java.util.Arrays;

/**
 * Compresses a PNG's filtered rows into a zlib stream (RFC 1950 around deflate blocks with their own Huffman codes,
 * RFC 1951), made for charts. A chart's filtered rows are nearly all zeros: the flat colour of its margins, bands and
 * bars. zlib's fastest level spends about 3 ns on each of those bytes (0.6 s of CPU for the city's seven charts at
 * 300 dpi, 185 MB of rows); this encoder finds them with the platform's vectorised comparison instead and writes them
 * as few long matches. It looks for three kinds of match:
 * <ul>
 *   <li>a run of zeros after a zero: a copy of the byte just before (distance 1);</li>
 *   <li>bytes like those of the row above, from a byte that is not zero on: a copy from one row back (distance = the
 *       row's length, when a row fits deflate's 32 kB window);</li>
 *   <li>four bytes, not starting with a zero, last seen earlier in the same row (a label's letters, a legend's
 *       marks): a copy from there, found by a hash of the four bytes.</li>
 * </ul>
 * Everything else is a literal. Each block of up to 65,536 symbols gets Huffman codes built from its own counts,
 * limited to deflate's 15 bits. Any inflater reads the stream. The city's charts come out 20% smaller than with
 * zlib's fastest level, their halved copies 2% smaller.
 */
final class RowDeflater {
    private static final int WINDOW = 32768;
    private static final int MAX_MATCH = 258;
    private static final int MIN_MATCH = 3;
    private static final int BLOCK_SYMBOLS = 1 << 16;
    private static final int END_OF_BLOCK = 256;
    private static final int ADLER_MOD = 65521;

    /** Length codes 257..285: the first length of each and its extra bits (RFC 1951, 3.2.5). */
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    /** Distance codes 0..29: the first distance of each and its extra bits. */
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    /** The order in which the code-length code's lengths are written. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    /** The length code (index into the tables above) of each match length 3..258. */
    private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];

    static {
        for (int code = 0; code < LENGTH_BASE.length; code++) {
            int last = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : MAX_MATCH + 1;
            for (int len = LENGTH_BASE[code]; len < last && len <= MAX_MATCH; len++) {
                LENGTH_CODE[len] = (byte) code;
            }
        }
        LENGTH_CODE[MAX_MATCH] = (byte) (LENGTH_BASE.length - 1);
    }

    private final int rowLength;
    private final byte[] zeros;
    private final byte[] previous;
    /** A literal (0..255) or a match: its length shifted left by 16, or'd with its distance minus one. */
    private final int[] symbols = new int[BLOCK_SYMBOLS];
    private int count;
    private final int[] literalCounts = new int[286];
    private final int[] distanceCounts = new int[30];
    private final int rowDistanceCode;
    private static final int HASH_BITS = 12;
    /** Where four bytes that hash alike were last seen in the row, and in which row (a row's number, from 0). */
    private final int[] seenAt = new int[1 << HASH_BITS];
    private final int[] seenRow = new int[1 << HASH_BITS];
    private int rowNumber;
    private int adlerA = 1;
    private int adlerB;
    private final Bits out;

    /** An encoder for rows of this many bytes (the filter byte included). */
    RowDeflater(int rowLength, int expectedBytes) {
        this.rowLength = rowLength;
        this.zeros = new byte[rowLength];
        this.previous = new byte[rowLength];
        this.rowDistanceCode = rowLength <= WINDOW ? distanceCode(rowLength) : -1;
        Arrays.fill(seenRow, -1);
        this.out = new Bits(Math.max(64, expectedBytes));
        out.writeByte(0x78); // deflate, 32 kB window
        out.writeByte(0x01); // no dictionary; (0x78 * 256 + 0x01) is a multiple of 31
    }

    /** Adds the next filtered row (its filter byte first). */
    void row(byte[] r) {
        if (r.length != rowLength) {
            throw new IllegalArgumentException("a row of " + r.length + " bytes, expected " + rowLength);
        }
        adler(r);
        byte[] p = rowNumber == 0 ? null : previous;
        boolean vertical = p != null && rowDistanceCode >= 0;
        int length = rowLength;
        int i = 0;
        while (i < length) {
            int b = r[i] & 0xFF;
            int before = i > 0 ? r[i - 1] : p != null ? p[length - 1] : 1;
            if (b == 0 && before == 0) { // a run of zeros: copies of the zero before it
                int run = Arrays.mismatch(r, i, length, zeros, 0, length - i);
                int n = run < 0 ? length - i : run;
                if (n >= MIN_MATCH) {
                    zeroRun(n);
                    i += n;
                    continue;
                }
            } else if (vertical && b != 0 && i + 2 < length && r[i] == p[i] && r[i + 1] == p[i + 1]
                    && r[i + 2] == p[i + 2]) { // like the row above
                int end = Math.min(length, i + MAX_MATCH);
                int same = Arrays.mismatch(r, i, end, p, i, end);
                int n = same < 0 ? end - i : same;
                symbol((n << 16) | (rowLength - 1), LENGTH_CODE[n] + 257, rowDistanceCode);
                i += n;
                continue;
            }
            if (b != 0 && i + 3 < length) { // four bytes seen before in this row: a copy from there
                int key = ((r[i] & 0xFF) | (r[i + 1] & 0xFF) << 8 | (r[i + 2] & 0xFF) << 16 | (r[i + 3] & 0xFF) << 24)
                        * 0x9E3779B1 >>> (32 - HASH_BITS);
                int seen = seenRow[key] == rowNumber ? seenAt[key] : -1;
                seenAt[key] = i;
                seenRow[key] = rowNumber;
                if (seen >= 0 && i - seen <= WINDOW && r[seen] == r[i] && r[seen + 1] == r[i + 1]
                        && r[seen + 2] == r[i + 2] && r[seen + 3] == r[i + 3]) {
                    int end = Math.min(length, i + MAX_MATCH);
                    int same = Arrays.mismatch(r, i, end, r, seen, seen + end - i);
                    int n = same < 0 ? end - i : same;
                    symbol((n << 16) | (i - seen - 1), LENGTH_CODE[n] + 257, distanceCode(i - seen));
                    i += n;
                    continue;
                }
            }
            symbol(b, b, -1);
            i++;
        }
        System.arraycopy(r, 0, previous, 0, length);
        rowNumber++;
    }

    /** The zlib stream: every block, the last marked final, and the Adler-32 of the rows. */
    byte[] finish() {
        block(true);
        out.align();
        int adler = (adlerB << 16) | adlerA;
        out.writeByte(adler >>> 24);
        out.writeByte(adler >>> 16);
        out.writeByte(adler >>> 8);
        out.writeByte(adler);
        return out.toByteArray();
    }

    /** Matches of distance 1 for a run of n ≥ 3 zeros after a zero, none shorter than 3. */
    private void zeroRun(int n) {
        while (n > 0) {
            int len = Math.min(n, MAX_MATCH);
            if (n - len > 0 && n - len < MIN_MATCH) {
                len = n - MIN_MATCH;
            }
            symbol(len << 16, LENGTH_CODE[len] + 257, 0);
            n -= len;
        }
    }

    private void symbol(int value, int literalCode, int distanceCode) {
        symbols[count++] = value;
        literalCounts[literalCode]++;
        if (distanceCode >= 0) {
            distanceCounts[distanceCode]++;
        }
        if (count == BLOCK_SYMBOLS) {
            block(false);
        }
    }

    /** Adds a row to the Adler-32 (RFC 1950, 8.2): a run of zeros leaves its sum as it is and adds it n times over. */
    private void adler(byte[] r) {
        int a = adlerA;
        int b = adlerB;
        int length = r.length;
        for (int k = 0; k < length; ) {
            int v = r[k] & 0xFF;
            if (v == 0) {
                int run = Arrays.mismatch(r, k, length, zeros, 0, length - k);
                int n = run < 0 ? length - k : run;
                b = (int) ((b + (long) n * a) % ADLER_MOD);
                k += n;
                continue;
            }
            a += v;
            if (a >= ADLER_MOD) {
                a -= ADLER_MOD;
            }
            b += a;
            if (b >= ADLER_MOD) {
                b -= ADLER_MOD;
            }
            k++;
        }
        adlerA = a;
        adlerB = b;
    }

    /** Writes the symbols so far as one block with Huffman codes of their own (BTYPE 2). */
    private void block(boolean last) {
        literalCounts[END_OF_BLOCK]++;
        int[] literalLengths = Huffman.lengths(literalCounts, 15);
        int[] distanceLengths = Huffman.lengths(distanceCounts, 15);
        int hlit = 286;
        while (hlit > 257 && literalLengths[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distanceLengths[hdist - 1] == 0) {
            hdist--;
        }
        // the code lengths of both codes in one sequence, runs written with codes 16 (repeat), 17 and 18 (zeros)
        int[] all = new int[hlit + hdist];
        System.arraycopy(literalLengths, 0, all, 0, hlit);
        System.arraycopy(distanceLengths, 0, all, hlit, hdist);
        int[] runs = new int[all.length * 2];
        int runCount = 0;
        int[] codeLengthCounts = new int[19];
        for (int i = 0; i < all.length; ) {
            int len = all[i];
            int n = 1;
            while (i + n < all.length && all[i + n] == len) {
                n++;
            }
            i += n;
            if (len == 0) {
                while (n >= 11) {
                    int k = Math.min(n, 138);
                    runs[runCount++] = 18 | (k - 11) << 8;
                    codeLengthCounts[18]++;
                    n -= k;
                }
                if (n >= 3) {
                    runs[runCount++] = 17 | (n - 3) << 8;
                    codeLengthCounts[17]++;
                    n = 0;
                }
            } else {
                runs[runCount++] = len;
                codeLengthCounts[len]++;
                n--;
                while (n >= 3) {
                    int k = Math.min(n, 6);
                    runs[runCount++] = 16 | (k - 3) << 8;
                    codeLengthCounts[16]++;
                    n -= k;
                }
            }
            for (; n > 0; n--) {
                runs[runCount++] = len;
                codeLengthCounts[len]++;
            }
        }
        int[] codeLengthLengths = Huffman.lengths(codeLengthCounts, 7);
        int hclen = 19;
        while (hclen > 4 && codeLengthLengths[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        int[] codeLengthCodes = Huffman.codes(codeLengthLengths);
        out.write(last ? 1 : 0, 1);
        out.write(2, 2);
        out.write(hlit - 257, 5);
        out.write(hdist - 1, 5);
        out.write(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int i = 0; i < runCount; i++) {
            int s = runs[i] & 0xFF;
            out.write(codeLengthCodes[s], codeLengthLengths[s]);
            if (s == 16) {
                out.write(runs[i] >>> 8, 2);
            } else if (s == 17) {
                out.write(runs[i] >>> 8, 3);
            } else if (s == 18) {
                out.write(runs[i] >>> 8, 7);
            }
        }
        int[] literalCodes = Huffman.codes(literalLengths);
        int[] distanceCodes = Huffman.codes(distanceLengths);
        for (int i = 0; i < count; i++) {
            int v = symbols[i];
            if (v < 256) {
                out.write(literalCodes[v], literalLengths[v]);
                continue;
            }
            int len = v >>> 16;
            int lc = LENGTH_CODE[len];
            out.write(literalCodes[lc + 257], literalLengths[lc + 257]);
            if (LENGTH_EXTRA[lc] > 0) {
                out.write(len - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
            }
            int distance = (v & 0xFFFF) + 1;
            int dc = distance == 1 ? 0 : distance == rowLength ? rowDistanceCode : distanceCode(distance);
            out.write(distanceCodes[dc], distanceLengths[dc]);
            if (DISTANCE_EXTRA[dc] > 0) {
                out.write(distance - DISTANCE_BASE[dc], DISTANCE_EXTRA[dc]);
            }
        }
        out.write(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
        count = 0;
        Arrays.fill(literalCounts, 0);
        Arrays.fill(distanceCounts, 0);
    }

    static int distanceCode(int distance) {
        int code = DISTANCE_BASE.length - 1;
        while (DISTANCE_BASE[code] > distance) {
            code--;
        }
        return code;
    }

    /** Bits written least significant first, as deflate packs them (Huffman codes are given bit-reversed). */
    private static final class Bits {
        private byte[] bytes;
        private int size;
        private long buffer;
        private int filled;

        Bits(int expected) {
            bytes = new byte[expected];
        }

        void write(int value, int n) {
            buffer |= (long) value << filled;
            filled += n;
            if (filled >= 32) {
                if (size + 4 > bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                bytes[size] = (byte) buffer;
                bytes[size + 1] = (byte) (buffer >>> 8);
                bytes[size + 2] = (byte) (buffer >>> 16);
                bytes[size + 3] = (byte) (buffer >>> 24);
                size += 4;
                buffer >>>= 32;
                filled -= 32;
            }
        }

        /** Writes a whole byte; only when no bits are pending. */
        void writeByte(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        /** Pads the last byte with zero bits. */
        void align() {
            while (filled > 0) {
                writeByte((int) buffer);
                buffer >>>= 8;
                filled = Math.max(0, filled - 8);
            }
            buffer = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Huffman code lengths limited to a number of bits, and the canonical codes for them (RFC 1951, 3.2.2). */
    static final class Huffman {
        private Huffman() {
        }

        /**
         * Code lengths for symbol counts, none longer than {@code maxBits}: a Huffman code, its counts halved until it
         * fits. Every code has at least two symbols (a lone one gets a partner), so that it is complete.
         */
        static int[] lengths(int[] counts, int maxBits) {
            int n = counts.length;
            int[] c = counts.clone();
            int used = 0;
            for (int x : c) {
                used += x > 0 ? 1 : 0;
            }
            for (int s = 0; used < 2 && s < n; s++) { // a complete code needs two symbols
                if (c[s] == 0) {
                    c[s] = 1;
                    used++;
                }
            }
            while (true) {
                int[] lengths = build(c);
                int max = 0;
                for (int l : lengths) {
                    max = Math.max(max, l);
                }
                if (max <= maxBits) {
                    return lengths;
                }
                for (int s = 0; s < n; s++) {
                    if (c[s] > 0) {
                        c[s] = (c[s] + 1) >>> 1;
                    }
                }
            }
        }

        /** A Huffman code's lengths: leaves sorted by count, internal nodes made in order (the two-queue method). */
        private static int[] build(int[] counts) {
            int n = counts.length;
            int leaves = 0;
            long[] keyed = new long[n];
            for (int s = 0; s < n; s++) {
                if (counts[s] > 0) {
                    keyed[leaves++] = (long) counts[s] << 16 | s;
                }
            }
            Arrays.sort(keyed, 0, leaves);
            long[] weight = new long[2 * leaves];
            int[] parent = new int[2 * leaves];
            int[] symbol = new int[leaves];
            for (int i = 0; i < leaves; i++) {
                weight[i] = keyed[i] >>> 16;
                symbol[i] = (int) (keyed[i] & 0xFFFF);
            }
            int nextLeaf = 0;
            int nextNode = leaves;
            int made = leaves;
            for (int k = 0; k < leaves - 1; k++) {
                int[] two = new int[2];
                for (int j = 0; j < 2; j++) {
                    if (nextLeaf < leaves && (nextNode >= made || weight[nextLeaf] <= weight[nextNode])) {
                        two[j] = nextLeaf++;
                    } else {
                        two[j] = nextNode++;
                    }
                }
                weight[made] = weight[two[0]] + weight[two[1]];
                parent[two[0]] = made;
                parent[two[1]] = made;
                made++;
            }
            int[] depth = new int[made];
            for (int i = made - 2; i >= 0; i--) {
                depth[i] = depth[parent[i]] + 1;
            }
            int[] lengths = new int[n];
            for (int i = 0; i < leaves; i++) {
                lengths[symbol[i]] = depth[i];
            }
            return lengths;
        }

        /** The canonical codes for code lengths, bit-reversed for writing least significant bit first. */
        static int[] codes(int[] lengths) {
            int[] perLength = new int[16];
            for (int l : lengths) {
                perLength[l]++;
            }
            perLength[0] = 0;
            int[] next = new int[16];
            int code = 0;
            for (int bits = 1; bits < 16; bits++) {
                code = (code + perLength[bits - 1]) << 1;
                next[bits] = code;
            }
            int[] codes = new int[lengths.length];
            for (int s = 0; s < lengths.length; s++) {
                int l = lengths[s];
                if (l > 0) {
                    codes[s] = Integer.reverse(next[l]++) >>> (32 - l);
                }
            }
            return codes;
        }
    }
}
