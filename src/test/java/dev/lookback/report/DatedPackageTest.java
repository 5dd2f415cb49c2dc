package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

class DatedPackageTest {
    /** A workbook as the writer makes it, its creation stamped with the clock's time. */
    private static byte[] written(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Lookback", null);
        var ws = wb.newWorksheet("整改清单");
        for (int r = 0; r < 200; r++) {
            ws.value(r, 0, text + r);
            ws.value(r, 1, r * 0.5);
        }
        wb.finish();
        return out.toByteArray();
    }

    /** Every entry's content, read by the JDK's stream reader, which checks each against its CRC-32 and sizes. */
    private static Map<String, byte[]> entries(byte[] zip, LocalDateTime expectedTime) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (expectedTime != null) {
                    assertEquals(expectedTime, e.getTimeLocal(), e.getName());
                }
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void datesEveryEntryAndTheDocumentAndKeepsEverythingElse() throws Exception {
        byte[] writer = written("户");
        LocalDate day = LocalDate.of(2026, 12, 3);
        byte[] dated = DatedPackage.of(writer, day);
        // the writer's own package: sizes only after each entry (Zip64 descriptors), which the JDK's stream reader
        // cannot follow; the dated one it reads, every CRC and size checked
        assertThrows(java.util.zip.ZipException.class, () -> entries(writer, null));
        Map<String, byte[]> read = entries(dated, day.atStartOfDay());
        String core = new String(read.get(DatedPackage.CORE), StandardCharsets.UTF_8);
        assertTrue(core.contains(">2026-12-03T00:00:00Z</dcterms:created>"), core);
        // every other entry is the writer's, byte for byte once inflated (the writer's, read by the JDK's ZipFile)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("writer", ".zip");
        try {
            java.nio.file.Files.write(file, writer);
            try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(file.toFile())) {
                assertEquals(zf.size(), read.size());
                for (ZipEntry e : java.util.Collections.list(zf.entries())) {
                    byte[] original = zf.getInputStream(e).readAllBytes();
                    if (e.getName().equals(DatedPackage.CORE)) {
                        assertNotEquals(new String(original, StandardCharsets.UTF_8), core);
                        assertEquals(new String(original, StandardCharsets.UTF_8).replaceFirst(
                                "(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$12026-12-03T00:00:00Z$2"), core);
                    } else {
                        assertArrayEquals(original, read.get(e.getName()), e.getName());
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // a workbook Excel's readers open: POI finds the sheet and the date
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(dated))) {
            assertEquals("户7", wb.getSheet("整改清单").getRow(7).getCell(0).getStringCellValue());
            assertEquals(java.time.Instant.parse("2026-12-03T00:00:00Z"),
                    wb.getProperties().getCoreProperties().getCreated().toInstant());
        }
    }

    @Test
    void theSameSheetsWrittenAtAnotherMomentMakeTheSameBytes() throws Exception {
        byte[] first = written("x");
        Thread.sleep(5); // the writer's stamp has milliseconds
        byte[] second = written("x");
        assertTrue(!Arrays.equals(first, second), "the writer stamps the clock's time");
        LocalDate day = LocalDate.of(1980, 1, 1);
        assertArrayEquals(DatedPackage.of(first, day), DatedPackage.of(second, day));
        entries(DatedPackage.of(first, day), day.atStartOfDay());
    }

    @Test
    void whatIsNotAPackageIsRefused() throws Exception {
        // a package whose entries are cut away, its directory and end record kept, names what is wrong
        byte[] whole = written("x");
        byte[] cut = new byte[whole.length - 1500];
        System.arraycopy(whole, 1500, cut, 0, cut.length);
        IOException e = assertThrows(IOException.class, () -> DatedPackage.of(cut, LocalDate.of(2026, 1, 1)));
        assertTrue(e.getMessage().startsWith("the workbook's package"), e.getMessage());
        assertEquals("the workbook's package has no end of central directory record",
                assertThrows(IOException.class, () -> DatedPackage.of(new byte[100], LocalDate.of(2026, 1, 1)))
                        .getMessage());
    }
}
