package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Two readers parsing chunks cut at line ends give the caller what one reader gives: the same records, lines, verdicts,
 * values and turned-away hashes, in the same order, and the same failure, also when a cut falls inside a quoted field
 * that holds a line break (then the caller reads on from that record itself).
 */
class ChunkedBatchesTest {
    private static final int COLUMNS = 6;

    /**
     * What a reading delivered, record by record, then the turned-away records' hashes and count (how the records fall
     * into batches is the readers' business).
     */
    private static List<String> delivered(Batches batches) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> turnedAway = new ArrayList<>();
        long skipped = 0;
        try (batches) {
            for (ByteCsvParser.Batch b; (b = batches.next()) != null; ) {
                for (int r = 0; r < b.records; r++) {
                    StringBuilder s = new StringBuilder().append(b.lines[r]).append(' ').append(b.verdicts[r]);
                    for (int c = 0; c < COLUMNS; c++) {
                        s.append('|').append(b.invalid[r * COLUMNS + c] ? "INVALID" : b.values[r * COLUMNS + c]);
                    }
                    out.add(s.toString());
                }
                for (int i = 0; i < b.skipped; i++) {
                    turnedAway.add("turned away " + b.rejected[i]);
                }
                skipped += b.skipped;
                batches.recycle(b);
            }
        }
        out.addAll(turnedAway);
        out.add("skipped " + skipped);
        return out;
    }

    /** Keys on field 1 (null: every record), the turned-away records' field 0 hashed. */
    private static Batches.Keys keys(Set<String> villages) {
        int[] decode = {0, 1, 2, 3, 4, 5};
        var decoder = StandardCharsets.UTF_8.newDecoder();
        if (villages == null) {
            return new Batches.Keys(null, null, -1, decode, decoder, COLUMNS);
        }
        return new Batches.Keys(new int[] {1}, new KeyFilter.ByteKeys[] {new KeyFilter.ByteKeys(villages,
                StandardCharsets.UTF_8)}, 0, decode, decoder, COLUMNS);
    }

    /** A parser past the input's header line. */
    /** The lists equal, or a failure that names the first record where they differ. */
    private static void assertSameReading(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ": item " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), actual.size(), what + ": items");
    }

    private static ByteCsvParser afterHeader(InputStream in) throws IOException {
        ByteCsvParser parser = new ByteCsvParser(in, StandardCharsets.UTF_8, 64);
        assertTrue(parser.next());
        return parser;
    }

    private static List<String> oneReader(byte[] csv, Set<String> villages) throws IOException {
        return delivered(Batches.of(afterHeader(new ByteArrayInputStream(csv)), false, keys(villages)));
    }

    private static List<String> twoReaders(byte[] csv, Set<String> villages, int chunk) throws IOException {
        return twoReaders(new ByteArrayInputStream(csv), villages, chunk);
    }

    private static List<String> twoReaders(InputStream in, Set<String> villages, int chunk) throws IOException {
        ByteCsvParser parser = afterHeader(in);
        return delivered(new ChunkedBatches(parser, keys(villages), chunk));
    }

    private static byte[] randomCsv(long seed) {
        String csv = "h0,h1,h2,h3,h4,h5\n" + ByteCsvParserTest.randomCsv(new ArrayList<>(), new ArrayList<>(), seed);
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 60)
    void twoReadersDeliverWhatOneDelivers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int chunk,
            @ForAll boolean filtered) throws IOException {
        byte[] csv = randomCsv(seed);
        Set<String> villages = filtered ? Set.of("a", "村", "0012", "x y") : null;
        assertSameReading(oneReader(csv, villages), twoReaders(csv, villages, chunk), "chunks of " + chunk);
    }

    @Test
    void aCutInsideAQuotedLineBreakIsReadOnFromItsRecord() throws IOException {
        // every record holds a quoted line break: with chunks of a few bytes, cuts fall inside quotes again and again
        StringBuilder csv = new StringBuilder("h0,h1,h2,h3,h4,h5\n");
        for (int r = 0; r < 500; r++) {
            csv.append('r').append(r).append(",村,\"line one\nline two\",,").append(r % 7).append(",\"x\"\"y\"\r\n");
            if (r % 50 == 0) {
                csv.append('\n');
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 7, 30, 31, 32, 33, 64, 1000}) {
            assertSameReading(oneReader(bytes, null), twoReaders(bytes, null, chunk), "chunks of " + chunk);
            assertSameReading(oneReader(bytes, Set.of("村")), twoReaders(bytes, Set.of("村"), chunk),
                    "chunks of " + chunk);
        }
        // the first record's line break ends the first chunk of 20 bytes: its cut is inside quotes
        ChunkedBatches batches = new ChunkedBatches(afterHeader(new ByteArrayInputStream(bytes)), keys(null), 20);
        List<String> read = delivered(batches);
        assertTrue(batches.readOnItself());
        assertSameReading(oneReader(bytes, null), read, "chunks of 20");
    }

    @Test
    void aQuoteLeftOpenFailsOnTheLineItOpens() {
        StringBuilder csv = new StringBuilder("h0,h1\n");
        for (int r = 0; r < 200; r++) {
            csv.append('r').append(r).append(",v\n");
        }
        csv.append("r200,\"never closed\n");
        for (int r = 201; r < 400; r++) {
            csv.append('r').append(r).append(",v\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ByteCsvParser.QuoteException one = assertThrows(ByteCsvParser.QuoteException.class,
                () -> oneReader(bytes, null));
        assertEquals(202, one.line);
        for (int chunk : new int[] {5, 64, 1 << 20}) {
            ByteCsvParser.QuoteException two = assertThrows(ByteCsvParser.QuoteException.class,
                    () -> twoReaders(bytes, null, chunk));
            assertEquals(202, two.line, "chunks of " + chunk);
        }
    }

    @Test
    void anInputThatFailsFailsTheReadingWithItsError() {
        byte[] csv = randomCsv(7);
        for (int chunk : new int[] {16, 1000, 1 << 20}) {
            InputStream failing = new InputStream() {
                private int read;

                @Override
                public int read() throws IOException {
                    if (read == csv.length / 2) {
                        throw new IOException("the disk went away");
                    }
                    return csv[read++] & 0xff;
                }
            };
            IOException e = assertThrows(IOException.class, () -> twoReaders(failing, null, chunk));
            assertEquals("the disk went away", e.getMessage(), "chunks of " + chunk);
        }
    }

    @Test
    void aCallerThatStopsEarlyStopsTheReaders() {
        byte[] csv = randomCsv(3);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ByteCsvParser parser = afterHeader(new ByteArrayInputStream(csv));
            ChunkedBatches batches = new ChunkedBatches(parser, keys(null), 64);
            try (batches) {
                assertTrue(batches.next().records > 0); // then the caller fails, say, and closes
            }
        });
    }

    @Test
    void aLargeFileIsReadByTwoReadersAsAStreamIsReadByOne() throws IOException {
        // TabularSource cuts a file of CHUNKED_BYTES or more into chunks: the rows equal a stream's, read by one reader
        StringBuilder csv = new StringBuilder("household,village,note\n");
        int rows = 0;
        while (csv.length() < TabularSource.CHUNKED_BYTES + 3 * ChunkedBatches.CHUNK) {
            csv.append(String.format("%012d", rows)).append(",V").append(rows / 250 % 40).append(',');
            csv.append(rows % 9_973 == 0 ? "\"a note\nover two lines\"" : "").append('\n');
            rows++;
        }
        Path file = Files.createTempFile("chunked", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            Column household = Column.required("household");
            Column village = Column.required("village");
            Column note = Column.optional("note");
            List<Column> columns = List.of(household, village, note);
            Set<String> kept = Set.of("V3", "V17", "V39");
            List<String> fromFile = new ArrayList<>();
            KeyFilter fileFilter = KeyFilter.in(village, kept).hashingRejected(household);
            long fileRecords = TabularSource.of(file).read(columns, fileFilter,
                    r -> fromFile.add(r.line() + " " + r.text(household) + " " + r.text(note)));
            List<String> fromStream = new ArrayList<>();
            KeyFilter streamFilter = KeyFilter.in(village, kept).hashingRejected(household);
            long streamRecords = TabularSource.csv("stream", new ByteArrayInputStream(Files.readAllBytes(file)),
                    StandardCharsets.UTF_8).read(columns, streamFilter,
                            r -> fromStream.add(r.line() + " " + r.text(household) + " " + r.text(note)));
            assertEquals(rows, fileRecords);
            assertEquals(streamRecords, fileRecords);
            assertEquals(fromStream, fromFile);
            assertTrue(fromFile.size() > 3 * 250 * 10);
            List<String> ids = List.of("000000000000", "000000000251", "000000009973");
            assertEquals(streamFilter.mayHaveRejected(ids), fileFilter.mayHaveRejected(ids));
        } finally {
            Files.delete(file);
        }
    }
}
