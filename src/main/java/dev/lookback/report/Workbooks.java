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
 * They are written by {@link Xlsx}, which writes these sheets as fastexcel wrote them, byte for byte, in a third to
 * a half of its time: Apache POI, which reads .xlsx inputs, took most of a city review's time to write its 17
 * workbooks, and fastexcel's code run cold in a fresh JVM still took 11-16% of it (docs/performance.md).
 */
public final class Workbooks {
    /** The application a workbook names as its maker. */
    static final String APPLICATION = "Lookback";

    private Workbooks() {
    }

    /** Writes {@code review.xlsx}. */
    public static void writeReview(ReviewResult result, Path file) throws IOException {
        writeReview(result, ReviewFiles.rectificationItems(result), file);
    }

    /** Writes {@code review.xlsx} with the rectification items already listed ({@link ReviewFiles#rectificationItems}). */
    static void writeReview(ReviewResult result, Map<String, List<String[]>> items, Path file) throws IOException {
        save(result, file, reviewSheets(result, items));
    }

    /** The sheets of {@code review.xlsx}, in order. */
    static List<Xlsx.Sheet> reviewSheets(ReviewResult result, Map<String, List<String[]>> items) {
        List<Xlsx.Sheet> wb = new ArrayList<>();
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
        return wb;
    }

    /** Writes the workbook a county receives: its rectification list, its decisions and its rates. */
    public static void writeCounty(ReviewResult result, String county, List<String[]> items, Path file)
            throws IOException {
        save(result, file, countySheets(result, county, items));
    }

    /** The sheets of a county's workbook, in order. */
    static List<Xlsx.Sheet> countySheets(ReviewResult result, String county, List<String[]> items) {
        List<Xlsx.Sheet> wb = new ArrayList<>();
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
        return wb;
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

    /** Adds a sheet to {@code book}: a frozen, filtered header row of Chinese and English names, then a row per value. */
    private static <T> void sheet(List<Xlsx.Sheet> book, String name, List<OutputColumn<T>> cols, List<T> rows) {
        book.add(sheet(name, cols, rows));
    }

    /** One sheet: a frozen, filtered header row of Chinese and English names, then a row per value. */
    static <T> Xlsx.Sheet sheet(String name, List<OutputColumn<T>> cols, List<T> rows) {
        List<String> header = new ArrayList<>(cols.size());
        List<String> formats = new ArrayList<>(cols.size());
        int[] widths = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            header.add(cols.get(c).field().header());
            formats.add(cols.get(c).kind().format());
            widths[c] = Math.max(displayWidth(cols.get(c).field().chinese()), displayWidth(cols.get(c).field().english()));
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object[] cells = new Object[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                OutputColumn<T> col = cols.get(c);
                Object v = col.shownOf(row);
                if (v instanceof Number n) {
                    cells[c] = n.doubleValue();
                    widths[c] = Math.max(widths[c], col.kind() == OutputColumn.Kind.MONEY ? 14 : 10);
                } else if (v != null) {
                    String text = v.toString();
                    cells[c] = text; // a string cell: shown as text, never run as a formula
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
            values.add(cells);
        }
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.min(80, widths[c] + 2);
        }
        return Xlsx.Sheet.table(name, header, formats, values, widths);
    }

    /** The last sheet: what the review was, so that a workbook sent on its own still says it. */
    private static void about(List<Xlsx.Sheet> book, ReviewResult r) {
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
        book.add(Xlsx.Sheet.form("说明", rows, new int[] {28, 100}));
    }

    /**
     * Writes a workbook with the review's date as the document's and its zip entries' (the same review, the same
     * bytes), or 1980-01-01 without one.
     */
    private static void save(ReviewResult r, Path file, List<Xlsx.Sheet> sheets) throws IOException {
        Files.write(file, Xlsx.write(sheets, APPLICATION, dated(r)));
    }

    /** The date a review's workbooks carry: the review's, or 1980-01-01 (zip's first day) without one. */
    static LocalDate dated(ReviewResult r) {
        return r.asOf() != null ? r.asOf() : LocalDate.of(1980, 1, 1);
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
