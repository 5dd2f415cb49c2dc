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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an .xlsx workbook: the first non-empty row is the header, and every
 * cell is taken as the text Excel shows (so codes keep their leading zeros when stored as text).
 * Line numbers are Excel's row numbers.
 */
final class XlsxSource extends TabularSource {
    private final Path path;

    XlsxSource(Path path) {
        super(path.getFileName().toString());
        this.path = path;
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
            int[] index = null;
            String[] names = null;
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> fields = new ArrayList<>();
                int last = r.getLastCellNum();
                for (int c = 0; c < last; c++) {
                    Cell cell = r.getCell(c);
                    fields.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (header == null) {
                    if (fields.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = fields;
                    index = mapHeader(header, columns);
                    names = headerNames(header, index);
                    continue;
                }
                Row row = row(r.getRowNum() + 1L, fields, columns, index, names, header.size());
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
