package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.ReviewResult;
import dev.lookback.sim.Demo;
import dev.lookback.vocabulary.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookback's workbook writer makes the bytes fastexcel 0.18.4 made for the same sheets (given the review's date by
 * {@link DatedPackage}, as the workbooks were written until 2026-12-04): Excel and WPS open what they opened before.
 * The reference below drives fastexcel as {@code Workbooks} did, call for call.
 */
class XlsxTest {
    private static final LocalDate DAY = LocalDate.of(2026, 5, 31);

    /** The sheets written by fastexcel, in the order of calls Lookback's workbooks made, then dated. */
    static byte[] byFastexcel(List<Xlsx.Sheet> sheets, LocalDate date) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, Workbooks.APPLICATION, null);
        wb.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        for (Xlsx.Sheet s : sheets) {
            Worksheet ws = wb.newWorksheet(s.name());
            if (s.form()) {
                for (int i = 0; i < s.rows().size(); i++) {
                    ws.value(i, 0, (String) s.rows().get(i)[0]);
                    ws.value(i, 1, (String) s.rows().get(i)[1]);
                }
                header(ws, 0, 0, s.rows().size() - 1, 0);
                for (int c = 0; c < s.widths().length; c++) {
                    ws.width(c, s.widths()[c]);
                }
                continue;
            }
            int columns = s.header().size();
            for (int c = 0; c < columns; c++) {
                ws.value(0, c, s.header().get(c));
            }
            header(ws, 0, 0, 0, columns - 1);
            for (int r = 0; r < s.rows().size(); r++) {
                for (int c = 0; c < columns; c++) {
                    Object v = s.rows().get(r)[c];
                    if (v instanceof Double d) {
                        ws.value(r + 1, c, d.doubleValue());
                    } else if (v != null) {
                        ws.value(r + 1, c, (String) v);
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                if (!s.rows().isEmpty()) {
                    ws.range(1, c, s.rows().size(), c).style().format(s.formats().get(c)).verticalAlignment("top")
                            .wrapText(false).set();
                }
                ws.width(c, s.widths()[c]);
            }
            ws.freezePane(0, 1);
            ws.setAutoFilter(0, 0, s.rows().size(), columns - 1);
        }
        wb.finish();
        return DatedPackage.of(out.toByteArray(), date);
    }

    private static void header(Worksheet ws, int top, int left, int bottom, int right) {
        ws.range(top, left, bottom, right).style().bold().wrapText(true).verticalAlignment("center")
                .fillColor("C0C0C0").borderStyle(BorderSide.BOTTOM, BorderStyle.THIN).set();
    }

    @Test
    void theDemosWorkbooksAreTheBytesFastexcelMade(@TempDir Path dir) throws Exception {
        ReviewResult r = Demo.run(dir.resolve("input"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS).result();
        Map<String, List<String[]>> items = ReviewFiles.rectificationItems(r);
        LocalDate date = Workbooks.dated(r);
        List<Xlsx.Sheet> review = Workbooks.reviewSheets(r, items);
        assertEquals(8, review.size(), "decisions, next steps, rates, rectification, data quality, funds, leads, about");
        assertArrayEquals(byFastexcel(review, date), Xlsx.write(review, Workbooks.APPLICATION, date));
        assertTrue(items.size() >= 5, "the demo's counties with something to rectify");
        for (Map.Entry<String, List<String[]>> county : items.entrySet()) {
            List<Xlsx.Sheet> sheets = Workbooks.countySheets(r, county.getKey(), county.getValue());
            assertArrayEquals(byFastexcel(sheets, date), Xlsx.write(sheets, Workbooks.APPLICATION, date),
                    county.getKey());
        }
    }

    @Test
    void aSheetLargerThanFastexcelsBufferIsTheSameBytesToo() throws IOException {
        // fastexcel flushed its 512k-character buffer into the deflater as it filled: the deflated bytes do not depend
        // on how the input was handed over
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            rows.add(new Object[] {"村" + (i % 997), i * 0.37, i % 3 == 0 ? null : "户 " + i});
        }
        List<Xlsx.Sheet> sheets = List.of(Xlsx.Sheet.table("整改清单", List.of("村 village", "x", "户 household"),
                List.of("@", "0.0000", "@"), rows, new int[] {10, 10, 12}));
        byte[] written = Xlsx.write(sheets, Workbooks.APPLICATION, DAY);
        assertTrue(written.length > 200_000, written.length + " bytes");
        assertArrayEquals(byFastexcel(sheets, DAY), written);
    }

    @Property(tries = 200)
    void anySheetsAreTheBytesFastexcelMade(@ForAll("workbooks") List<Xlsx.Sheet> sheets) throws IOException {
        byte[] expected = byFastexcel(sheets, DAY);
        byte[] written = Xlsx.write(sheets, Workbooks.APPLICATION, DAY);
        assertEquals(parts(expected), parts(written), "the XML, part by part");
        assertArrayEquals(expected, written);
    }

    /** Each entry's name and content, in the package's order. */
    private static List<String> parts(byte[] zip) throws IOException {
        List<String> parts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.add(e.getName() + "\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** Text of every kind: markup, quotes, Chinese, emoji (two chars), controls, lone surrogates, U+FFFE. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("<>&'\"=+-@ ab1.").ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e20').withChars(" 县村户").ofMaxLength(6),
                Arbitraries.of("", " ", "\t", "a\nb", "\r\n", "\u0000x\u0001", "\ud83d\ude00", "\ud800", "x\udc00y",
                        "\ufffe\uffff", "\u007f\u0080\u00e9", "C01", "0012", "=SUM(1+1)"),
                Arbitraries.strings().all().ofMaxLength(5));
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, texts().map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().map(d -> (Object) d)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, 1.0, 0.1, 1e-7, 1e21, 0.018886666666666666)
                        .map(d -> (Object) d)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<List<Xlsx.Sheet>> workbooks() {
        Arbitrary<String> format = Arbitraries.of("@", "0.00%", "0.0000", "0", "#,##0.00");
        Arbitrary<Xlsx.Sheet> table = Arbitraries.integers().between(1, 30).flatMap(columns -> Combinators.combine(
                texts().list().ofSize(columns), format.list().ofSize(columns),
                values().array(Object[].class).ofSize(columns).list().ofMaxSize(6),
                Arbitraries.integers().between(3, 80).array(int[].class).ofSize(columns))
                .as((header, formats, rows, widths) -> Xlsx.Sheet.table("t", header, formats, rows, widths)));
        Arbitrary<Xlsx.Sheet> form = texts().array(String[].class).ofSize(2).list().ofMinSize(1).ofMaxSize(4)
                .map(pairs -> Xlsx.Sheet.form("f", pairs, new int[] {28, 100}));
        return Arbitraries.oneOf(table, table, form).list().ofMinSize(1).ofMaxSize(4).map(XlsxTest::named);
    }

    /** The same sheets with names a workbook takes: distinct, Chinese or not, one with a character to escape. */
    private static List<Xlsx.Sheet> named(List<Xlsx.Sheet> sheets) {
        List<Xlsx.Sheet> out = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            Xlsx.Sheet s = sheets.get(i);
            String name = (i % 2 == 0 ? "表" : "sheet ") + i + (i == 1 ? " a&b" : "");
            out.add(new Xlsx.Sheet(name, s.form(), s.header(), s.formats(), s.rows(), s.widths()));
        }
        return out;
    }

    @Test
    void aReaderFindsTheCellsTheFormatsAndTheFrozenFilteredHeader() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"C01", 0.0125, null, "=HYPERLINK(\"http://x\",\"y\")"});
        rows.add(new Object[] {"漏评 missed", 3.0, "x", "0012"});
        List<Xlsx.Sheet> sheets = List.of(
                Xlsx.Sheet.table("误差率", List.of("县 county", "率 rate", "空 blank", "户 household"),
                        List.of("@", "0.00%", "0", "@"), rows, new int[] {10, 12, 8, 30}),
                Xlsx.Sheet.form("说明", List.<String[]>of(new String[] {"单位 unit", "户 households"}),
                        new int[] {28, 100}));
        byte[] bytes = Xlsx.write(sheets, "Lookback", DAY);
        // every entry dated the day, its CRC-32 and sizes in its local header (the JDK's stream reader checks them)
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            int entries = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; entries++) {
                assertEquals(DAY.atStartOfDay(), e.getTimeLocal(), e.getName());
                in.readAllBytes();
            }
            assertEquals(10, entries);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet s = wb.getSheet("误差率");
            assertEquals("县 county", s.getRow(0).getCell(0).getStringCellValue());
            assertTrue(s.getRow(0).getCell(0).getCellStyle().getFont().getBold());
            assertEquals(0.0125, s.getRow(1).getCell(1).getNumericCellValue(), 0);
            assertEquals("0.00%", s.getRow(1).getCell(1).getCellStyle().getDataFormatString());
            assertEquals(CellType.BLANK, s.getRow(1).getCell(2).getCellType());
            assertEquals("0", s.getRow(1).getCell(2).getCellStyle().getDataFormatString());
            assertEquals(CellType.STRING, s.getRow(1).getCell(3).getCellType(), "a text cell, never a formula");
            assertEquals("0012", s.getRow(2).getCell(3).getStringCellValue(), "leading zeros kept");
            assertEquals("漏评 missed", s.getRow(2).getCell(0).getStringCellValue());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A1:D3", s.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(30 * 256, s.getColumnWidth(3));
            assertEquals("户 households", wb.getSheet("说明").getRow(0).getCell(1).getStringCellValue());
        }
    }

    @Test
    void columnsAreNamedAsASpreadsheetNamesThem() {
        assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"),
                java.util.stream.IntStream.of(0, 25, 26, 51, 52, 701, 702, 16383).mapToObj(Xlsx::column).toList());
    }

    @Test
    void whatAWorkbookCannotHoldIsRefused() {
        List<Object[]> nan = List.<Object[]>of(new Object[] {Double.NaN});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Xlsx.write(
                List.of(Xlsx.Sheet.table("t", List.of("x"), List.of("0"), nan, new int[] {8})), "Lookback", DAY));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Xlsx.Sheet.table("t", List.of(), List.of(), List.of(),
                new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Xlsx.Sheet.table("t", List.of("x", "y"), List.of("0", "0"),
                List.<Object[]>of(new Object[] {1.0}), new int[] {8, 8}), "a row short of a value");
        List<Object[]> tooMany = java.util.Collections.nCopies(Xlsx.MAX_ROWS, new Object[] {"x"});
        e = assertThrows(IllegalArgumentException.class, () -> Xlsx.Sheet.table("整改清单", List.of("x"), List.of("@"),
                tooMany, new int[] {8}));
        assertEquals("sheet 整改清单: 1048576 rows and its header, more than a worksheet holds (1048576); the CSV file"
                + " beside the workbook has them all", e.getMessage());
        Xlsx.Sheet.table("t", List.of("x"), List.of("@"), tooMany.subList(1, tooMany.size()), new int[] {8});
        assertThrows(IllegalArgumentException.class, () -> Xlsx.write(List.of(Xlsx.Sheet.form("f",
                List.<String[]>of(new String[] {"a", "b"}), new int[] {1, 1})), "Lookback", LocalDate.of(1979, 12, 31)));
    }
}
