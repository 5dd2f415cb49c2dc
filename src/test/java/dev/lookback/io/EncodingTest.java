package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file's encoding as offices send them, detected from its first bytes, and the refusals that name the fix. */
class EncodingTest {
    static final Charset GBK = Charset.forName("GBK");
    static final String TEXT = "户编号,县,村,人数,状态\n0001,C01,V1,3,已脱贫\n0002,C01,V1,2,一般户\n";

    static Encoding detect(byte[] bytes) {
        return Encoding.detect("self_check.csv", bytes, bytes.length, true);
    }

    @Test
    void utf8WithAndWithoutBomGbkAndAscii() {
        assertEquals("UTF-8", detect(TEXT.getBytes(StandardCharsets.UTF_8)).label());
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        assertEquals("UTF-8 (BOM)", detect(bom).label());
        Encoding gbk = detect(TEXT.getBytes(GBK));
        assertEquals(Encoding.GB18030, gbk.charset());
        assertTrue(gbk.detected());
        assertEquals("UTF-8", detect("household,county\nH1,C01\n".getBytes(StandardCharsets.US_ASCII)).label());
    }

    @Test
    void ambiguousNeitherAndUtf16AreRefusedWithTheFix() {
        // "Müller" in UTF-8 is also two valid GBK characters: a name in Latin letters cannot tell
        InputException ambiguous = assertThrows(InputException.class,
                () -> detect("household,name\nH1,Müller\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("self_check.csv: the encoding cannot be told: the bytes are valid UTF-8 (reading \"ü\") and valid"
                + " GBK (reading \"眉\"); name it with --encoding UTF-8 or --encoding GBK", ambiguous.getMessage());
        assertEquals("请用 --encoding UTF-8 或 --encoding GBK 指明文件编码", ambiguous.fix());
        byte[] neither = "household\nH1\n\u0000\n".getBytes(StandardCharsets.US_ASCII);
        neither[neither.length - 2] = (byte) 0xFF;
        InputException bad = assertThrows(InputException.class, () -> detect(neither));
        assertEquals("self_check.csv line 3: the bytes are neither UTF-8 nor GBK; save the file as CSV in UTF-8, or name"
                + " its encoding with --encoding", bad.getMessage());
        assertEquals(Encoding.FIX, bad.fix());
        InputException utf16 = assertThrows(InputException.class, () -> detect(TEXT.getBytes(StandardCharsets.UTF_16)));
        assertTrue(utf16.getMessage().contains("UTF-16"), utf16.getMessage());
    }

    @Test
    void aLaterPartInAnotherEncodingIsNamedWithHowItWasDetected(@TempDir Path tmp) throws IOException {
        // more than the bytes detection reads, all ASCII, then one GBK record
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("household,county,village,persons,status\n".getBytes(StandardCharsets.US_ASCII));
        long line = 1;
        while (out.size() <= Encoding.HEAD_BYTES) {
            out.write("H0000001,C01,V1,3,POOR\n".getBytes(StandardCharsets.US_ASCII));
            line++;
        }
        out.write("H0000002,C01,V1,3,一般户\n".getBytes(GBK));
        Path file = tmp.resolve("self_check.csv");
        Files.write(file, out.toByteArray());
        TabularSource source = TabularSource.of(file);
        List<String> statuses = new ArrayList<>();
        InputException e = assertThrows(InputException.class, () -> source.read(List.of(Columns.STATUS),
                row -> statuses.add(row.text(Columns.STATUS))));
        assertEquals("self_check.csv line " + (line + 1) + ", column status: the bytes are not valid UTF-8 (the encoding"
                + " was detected from the file's first 1 MB, which read as UTF-8); a file saved by Excel on Chinese"
                + " Windows is usually GBK: save it as UTF-8, or use --encoding GBK", e.getMessage());
        assertEquals(Encoding.FIX, e.fix());
        // named, the same file reads whole
        List<String> all = new ArrayList<>();
        TabularSource.of(file, GBK).read(List.of(Columns.STATUS), row -> all.add(row.text(Columns.STATUS)));
        assertEquals("一般户", all.get(all.size() - 1));
    }
}
