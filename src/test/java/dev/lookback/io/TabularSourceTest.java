package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reading CSV, GBK, .xlsx and tables: headers, encodings, quoting, and the messages of bad input. */
class TabularSourceTest {
    static final Column HOUSEHOLD = Column.required("household", "户编号");
    static final Column PERSONS = Column.required("persons", "人数");
    static final Column STATUS = Column.optional("status", "状态");
    static final List<Column> COLUMNS = List.of(HOUSEHOLD, PERSONS, STATUS);
    static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private static List<String[]> read(TabularSource source) {
        List<String[]> rows = new ArrayList<>();
        source.read(COLUMNS, r -> rows.add(new String[] {Long.toString(r.line()), r.text(HOUSEHOLD), r.text(PERSONS),
                r.text(STATUS)}));
        return rows;
    }

    private static TabularSource csv(String text, Charset charset) {
        return TabularSource.csv("self_check.csv", new ByteArrayInputStream(text.getBytes(charset)), charset);
    }

    @Test
    void chineseHeadersUtf8WithBomAndCodesKeptAsText() {
        List<String[]> rows = read(csv("\uFEFF户编号,人数,状态,备注\r\n0001,3,贫困户,x\r\n0002, 4 ,,\r\n", StandardCharsets.UTF_8));
        assertEquals(2, rows.size());
        assertEquals("0001", rows.get(0)[1]);
        assertEquals("贫困户", rows.get(0)[3]);
        assertEquals("4", rows.get(1)[2], "values are trimmed");
        assertNull(rows.get(1)[3], "a blank cell reads as null");
        assertEquals("3", rows.get(1)[0]);
    }

