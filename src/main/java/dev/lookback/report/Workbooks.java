package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.chart.Lang;
import dev.lookback.check.Finding;
import dev.lookback.decide.Decision;
import dev.lookback.funds.FundChecks;
import dev.lookback.rates.ErrorRate;
import dev.lookback.vocabulary.Field;
import dev.lookback.vocabulary.Item;
import dev.lookback.vocabulary.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** How a column's values are shown. */
    enum Kind {
        TEXT, INTEGER, DECIMAL, PERCENT, PROBABILITY, MONEY
    }

    /** A column: its field (header), how it shows and the value of a row (a Number, a String or null). */
    record Col<T>(Field field, Kind kind, Function<T, Object> value) {
    }

    /** Writes {@code review.xlsx}. */
    public static void writeReview(ReviewResult result, Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            if (!result.mismatches().isEmpty()) { // first: the counties this review must not be acted on for
                sheet(wb, st, "不可用 NOT USABLE", mismatchColumns(), result.mismatches());
            } else if (!result.usable()) {
                sheet(wb, st, "不可用 NOT USABLE", List.of(new Col<String>(Field.MESSAGE, Kind.TEXT, m -> m)),
                        List.of(Summary.unusable(result)));
            }
            if (!result.decisions().isEmpty()) {
                sheet(wb, st, "问责结论", decisionColumns(), result.decisions());
            }
            sheet(wb, st, "误差率", rateColumns(), result.rates());
            sheet(wb, st, "整改清单", itemColumns(true), rows(ReviewFiles.rectificationItems(result)));
            sheet(wb, st, "数据质量", findingColumns(), result.findings());
            if (!result.fundChecks().isEmpty()) {
                sheet(wb, st, "资金移送", referralColumns(), ReviewFiles.referrals(result.fundChecks()));
            }
            if (!result.leads().isEmpty()) {
                sheet(wb, st, "群众举报", leadColumns(result), result.leads());
            }
            about(wb, st, result);
            save(wb, result, file);
        }
    }

    /** Writes the workbook a county receives: its rectification list, its decisions and its rates. */
    public static void writeCounty(ReviewResult result, String county, List<String[]> items, Path file)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            List<dev.lookback.check.Mismatch> mismatched = result.mismatches().stream()
                    .filter(m -> m.county().equals(county)).toList();
            if (!mismatched.isEmpty()) {
                sheet(wb, st, "不可用 NOT USABLE", mismatchColumns(), mismatched);
            }
            sheet(wb, st, "整改清单", itemColumns(true), rows(Map.of(county, items)));
            List<Decision> decisions = result.decisions().stream().filter(d -> d.county().equals(county)).toList();
            if (!decisions.isEmpty()) {
                sheet(wb, st, "问责结论", decisionColumns(), decisions);
            }
            sheet(wb, st, "误差率", rateColumns(), result.rates().stream().filter(r -> r.county().equals(county)).toList());
            about(wb, st, result);
            save(wb, result, file);
        }
    }

    private static List<String[]> rows(Map<String, List<String[]>> byCounty) {
        List<String[]> rows = new ArrayList<>();
        byCounty.forEach((county, items) -> {
            for (String[] item : items) {
                String[] row = new String[item.length + 1];
                row[0] = county;
                System.arraycopy(item, 0, row, 1, item.length);
                rows.add(row);
            }
        });
        return rows;
    }

    static List<Col<Decision>> decisionColumns() {
        return List.of(
                new Col<>(Field.COUNTY, Kind.TEXT, Decision::county),
                new Col<>(Field.RULE, Kind.TEXT, d -> d.rule().chinese()),
                new Col<>(Field.MEASURE, Kind.TEXT, d -> d.indicator().chinese()),
                new Col<>(Field.OUTCOME, Kind.TEXT, d -> d.outcome().chinese()),
                new Col<>(Field.ESTIMATE, Kind.PERCENT, Decision::estimate),
                new Col<>(Field.CI_LOWER, Kind.PERCENT, Decision::lower),
                new Col<>(Field.CI_UPPER, Kind.PERCENT, Decision::upper),
                new Col<>(Field.THRESHOLD, Kind.PERCENT, Decision::threshold),
                new Col<>(Field.POLICY, Kind.TEXT, d -> d.policy().chinese()),
                new Col<>(Field.FRAGILE, Kind.TEXT, d -> d.fragile() ? "是" : "否"),
                new Col<>(Field.ABOVE_LINE_NOT_PROVEN, Kind.TEXT, d -> d.aboveLineNotProven() ? "是" : "否"),
                new Col<>(Field.P_VALUE, Kind.PROBABILITY, d -> d.risk().pValue()),
                new Col<>(Field.P_ADJUSTED, Kind.PROBABILITY, d -> d.risk().pAdjusted()),
                new Col<>(Field.TRIGGER_CHANCE_AT_THRESHOLD, Kind.PERCENT, d -> d.risk().triggerChanceAtThreshold()),
                new Col<>(Field.VILLAGES_TO_SETTLE, Kind.INTEGER, d -> d.extraVillages() < 0 ? null : d.extraVillages()),
                new Col<>(Field.ROLES, Kind.TEXT, d -> String.join("、", d.roles().stream().map(Role::chinese).toList())),
                new Col<>(Field.NAMES, Kind.TEXT, d -> String.join("、", d.names())),
                new Col<>(Field.EVIDENCE, Kind.TEXT, d -> DecisionText.sentence(d, Lang.ZH)));
    }

    static List<Col<ErrorRate>> rateColumns() {
        return List.of(
                new Col<>(Field.COUNTY, Kind.TEXT, r -> r.county().equals("ALL") ? "全市 ALL" : r.county()),
                new Col<>(Field.MEASURE, Kind.TEXT, r -> r.measure().chinese()),
                new Col<>(Field.UNIT, Kind.TEXT, r -> r.unit().chinese()),
                new Col<>(Field.VILLAGES_SAMPLED, Kind.INTEGER, ErrorRate::villagesSampled),
                new Col<>(Field.VILLAGES_IN_FRAME, Kind.INTEGER, ErrorRate::villagesInFrame),
                new Col<>(Field.UNITS, Kind.INTEGER, r -> r.estimate().units()),
                new Col<>(Field.ERRORS, Kind.INTEGER, r -> r.estimate().errors()),
                new Col<>(Field.ESTIMATE, Kind.PERCENT, ErrorRate::rate),
                new Col<>(Field.STD_ERROR, Kind.PERCENT, r -> r.estimate().standardError()),
                new Col<>(Field.CI_LOWER, Kind.PERCENT, r -> r.interval().lower()),
                new Col<>(Field.CI_UPPER, Kind.PERCENT, r -> r.interval().upper()),
                new Col<>(Field.CI_METHOD, Kind.TEXT, r -> r.interval().method().label()),
                new Col<>(Field.LEVEL, Kind.PERCENT, r -> r.interval().level()),
                new Col<>(Field.NOTE, Kind.TEXT, r -> r.interval().note()));
    }

    /** county, item (Chinese), id, village, problem_zh, problem, amount: a rectification row with its county first. */
    static List<Col<String[]>> itemColumns(boolean withCounty) {
        List<Col<String[]>> cols = new ArrayList<>();
        if (withCounty) {
            cols.add(new Col<>(Field.COUNTY, Kind.TEXT, r -> r[0]));
        }
        cols.add(new Col<>(Field.ITEM, Kind.TEXT, r -> Item.valueOf(r[1].toUpperCase(Locale.ROOT)).chinese()));
        cols.add(new Col<>(Field.ID, Kind.TEXT, r -> r[2]));
        cols.add(new Col<>(Field.VILLAGE, Kind.TEXT, r -> r[3]));
        cols.add(new Col<>(Field.PROBLEM_ZH, Kind.TEXT, r -> r[4]));
        cols.add(new Col<>(Field.PROBLEM, Kind.TEXT, r -> r[5]));
        cols.add(new Col<>(Field.AUDITED_MISUSED, Kind.MONEY, r -> r[6].isEmpty() ? null : Double.parseDouble(r[6])));
        return cols;
    }

    /** The villages whose spot check and register do not match: their counties have no data. */
    static List<Col<dev.lookback.check.Mismatch>> mismatchColumns() {
        return List.of(
                new Col<>(Field.COUNTY, Kind.TEXT, dev.lookback.check.Mismatch::county),
                new Col<>(Field.VILLAGE, Kind.TEXT, dev.lookback.check.Mismatch::village),
                new Col<>(Field.SPOT_HOUSEHOLDS, Kind.INTEGER, m -> m.match().spotHouseholds()),
                new Col<>(Field.SPOT_IN_REGISTER, Kind.INTEGER, m -> m.match().spotInRegister()),
                new Col<>(Field.REGISTER_HOUSEHOLDS, Kind.INTEGER, m -> m.match().registerHouseholds()),
                new Col<>(Field.REGISTER_IN_SPOT, Kind.INTEGER, m -> m.match().registerInSpot()),
                new Col<>(Field.CAUSE, Kind.TEXT, m -> m.cause().chinese() + " " + m.cause().english()),
                new Col<>(Field.FIX, Kind.TEXT, m -> m.cause().chineseDetail()),
                new Col<>(Field.MESSAGE, Kind.TEXT, dev.lookback.check.Mismatch::explanation));
    }

    static List<Col<Finding>> findingColumns() {
        return List.of(
                new Col<>(Field.FILE, Kind.TEXT, Finding::file),
                new Col<>(Field.LINE, Kind.INTEGER, f -> f.line() == 0 ? null : f.line()),
                new Col<>(Field.COLUMN, Kind.TEXT, Finding::column),
                new Col<>(Field.HOUSEHOLD, Kind.TEXT, Finding::household),
                new Col<>(Field.COUNTY, Kind.TEXT, Finding::county),
                new Col<>(Field.VILLAGE, Kind.TEXT, Finding::village),
                new Col<>(Field.TYPE_ZH, Kind.TEXT, f -> f.type().chinese()),
                new Col<>(Field.LEFT_OUT, Kind.TEXT, f -> f.leftOut() ? "是" : "否"),
                new Col<>(Field.MESSAGE, Kind.TEXT, Finding::message));
    }

    static List<Col<FundChecks.Check>> referralColumns() {
        return List.of(
                new Col<>(Field.COUNTY, Kind.TEXT, c -> c.project().county()),
                new Col<>(Field.PROJECT, Kind.TEXT, c -> c.project().project()),
                new Col<>(Field.AMOUNT, Kind.MONEY, c -> c.project().amount()),
                new Col<>(Field.AUDITED_MISUSED, Kind.MONEY, c -> c.project().auditedMisused()),
                new Col<>(Field.LINE, Kind.INTEGER, c -> c.project().line()));
    }

    static List<Col<dev.lookback.leads.Leads.Lead>> leadColumns(ReviewResult r) {
        java.util.Map<String, dev.lookback.check.Discrepancy> byHousehold = new java.util.HashMap<>();
        r.discrepancies().forEach(d -> byHousehold.put(d.household(), d));
        int days = r.settings().reportDays();
        return List.of(
                new Col<>(Field.REPORT, Kind.TEXT, dev.lookback.leads.Leads.Lead::report),
                new Col<>(Field.RECEIVED, Kind.TEXT, l -> l.received().toString()),
                new Col<>(Field.CHANNEL, Kind.TEXT, l -> l.channel().chinese()),
                new Col<>(Field.COUNTY, Kind.TEXT, dev.lookback.leads.Leads.Lead::county),
                new Col<>(Field.VILLAGE, Kind.TEXT, dev.lookback.leads.Leads.Lead::village),
                new Col<>(Field.SUBJECT, Kind.TEXT, l -> l.subject().chinese()),
                new Col<>(Field.SUBJECT_ID, Kind.TEXT, dev.lookback.leads.Leads.Lead::subjectId),
                new Col<>(Field.ALLEGATION, Kind.TEXT, l -> l.allegation().chinese()),
                new Col<>(Field.LEAD_STATUS, Kind.TEXT, l -> l.status().chinese()),
                new Col<>(Field.VERIFIED_ON, Kind.TEXT, l -> l.verifiedOn() == null ? null : l.verifiedOn().toString()),
                new Col<>(Field.OVERDUE, Kind.TEXT, l -> l.overdue(r.asOf(), days) ? "是" : "否"),
                new Col<>(Field.SPOT_CHECK_VERDICT, Kind.TEXT, l -> dev.lookback.leads.Leads.spotCheckVerdict(l,
                        byHousehold, r.crossCheck().sample()).map(dev.lookback.vocabulary.Kind::chinese).orElse(null)));
    }

    /** The cell styles of one workbook. */
    static final class Styles {
        final CellStyle header;
        final Map<Kind, CellStyle> body = new EnumMap<>(Kind.class);

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            var format = wb.createDataFormat();
            String[][] formats = {{"TEXT", "@"}, {"INTEGER", "0"}, {"DECIMAL", "0.00"}, {"PERCENT", "0.00%"},
                {"PROBABILITY", "0.0000"}, {"MONEY", "#,##0.00"}};
            for (String[] f : formats) {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(format.getFormat(f[1]));
                s.setVerticalAlignment(VerticalAlignment.TOP);
                if (f[0].equals("TEXT")) {
                    s.setWrapText(false);
                }
                body.put(Kind.valueOf(f[0]), s);
            }
        }
    }

    /** One sheet: a frozen, filtered header row of Chinese and English names, then a row per value. */
    static <T> Sheet sheet(XSSFWorkbook wb, Styles st, String name, List<Col<T>> cols, List<T> rows) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        int[] widths = new int[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(cols.get(c).field().header());
            cell.setCellStyle(st.header);
            widths[c] = Math.max(displayWidth(cols.get(c).field().chinese()), displayWidth(cols.get(c).field().english()));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < cols.size(); c++) {
                Col<T> col = cols.get(c);
                Object v = col.value().apply(rows.get(r));
                Cell cell = row.createCell(c);
                cell.setCellStyle(st.body.get(col.kind()));
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                        cell.setCellValue(d);
                        widths[c] = Math.max(widths[c], col.kind() == Kind.MONEY ? 14 : 10);
                    }
                } else if (v != null) {
                    String text = v.toString();
                    cell.setCellValue(text); // a string cell: shown as text, never run as a formula
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            sheet.setColumnWidth(c, Math.min(80, widths[c] + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!cols.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, cols.size() - 1));
        }
        return sheet;
    }

    /** The last sheet: what the review was, so that a workbook sent on its own still says it. */
    private static void about(XSSFWorkbook wb, Styles st, ReviewResult r) {
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
        Sheet sheet = wb.createSheet("说明");
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            Cell k = row.createCell(0);
            k.setCellValue(rows.get(i)[0]);
            k.setCellStyle(st.header);
            row.createCell(1).setCellValue(rows.get(i)[1]);
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    /** Saves with the review's date as the document's (the same review, the same bytes). */
    private static void save(XSSFWorkbook wb, ReviewResult r, Path file) throws IOException {
        java.time.LocalDate date = r.asOf() != null ? r.asOf() : java.time.LocalDate.of(1980, 1, 1);
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.clear();
        c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        var props = wb.getProperties().getCoreProperties();
        props.setCreated(Optional.of(c.getTime()));
        props.setModified(Optional.of(c.getTime()));
        props.setCreator("Lookback");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        wb.write(bytes);
        // the package's zip entries carry the clock's time: rewritten with the review's date
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(date.atStartOfDay());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
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
