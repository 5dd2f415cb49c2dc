package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The window-scanning parser against records written by a plain RFC 4180 writer. */
class ByteCsvParserTest {

    /** Random records with commas, quotes, line breaks, CRLF, Chinese text and blank lines. */
    static String randomCsv(List<List<String>> records, List<Long> lines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] pieces = {"a", "村", "0012", " ", ",", "\"", "\n", "贫困户", "x y", "\r\n", ""};
        StringBuilder sb = new StringBuilder();
        long line = 1;
        for (int r = 0; r < 3000; r++) {
            if (random.nextInt(20) == 0) {
                sb.append('\n');
                line++;
            }
            int n = 1 + random.nextInt(6);
            List<String> fields = new ArrayList<>();
            lines.add(line);
            for (int f = 0; f < n; f++) {
                StringBuilder v = new StringBuilder();
                int k = random.nextInt(4);
                for (int i = 0; i < k; i++) {
                    v.append(pieces[random.nextInt(pieces.length)]);
                }
                String value = f == 0 ? "r" + r + v : v.toString(); // no record is a blank line
                fields.add(value.strip().isEmpty() ? "" : value);
                if (f > 0) {
                    sb.append(',');
                }
                String quotedValue = CsvWriter.quote(value);
                sb.append(quotedValue);
                line += quotedValue.chars().filter(c -> c == '\n').count();
            }
            records.add(fields);
            sb.append(random.nextBoolean() ? "\n" : "\r\n");
            line++;
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 17, 64, 1 << 20})
    void everyWindowSizeGivesTheSameRecordsAndLines(int window) throws IOException {
        List<List<String>> expected = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        byte[] bytes = randomCsv(expected, lines, 42).getBytes(StandardCharsets.UTF_8);
        ByteCsvParser parser = new ByteCsvParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, window);
        int r = 0;
        while (parser.next()) {
            List<String> exp = expected.get(r);
            assertEquals(exp.size(), parser.fieldCount(), "record " + r);
            for (int f = 0; f < exp.size(); f++) {
                String got = parser.field(f);
                String want = exp.get(f).strip().isEmpty() ? null : exp.get(f).strip();
                if (want != null && f == 0) {
                    want = exp.get(f).strip();
                }
                assertEquals(want, got, "record " + r + " field " + f);
            }
            assertEquals(lines.get(r), parser.recordLine(), "line of record " + r);
            r++;
        }
        assertEquals(expected.size(), r);
    }

    @Test
    void theLastRecordMayLackALineBreakAndAByteOrderMarkIsSkipped() throws IOException {
        byte[] bytes = "\uFEFFa,b\nc,\"d\"\"e\"".getBytes(StandardCharsets.UTF_8);
        ByteCsvParser parser = new ByteCsvParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, 3);
        assertTrue(parser.next());
        assertEquals("a", parser.field(0));
        assertTrue(parser.next());
        assertEquals("d\"e", parser.field(1));
        assertEquals(2, parser.recordLine());
        assertFalse(parser.next());
    }

    @Test
    void anOpenQuoteAtTheEndIsAnError() {
        byte[] bytes = "a,b\n\"c,d\ne\n".getBytes(StandardCharsets.UTF_8);
        ByteCsvParser parser = new ByteCsvParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, 5);
        ByteCsvParser.QuoteException e = assertThrows(ByteCsvParser.QuoteException.class, () -> {
            while (parser.next()) {
                // read on
            }
        });
        assertEquals(2, e.line);
    }
}
