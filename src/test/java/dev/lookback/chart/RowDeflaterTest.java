package dev.lookback.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The charts' deflate encoder: every stream inflates (zlib checks its Adler-32) to exactly the rows given. */
class RowDeflaterTest {

    /** The zlib stream of rows, inflated by the platform (zlib itself), which fails on a wrong code or checksum. */
    private static byte[] inflate(byte[] stream, int expected) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stream);
            byte[] out = new byte[expected + 1];
            int n = 0;
            while (!inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary() || n == out.length)) {
                    throw new AssertionError("the stream ended early, after " + n + " of " + expected + " bytes");
                }
                n += got;
            }
            assertEquals(0, inflater.getRemaining(), "nothing after the Adler-32");
            assertEquals(expected, n);
            return java.util.Arrays.copyOf(out, n);
        } finally {
            inflater.end();
        }
    }

    private static void roundTrip(List<byte[]> rows) throws DataFormatException {
        RowDeflater deflater = new RowDeflater(rows.get(0).length, 64);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] row : rows) {
            deflater.row(row);
            all.writeBytes(row);
        }
        byte[] stream = deflater.finish();
        byte[] expected = all.toByteArray();
        assertArrayEquals(expected, inflate(stream, expected.length));
        Adler32 adler = new Adler32();
        adler.update(expected);
        assertEquals((int) adler.getValue(), ByteBuffer.wrap(stream, stream.length - 4, 4).getInt(), "Adler-32");
        assertEquals(0x78, stream[0] & 0xFF);
        assertEquals(0, ((stream[0] & 0xFF) * 256 + (stream[1] & 0xFF)) % 31, "the zlib header's check");
    }

    /** Rows like a chart's filtered ones: long runs of zeros, a few values, rows repeated, some noise. */
    private static List<byte[]> chartLike(int rowLength, int rows, long seed) {
        return chartLike(rowLength, rows, seed, true);
    }

    private static List<byte[]> chartLike(int rowLength, int rows, long seed, boolean noise) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        byte[] previous = null;
        for (int y = 0; y < rows; y++) {
            byte[] row = new byte[rowLength];
            int kind = random.nextInt(6);
            if (previous != null && kind == 0) {
                row = previous.clone(); // a row like the one above
            } else if (previous != null && kind == 1) {
                row = previous.clone(); // like the one above but for a few bytes
                for (int k = 0; k < 3; k++) {
                    row[1 + random.nextInt(rowLength - 1)] = (byte) random.nextInt(256);
                }
            } else if (kind == 2 && noise) {
                random.nextBytes(row); // noise: literals only
            } else {
                for (int i = 1; i < rowLength; i++) { // flat colour with edges
                    row[i] = random.nextInt(40) == 0 ? (byte) (1 + random.nextInt(255)) : 0;
                }
            }
            row[0] = (byte) (1 + random.nextInt(2)); // a PNG filter byte: Sub or Up
            out.add(row);
            previous = row;
        }
        return out;
    }

    @Test
    void chartLikeRowsInflateToThemselves() throws DataFormatException {
        roundTrip(chartLike(3 * 333 + 1, 400, 1));
        roundTrip(chartLike(4, 50, 2)); // a one-pixel-wide image
        roundTrip(chartLike(3 * 40 + 1, 1, 3)); // one row
    }

    @Test
    void manyBlocksAndLongRows() throws DataFormatException {
        // more than 65,536 symbols: several blocks, each with its own codes
        roundTrip(chartLike(3 * 1000 + 1, 300, 4));
        // rows longer than deflate's 32 kB window: no copies from the row above, still correct
        roundTrip(chartLike(3 * 12000 + 1, 12, 5));
        // exactly the window: a copy from 32,768 bytes back
        roundTrip(chartLike(32768, 6, 6));
    }

    @Test
    void zerosAndRepeatsCompressLikeZlibOrBetter() throws DataFormatException {
        List<byte[]> rows = chartLike(3 * 3000 + 1, 600, 7, false);
        RowDeflater ours = new RowDeflater(rows.get(0).length, 64);
        Deflater zlib = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        rows.forEach(all::writeBytes);
        rows.forEach(ours::row);
        byte[] stream = ours.finish();
        zlib.setInput(all.toByteArray());
        zlib.finish();
        byte[] buffer = new byte[all.size()];
        int zlibSize = 0;
        while (!zlib.finished()) {
            zlibSize += zlib.deflate(buffer);
        }
        zlib.end();
        assertTrue(stream.length <= zlibSize * 1.1, stream.length + " bytes against zlib's " + zlibSize);
        assertArrayEquals(all.toByteArray(), inflate(stream, all.size()));
    }

    @Test
    void bytesSeenBeforeInTheRowAreCopiedFromThere() throws DataFormatException {
        // a glyph's bytes repeated along a row (a label's letters): copies within the row, not literals
        byte[] glyph = new byte[20];
        new Random(8).nextBytes(glyph);
        glyph[0] = 7;
        byte[] row = new byte[1 + 20 * 50];
        row[0] = 1;
        for (int k = 0; k < 50; k++) {
            System.arraycopy(glyph, 0, row, 1 + 20 * k, 20);
        }
        RowDeflater deflater = new RowDeflater(row.length, 64);
        deflater.row(row);
        byte[] stream = deflater.finish();
        assertTrue(stream.length < row.length / 4, stream.length + " bytes for a row of " + row.length);
        assertArrayEquals(row, inflate(stream, row.length));
        // the same bytes 35,000 bytes apart in a row longer than the window: too far back to be copied
        byte[] wide = new byte[3 * 12000 + 1];
        wide[0] = 1;
        for (int k = 0; k < 8; k++) {
            wide[10 + k] = (byte) (11 + k);
            wide[35010 + k] = (byte) (11 + k);
        }
        roundTrip(List.of(wide, wide.clone()));
    }

    @Property
    void anyRowsInflateToThemselves(@ForAll("rowSets") List<byte[]> rows) throws DataFormatException {
        roundTrip(rows);
    }

    @Provide
    Arbitrary<List<byte[]>> rowSets() {
        // few distinct byte values, so that runs and repeats are common
        return Arbitraries.integers().between(1, 70).flatMap(length -> Arbitraries.bytes().between((byte) 0, (byte) 3)
                .array(byte[].class).ofSize(length).list().ofMinSize(1).ofMaxSize(30));
    }

    @Test
    void aRowOfAnotherLengthIsRefused() {
        RowDeflater deflater = new RowDeflater(10, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deflater.row(new byte[9]));
        assertEquals("a row of 9 bytes, expected 10", e.getMessage());
    }

    @Test
    void huffmanCodesAreCompleteAndLimited() {
        // Fibonacci counts make the deepest Huffman tree: 30 symbols would need 29 bits unlimited
        int[] counts = new int[30];
        counts[0] = 1;
        counts[1] = 1;
        for (int i = 2; i < counts.length; i++) {
            counts[i] = counts[i - 1] + counts[i - 2];
        }
        for (int maxBits : new int[] {15, 7}) {
            int[] lengths = RowDeflater.Huffman.lengths(counts, maxBits);
            double kraft = 0;
            for (int l : lengths) {
                assertTrue(l >= 1 && l <= maxBits, "length " + l);
                kraft += Math.pow(2, -l);
            }
            assertEquals(1.0, kraft, 0.0, "a complete code");
        }
        // a lone symbol gets a partner: two codes of one bit
        int[] lone = RowDeflater.Huffman.lengths(new int[] {0, 0, 5, 0}, 15);
        assertArrayEquals(new int[] {1, 0, 1, 0}, lone);
        // canonical codes (RFC 1951, 3.2.2): lengths 3,3,3,3,3,2,4,4 give 010,011,100,101,110,00,1110,1111
        int[] codes = RowDeflater.Huffman.codes(new int[] {3, 3, 3, 3, 3, 2, 4, 4});
        int[] expected = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
        for (int s = 0; s < codes.length; s++) {
            assertEquals(expected[s], Integer.reverse(codes[s]) >>> (32 - lengths[s]), "symbol " + s);
        }
    }
}
