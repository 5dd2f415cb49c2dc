package dev.lookback.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an .xlsx workbook as offices export them. The header is the first non-empty
 * row; a title row above it (one filled cell, often merged across the sheet) is recognised and passed
 * over. Cells are read as their values, not as Excel happens to show them: a text cell as its text (codes
 * keep their leading zeros), a number as its digits in full ({@code 430121000001}, never {@code 4.30121E+11},
 * and {@code 0.2222222} whatever the cell's number format), a date as {@code yyyy-MM-dd}, a formula as its
 * last computed value, a boolean as {@code TRUE}/{@code FALSE}, an error as Excel shows it ({@code #N/A}). Line numbers are Excel's row numbers.
 */
final class XlsxSource extends TabularSource {
    private final Path path;

    XlsxSource(Path path) {
        super(path.getFileName().toString());
        this.path = path;
    }

    @Override
    public java.util.Optional<Path> path() {
        return java.util.Optional.of(path);
    }

    @Override
    public String encodingLabel() {
        return "xlsx";
    }

    /** Whether one of the row's cells names one of the columns (a header, not a title). */
    private static boolean names(List<String> fields, List<Column> columns) {
        return fields.stream().anyMatch(f -> columns.stream().anyMatch(c -> c.matches(f)));
    }

    /** A cell's value as text: see the class documentation. */
    static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    java.time.LocalDateTime t = cell.getLocalDateTimeCellValue();
                    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
                }
                double v = cell.getNumericCellValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    return Double.toString(v);
                }
                return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            case STRING:
                return cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue() : formatter.formatCellValue(cell);
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR: // #N/A, #DIV/0!: kept, so that the column's reader says what is wrong and where
                return org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getCellType() == CellType.FORMULA
                        ? cell.getErrorCellValue() : cell.getErrorCellValue()).getString();
            default:
                return formatter.formatCellValue(cell);
        }
    }

    @Override
    public long read(List<Column> columns, KeyFilter filter, Consumer<Row> consumer) {
        long records = 0;
        filter.begin(java.nio.charset.StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(path); Workbook book = WorkbookFactory.create(in)) {
            if (book.getNumberOfSheets() == 0) {
                throw new InputException(name(), 0, null, "the workbook has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<String> header = null;
            Header mapped = null;
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> fields = new ArrayList<>();
                int last = r.getLastCellNum();
                for (int c = 0; c < last; c++) {
                    Cell cell = r.getCell(c);
                    fields.add(cell == null ? "" : text(cell, formatter));
                }
                if (header == null) {
                    if (fields.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (fields.stream().filter(f -> !f.isBlank()).count() == 1 && !names(fields, columns)) {
                        continue; // a title row (回头看台账 2026), not the header
                    }
                    header = fields;
                    mapped = Header.of(name(), header, columns);
                    continue;
                }
                Row row = mapped.row(r.getRowNum() + 1L, fields);
                records += deliver(row, filter, consumer);
            }
            if (header == null) {
                throw new InputException(name(), 0, null, "the first sheet is empty; expected a header row with "
                        + describeRequired(columns));
            }
            return records;
        } catch (NoSuchFileException e) {
            throw new InputException(name(), 0, null, "no such file (" + e.getFile() + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException) {
                throw (InputException) e;
            }
            throw new InputException(name(), 0, null, "is not a readable .xlsx workbook: " + e.getMessage());
        }
    }
}
