package dev.lookback.report;

import static dev.lookback.io.OutputColumn.Kind.FLAG;
import static dev.lookback.io.OutputColumn.Kind.INTEGER;
import static dev.lookback.io.OutputColumn.Kind.MONEY;
import static dev.lookback.io.OutputColumn.Kind.TEXT;

import dev.lookback.ReviewResult;
import dev.lookback.check.HouseholdLists;
import dev.lookback.decide.Decision;
import dev.lookback.io.OutputColumn;
import dev.lookback.vocabulary.Field;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Workbooks for people (Excel and WPS on Chinese Windows), beside the CSV files for machines:
 * {@code review.xlsx} with the decisions (问责结论) first, then the error rates (误差率), the rectification
 * list (整改清单), data quality (数据质量), fund referrals (资金移送) and what the review was (说明); and one
 * workbook per county under {@code rectification/} with what that county must act on, its decisions and its
 * rates. Headers are Chinese with English beside ({@link Field#header()}), numbers are number cells
 * (rates with a percent format, p-values to four places, counts as integers; an undefined number is an
 * empty cell), terms are written in Chinese, the header row is frozen and filtered, and columns are as wide
 * as their content (Chinese characters counted twice). Every text is a text cell, never a formula. The
 * files are the same bytes for the same review (their dates are the review's date, or 1980-01-01 without one, never the clock).
 * They are written by a streaming writer (fastexcel): Apache POI, which reads .xlsx inputs, took most of a city
 * review's time to write its 17 workbooks.
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** Writes {@code review.xlsx}. */
    public static void writeReview(ReviewResult result, Path file) throws IOException {
        writeReview(result, ReviewFiles.rectificationItems(result), file);
    }

    /** Writes {@code review.xlsx} with the rectification items already listed ({@link ReviewFiles#rectificationItems}). */
    static void writeReview(ReviewResult result, Map<String, List<String[]>> items, Path file) throws IOException {
        save(result, file, wb -> {
            if (!result.mismatches().isEmpty()) { // first: the counties this review must not be acted on for
                sheet(wb, "不可用 NOT USABLE", mismatchColumns(), result.mismatches());
            } else if (!result.usable()) {
                sheet(wb, "不可用 NOT USABLE", List.of(OutputColumn.<String>of(Field.MESSAGE, TEXT, m -> m)),
                        List.of(Summary.unusable(result)));
            }
            if (!result.decisions().isEmpty()) {
                sheet(wb, "问责结论", OutputFiles.DECISIONS.forPeople(), byStake(result.decisions()));
            }
            if (!result.decisions().isEmpty()) { // then what the leading group must do next
                sheet(wb, "下一步", List.of(OutputColumn.<String[]>of(Field.NEXT_STEP, TEXT, st -> st[0]),
                        OutputColumn.<String[]>of(Field.NEXT_STEP_EN, TEXT, st -> st[1])), NextSteps.of(result).lines());
            }
            sheet(wb, "误差率", OutputFiles.ESTIMATES.forPeople(), OutputFiles.EstimateRow.deciding(result.rates()));
            sheet(wb, "整改清单", OutputFiles.RECTIFICATION.forPeople(), rows(items));
            sheet(wb, "数据质量", HouseholdLists.DATA_QUALITY.forPeople(), result.findings());
            if (!result.fundChecks().isEmpty()) {
                sheet(wb, "资金移送", OutputFiles.FUND_REFERRALS.forPeople(), ReviewFiles.referrals(result.fundChecks()));
            }
            if (!result.leads().isEmpty()) {
                sheet(wb, "群众举报", OutputFiles.LEADS.forPeople(), OutputFiles.LeadRow.of(result));
            }
            about(wb, result);
        });
    }

    /** Writes the workbook a county receives: its rectification list, its decisions and its rates. */
    public static void writeCounty(ReviewResult result, String county, List<String[]> items, Path file)
            throws IOException {
        save(result, file, wb -> {
            List<dev.lookback.check.Mismatch> mismatched = result.mismatches().stream()
                    .filter(m -> m.county().equals(county)).toList();
            if (!mismatched.isEmpty()) {
                sheet(wb, "不可用 NOT USABLE", mismatchColumns(), mismatched);
            }
            sheet(wb, "整改清单", OutputFiles.RECTIFICATION.forPeople(), OutputFiles.RectificationItem.of(county, items));
            List<Decision> decisions = result.decisions().stream().filter(d -> d.county().equals(county)).toList();
            if (!decisions.isEmpty()) {
                sheet(wb, "问责结论", OutputFiles.DECISIONS.forPeople(), byStake(decisions));
            }
            sheet(wb, "误差率", OutputFiles.ESTIMATES.forPeople(), OutputFiles.EstimateRow.deciding(
                    result.rates().stream().filter(r -> r.county().equals(county)).toList()));
            about(wb, result);
        });
    }

    /**
     * Decisions as people read them: who is reached first, then those above the line but not proven, then those
     * without data, then the rest, each group in the decisions' order.
     */
    static List<Decision> byStake(List<Decision> decisions) {
        List<Decision> sorted = new ArrayList<>(decisions);
        sorted.sort(java.util.Comparator.comparingInt(d -> d.triggered() ? 0
                : NextSteps.aboveNotProven(d) ? 1
                        : d.sureness() == dev.lookback.vocabulary.Sureness.NO_DATA ? 2 : 3));
        return sorted;
    }

    private static List<OutputFiles.RectificationItem> rows(Map<String, List<String[]>> byCounty) {
        List<OutputFiles.RectificationItem> rows = new ArrayList<>();
        byCounty.forEach((county, items) -> rows.addAll(OutputFiles.RectificationItem.of(county, items)));
        return rows;
    }

    /** The villages whose spot check and register do not match: their counties have no data. */
    static List<OutputColumn<dev.lookback.check.Mismatch>> mismatchColumns() {
        return List.of(
                OutputColumn.of(Field.COUNTY, TEXT, dev.lookback.check.Mismatch::county),
                OutputColumn.of(Field.VILLAGE, TEXT, dev.lookback.check.Mismatch::village),
                OutputColumn.of(Field.SPOT_HOUSEHOLDS, INTEGER, m -> m.match().spotHouseholds()),
                OutputColumn.of(Field.SPOT_IN_REGISTER, INTEGER, m -> m.match().spotInRegister()),
                OutputColumn.of(Field.REGISTER_HOUSEHOLDS, INTEGER, m -> m.match().registerHouseholds()),
                OutputColumn.of(Field.REGISTER_IN_SPOT, INTEGER, m -> m.match().registerInSpot()),
                OutputColumn.of(Field.CAUSE, TEXT, m -> m.cause().chinese() + " " + m.cause().english()),
                OutputColumn.of(Field.FIX, TEXT, m -> m.cause().chineseDetail()),
                OutputColumn.of(Field.MESSAGE, TEXT, dev.lookback.check.Mismatch::explanation));
    }

    /** The header's look: bold, wrapped, centred vertically, light grey, a thin line below. */
    private static void header(Worksheet ws, int top, int left, int bottom, int right) {
        ws.range(top, left, bottom, right).style().bold().wrapText(true).verticalAlignment("center")
                .fillColor("C0C0C0").borderStyle(BorderSide.BOTTOM, BorderStyle.THIN).set();
    }

    /** One sheet: a frozen, filtered header row of Chinese and English names, then a row per value. */
    static <T> Worksheet sheet(Workbook wb, String name, List<OutputColumn<T>> cols, List<T> rows) {
        Worksheet ws = wb.newWorksheet(name);
        int[] widths = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            ws.value(0, c, cols.get(c).field().header());
            widths[c] = Math.max(displayWidth(cols.get(c).field().chinese()), displayWidth(cols.get(c).field().english()));
        }
        if (!cols.isEmpty()) {
            header(ws, 0, 0, 0, cols.size() - 1);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                OutputColumn<T> col = cols.get(c);
                Object v = col.shownOf(rows.get(r));
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n.doubleValue());
                    widths[c] = Math.max(widths[c], col.kind() == OutputColumn.Kind.MONEY ? 14 : 10);
                } else if (v != null) {
                    String text = v.toString();
                    ws.value(r + 1, c, text); // a string cell: shown as text, never run as a formula
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            if (!rows.isEmpty()) { // every body cell of the column, an empty one included, in the column's format
                ws.range(1, c, rows.size(), c).style().format(cols.get(c).kind().format()).verticalAlignment("top")
                        .wrapText(false).set();
            }
            ws.width(c, Math.min(80, widths[c] + 2));
        }
        ws.freezePane(0, 1);
        if (!cols.isEmpty()) {
            ws.setAutoFilter(0, 0, Math.max(0, rows.size()), cols.size() - 1);
        }
        return ws;
    }

    /** The last sheet: what the review was, so that a workbook sent on its own still says it. */
    private static void about(Workbook wb, ReviewResult r) {
        var s = r.settings();
        List<String[]> rows = List.of(
                new String[] {"单位 unit", s.unit().chinese() + " " + s.unit().label()},
                new String[] {"置信水平 level", Double.toString(s.level())},
                new String[] {"区间方法 interval method", s.methods().get(0).label()},
                new String[] {"判断规则 policy", r.decisions().isEmpty() ? "" : r.decisions().get(0).policy().chinese()
                        + " " + r.decisions().get(0).policy().label()},
                new String[] {"评估日期 as of", r.asOf() == null ? "" : r.asOf().toString()},
                new String[] {"样本村 sampled villages", Integer.toString(r.crossCheck().tallies().size())},
                new String[] {"说明 note", "数字为数值格式，比率为百分比；空白表示无法计算。CSV 文件供程序读取。"
                        + " Numbers are numbers, rates percentages; a blank cell is undefined. The CSV files are for machines."});
        Worksheet ws = wb.newWorksheet("说明");
        for (int i = 0; i < rows.size(); i++) {
            ws.value(i, 0, rows.get(i)[0]);
            ws.value(i, 1, rows.get(i)[1]);
        }
        header(ws, 0, 0, rows.size() - 1, 0);
        ws.width(0, 28);
        ws.width(1, 100);
    }

    /** What a workbook holds: its sheets, written into the workbook given. */
    private interface Sheets {
        void write(Workbook wb) throws IOException;
    }

    /**
     * Writes a workbook with the review's date as the document's and its zip entries' (the same review, the same
     * bytes), or 1980-01-01 without one: the writer's package is made in memory and given the date by
     * {@link DatedPackage}, which copies its entries as they were deflated.
     */
    private static void save(ReviewResult r, Path file, Sheets sheets) throws IOException {
        LocalDate date = r.asOf() != null ? r.asOf() : LocalDate.of(1980, 1, 1);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream(1 << 16);
        Workbook wb = new Workbook(written, "Lookback", null);
        // the fastest level: the workbooks are a few tens of kB (5-13% larger than at the default level), and
        // deflating the city's 1.3 MB of sheets at the default level took 40 ms more of the two threads' time
        wb.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        sheets.write(wb);
        wb.finish();
        Files.write(file, DatedPackage.of(written.toByteArray(), date));
    }

    /** Columns a text takes on screen: a Chinese (wide) character counts two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** East Asian wide and full-width characters (CJK, Hangul, full-width forms and punctuation). */
    static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
                || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD);
    }

}