    @Test
    void gbkFromExcelReadsWithTheGbkEncoding(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("self_check.csv");
        Files.write(file, "户编号,人数,状态\n0001,3,已脱贫\n".getBytes(GBK));
        List<String[]> rows = read(TabularSource.of(file, GBK));
        assertEquals("已脱贫", rows.get(0)[3]);
        TabularSource detected = TabularSource.of(file);
        assertEquals("已脱贫", read(detected).get(0)[3], "detected when no encoding is named");
        assertEquals("GB18030 (detected)", detected.encodingLabel());
        InputException e = assertThrows(InputException.class, () -> read(TabularSource.of(file,
                StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 1: the bytes are not valid UTF-8; a file saved by Excel on Chinese Windows"
                + " is usually GBK: save it as UTF-8, or use --encoding GBK", e.getMessage());
        assertEquals("另存为 UTF-8 或指定 --encoding GBK", e.fix());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<String[]> rows = read(csv("household,persons,status\n\"a,1\",2,\"say \"\"hi\"\"\nthere\"\n\nb,3,POOR\n",
                StandardCharsets.UTF_8));
        assertEquals("a,1", rows.get(0)[1]);
        assertEquals("say \"hi\"\nthere", rows.get(0)[3]);
        assertEquals("5", rows.get(1)[0], "lines are physical lines, blank ones counted");
    }

    @Test
    void blankRecordsAreSkippedAndShortRecordsReadAsBlank() {
        List<String[]> rows = read(csv("household,persons,status\n,,\n  , ,\nh1,2\n", StandardCharsets.UTF_8));
        assertEquals(1, rows.size());
        assertNull(rows.get(0)[3]);
    }

    @Test
    void aMissingColumnNamesWhatTheHeaderHas() {
        InputException e = assertThrows(InputException.class,
                () -> read(csv("户编号,状态\n1,POOR\n", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 1: missing column persons (人数); the header has [户编号, 状态]", e.getMessage());
        InputException semicolons = assertThrows(InputException.class,
                () -> read(csv("household;persons\n1;2\n", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 1: missing column household (户编号); the header has [household;persons]"
                + " (the file seems to use ';', but Lookback reads comma-separated files)", semicolons.getMessage());
    }

    @Test
    void twoHeadersForOneColumnAreRefused() {
        InputException e = assertThrows(InputException.class,
                () -> read(csv("household,户编号,persons\n1,1,2\n", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 1, column 户编号: both \"household\" and \"户编号\" name column household (户编号);"
                + " keep one of them", e.getMessage());
    }

    @Test
    void brokenRecordsSayWhere() {
        InputException quote = assertThrows(InputException.class,
                () -> read(csv("household,persons\n1,2\n\"3,4\n5,6\n", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 3: a quoted field is never closed (an odd number of \")", quote.getMessage());
        InputException wide = assertThrows(InputException.class,
                () -> read(csv("household,persons\n1,2\n3,4,5,6\n", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv line 3: the record has 4 fields but the header has 2 (a comma inside a value that"
                + " is not quoted?)", wide.getMessage());
        // a record the key filter would turn away is refused too: its fields may be shifted, its key not what it seems
        InputException filtered = assertThrows(InputException.class, () -> csv("household,persons\n1,2\n3,4,5,6\n",
                StandardCharsets.UTF_8).read(COLUMNS, KeyFilter.in(HOUSEHOLD, java.util.Set.of("1")), r -> { }));
        assertEquals(wide.getMessage(), filtered.getMessage());
        InputException empty = assertThrows(InputException.class, () -> read(csv("", StandardCharsets.UTF_8)));
        assertEquals("self_check.csv: the file is empty; expected a header line with household, persons",
                empty.getMessage());
        InputException none = assertThrows(InputException.class,
                () -> read(TabularSource.of(dir.resolve("nope.csv"))));
        assertEquals("nope.csv: no such file (" + dir.resolve("nope.csv") + ")", none.getMessage());
    }

    @Test
    void aFilterHashingWhatItTurnsAwayFindsItInEveryChunk() throws IOException {
        // 300,000 records turned away fill three chunks of kept hashes (131,072 each): a value from each is found, one
        // never written is not, and a record let through is not among those turned away
        Path file = dir.resolve("many.csv");
        StringBuilder text = new StringBuilder("household,persons\n");
        for (int i = 0; i < 300_000; i++) {
            text.append(i % 1000 == 7 ? "keep" + i : "h" + i).append(",1\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        KeyFilter filter = KeyFilter.in(HOUSEHOLD, java.util.Set.of("keep7")).hashingRejected(HOUSEHOLD);
        List<String> kept = new ArrayList<>();
        TabularSource.of(file).read(List.of(HOUSEHOLD, PERSONS), filter, r -> kept.add(r.text(HOUSEHOLD)));
        assertEquals(List.of("keep7"), kept);
        assertEquals(java.util.Set.of("h0", "h131071", "h131072", "h262144", "h299999", "keep1007"),
                filter.mayHaveRejected(List.of("h0", "h131071", "h131072", "h262144", "h299999", "keep1007", "keep7",
                        "h300000")));
    }

    @Test
    void rowHelpersNameLineColumnValueAndExpectation() {
        List<InputException> errors = new ArrayList<>();
        csv("户编号,人数\n1,两\n2,\n3,-1\n4,3.0\n", StandardCharsets.UTF_8).read(COLUMNS, r -> {
            try {
                r.integer(PERSONS, 0);
            } catch (InputException e) {
                errors.add(e);
            }
        });
        assertEquals(3, errors.size(), "3.0 is a whole number as Excel writes it");
        assertEquals("self_check.csv line 2, column 人数: \"两\" — expected a whole number ≥ 0", errors.get(0).getMessage());
        assertEquals("self_check.csv line 3, column 人数: blank, but a value is required", errors.get(1).getMessage());
        assertEquals("self_check.csv line 4, column 人数: \"-1\" — expected a whole number ≥ 0", errors.get(2).getMessage());
        assertEquals(4, errors.get(2).line());
        assertEquals("人数", errors.get(2).column());
    }

    @Test
    void xlsxIsReadAsTheTextExcelShows() throws IOException {
        Path file = dir.resolve("self_check.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet("自查");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("户编号");
            header.createCell(1).setCellValue("人数");
            header.createCell(2).setCellValue("状态");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("0007");
            row.createCell(1).setCellValue(3);
            row.createCell(2).setCellValue("一般户");
            sheet.createRow(3).createCell(0).setCellValue("0008");
            book.write(out);
        }
        List<String[]> rows = read(TabularSource.of(file));
        assertEquals(2, rows.size());
        assertEquals("0007", rows.get(0)[1]);
        assertEquals("3", rows.get(0)[2]);
        assertEquals("一般户", rows.get(0)[3]);
        assertEquals("4", rows.get(1)[0], "Excel's row number");
    }

    @Test
    void xlsxAsOfficesExportIt() throws IOException {
        // a title row above the header, 12-digit household ids stored as numbers (Excel shows 4.30121E+11),
        // a count with a decimal format, a formula, a date and an error cell
        Path file = dir.resolve("register.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = book.createSheet("台账");
            sheet.createRow(0).createCell(0).setCellValue("2026年回头看自查台账");
            XSSFRow header = sheet.createRow(1);
            header.createCell(0).setCellValue("户编号");
            header.createCell(1).setCellValue("人数");
            header.createCell(2).setCellValue("状态");
            var twoPlaces = book.createCellStyle();
            twoPlaces.setDataFormat(book.createDataFormat().getFormat("0.00"));
            XSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue(430121000001d);
            row.createCell(1).setCellValue(3.25);
            row.getCell(1).setCellStyle(twoPlaces);
            row.createCell(2).setCellValue("一般户");
            XSSFRow formula = sheet.createRow(3);
            formula.createCell(0).setCellFormula("430121000001+1");
            formula.createCell(1).setCellFormula("1/0");
            formula.createCell(2).setCellValue("贫困户");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
        }
        List<String[]> rows = read(TabularSource.of(file));
        assertEquals(2, rows.size());
        assertEquals("430121000001", rows.get(0)[1]);
        assertEquals("3.25", rows.get(0)[2], "the value, not the format's 3.25 rounded");
        assertEquals("3", rows.get(0)[0], "Excel's row number");
        assertEquals("430121000002", rows.get(1)[1], "a formula's computed value");
        assertEquals("#DIV/0!", rows.get(1)[2], "an error cell kept for the reader to refuse");
        // a title row over a header that lacks a column is named as such in the message
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "2026年回头看自查台账\nhousehold,persons\n1,2\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> read(TabularSource.of(bad)));
        assertTrue(e.getMessage().contains("title row above the header"), e.getMessage());
    }

    @Test
    void aTablesawTableIsReadWithoutChangingIt() {
        Table t = Table.create("t", StringColumn.create("户编号", "1", "2"), StringColumn.create("人数", "3", ""));
        List<String[]> rows = read(TabularSource.of("register", t));
        assertEquals("3", rows.get(0)[2]);
        assertNull(rows.get(1)[2]);
        assertEquals(2, t.rowCount());
        assertEquals("", t.stringColumn("人数").get(1));
    }

    @Test
    void csvWriterQuotesOnlyWhatNeedsIt() {
        assertEquals("plain", CsvWriter.quote("plain"));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\" padded\"", CsvWriter.quote(" padded"));
    }
}
