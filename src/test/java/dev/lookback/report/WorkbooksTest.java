package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.ReviewResult;
import dev.lookback.sim.Demo;
import dev.lookback.vocabulary.Field;
import dev.lookback.vocabulary.Unit;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks for people: their sheets, headers, number formats, safe text cells and stable bytes. */
class WorkbooksTest {

    static Workbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theReviewWorkbookPutsDecisionsFirstWithNumbersAsNumbers(@TempDir Path dir) throws Exception {
        ReviewResult r = Demo.run(dir.resolve("input"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS).result();
        ReviewFiles.write(r, dir.resolve("out"));
        try (Workbook wb = open(dir.resolve("out/review.xlsx"))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("问责结论", "下一步", "误差率", "整改清单", "数据质量", "资金移送", "群众举报", "说明"), names);
            assertTrue(wb.getSheet("下一步").getRow(1).getCell(0).getStringCellValue().startsWith("补充抽查："),
                    "then what to do next, in the plan's words");
            Sheet decisions = wb.getSheet("问责结论");
            assertEquals("县 county", decisions.getRow(0).getCell(0).getStringCellValue());
            assertEquals(Field.ROLES.header(), decisions.getRow(0).getCell(1).getStringCellValue());
            assertEquals(Field.OUTCOME.header(), decisions.getRow(0).getCell(5).getStringCellValue());
            assertEquals(r.decisions().size(), decisions.getLastRowNum());
            assertEquals(1, decisions.getPaneInformation().getHorizontalSplitPosition());
            // who is reached first, how sure in words beside the outcome, then the estimate as a number
            var first = r.triggered().get(0);
            assertEquals(Field.SURENESS.header(), decisions.getRow(0).getCell(6).getStringCellValue());
            assertEquals(String.join("、", first.names()), decisions.getRow(1).getCell(2).getStringCellValue());
            assertEquals(first.outcome().chinese(), decisions.getRow(1).getCell(5).getStringCellValue());
            assertEquals(first.sureness().chinese(), decisions.getRow(1).getCell(6).getStringCellValue());
            Cell estimate = decisions.getRow(1).getCell(7);
            assertEquals(CellType.NUMERIC, estimate.getCellType());
            assertEquals(first.estimate(), estimate.getNumericCellValue(), 0);
            assertEquals("0.00%", estimate.getCellStyle().getDataFormatString());
            Row afterReached = decisions.getRow(r.triggered().size() + 1);
            assertEquals(dev.lookback.vocabulary.Sureness.ABOVE_NOT_PROVEN.chinese(),
                    afterReached.getCell(6).getStringCellValue(), "then those above the line, not proven");
            Sheet rates = wb.getSheet("误差率");
            assertEquals(r.rates().size(), rates.getLastRowNum());
            assertEquals(CellType.NUMERIC, rates.getRow(1).getCell(3).getCellType()); // villages sampled
            assertEquals("0", rates.getRow(1).getCell(3).getCellStyle().getDataFormatString());
            assertTrue(wb.getSheet("整改清单").getLastRowNum() >= r.discrepancies().size());
        }
        // the county's own workbook, named in the index beside its CSV
        List<String> index = Files.readAllLines(dir.resolve("out/rectification/index.csv"));
        assertEquals("county,file,workbook", index.get(0));
        assertEquals("C01,C01.csv,C01.xlsx", index.get(1));
        try (Workbook wb = open(dir.resolve("out/rectification/C01.xlsx"))) {
            assertEquals("整改清单", wb.getSheetAt(0).getSheetName());
            for (int i = 1; i <= wb.getSheetAt(0).getLastRowNum(); i++) {
                assertEquals("C01", wb.getSheetAt(0).getRow(i).getCell(0).getStringCellValue());
            }
        }
        // the same review, the same bytes
        ReviewFiles.write(r, dir.resolve("again"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/review.xlsx")), Files.readAllBytes(dir.resolve("again/review.xlsx")));
    }

    @Test
    void textThatLooksLikeAFormulaStaysText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.xlsx");
        Xlsx.Sheet sheet = Workbooks.sheet("t", List.of(dev.lookback.io.OutputColumn.<String>of(Field.HOUSEHOLD,
                dev.lookback.io.OutputColumn.Kind.TEXT, v -> v)),
                List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "-2+3"));
        Files.write(file, Xlsx.write(List.of(sheet), Workbooks.APPLICATION, java.time.LocalDate.of(2026, 1, 1)));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            var s = wb.getSheet("t");
            for (int i = 1; i <= 3; i++) {
                assertEquals(CellType.STRING, s.getRow(i).getCell(0).getCellType());
            }
            assertEquals("=HYPERLINK(\"http://x\",\"y\")", s.getRow(1).getCell(0).getStringCellValue());
            // the header row is frozen and filtered, the column as wide as its widest text
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A1:A4", s.getCTWorksheet().getAutoFilter().getRef());
            assertEquals((Workbooks.displayWidth("=HYPERLINK(\"http://x\",\"y\")") + 2) * 256, s.getColumnWidth(0), 256);
        }
        assertEquals(6, Workbooks.displayWidth("漏评ab"));
    }
}
