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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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

    /** How a column's values are shown. */
    enum Kind {
        TEXT("@"), INTEGER("0"), DECIMAL("0.00"), PERCENT("0.00%"), PROBABILITY("0.0000"), MONEY("#,##0.00");

        /** The cells' number format. */
        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    /** A column: its field (header), how it shows and the value of a row (a Number, a String or null). */
    record Col<T>(Field field, Kind kind, Function<T, Object> value) {
    }

    /** Writes {@code review.xlsx}. */
    public static void writeReview(ReviewResult result, Path file) throws IOException {
        save(result, file, wb -> {
            if (!result.mismatches().isEmpty()) { // first: the counties this review must not be acted on for
                sheet(wb, "不可用 NOT USABLE", mismatchColumns(), result.mismatches());
            } else if (!result.usable()) {
                sheet(wb, "不可用 NOT USABLE", List.of(new Col<String>(Field.MESSAGE, Kind.TEXT, m -> m)),
                        List.of(Summary.unusable(result)));
            }
            if (!result.decisions().isEmpty()) {
                sheet(wb, "问责结论", decisionColumns(), result.decisions());
            }
            sheet(wb, "误差率", rateColumns(), result.rates());
            sheet(wb, "整改清单", itemColumns(true), rows(ReviewFiles.rectificationItems(result)));
            sheet(wb, "数据质量", findingColumns(), result.findings());
            if (!result.fundChecks().isEmpty()) {
                sheet(wb, "资金移送", referralColumns(), ReviewFiles.referrals(result.fundChecks()));
            }
            if (!result.leads().isEmpty()) {
                sheet(wb, "群众举报", leadColumns(result), result.leads());
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
            sheet(wb, "整改清单", itemColumns(true), rows(Map.of(county, items)));
            List<Decision> decisions = result.decisions().stream().filter(d -> d.county().equals(county)).toList();
            if (!decisions.isEmpty()) {
                sheet(wb, "问责结论", decisionColumns(), decisions);
            }
            sheet(wb, "误差率", rateColumns(), result.rates().stream().filter(r -> r.county().equals(county)).toList());
            about(wb, result);
        });
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

    /** The header's look: bold, wrapped, centred vertically, light grey, a thin line below. */
    private static void header(Worksheet ws, int top, int left, int bottom, int right) {
        ws.range(top, left, bottom, right).style().bold().wrapText(true).verticalAlignment("center")
                .fillColor("C0C0C0").borderStyle(BorderSide.BOTTOM, BorderStyle.THIN).set();
    }

    /** One sheet: a frozen, filtered header row of Chinese and English names, then a row per value. */
    static <T> Worksheet sheet(Workbook wb, String name, List<Col<T>> cols, List<T> rows) {
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
                Col<T> col = cols.get(c);
                Object v = col.value().apply(rows.get(r));
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                        ws.value(r + 1, c, d);
                        widths[c] = Math.max(widths[c], col.kind() == Kind.MONEY ? 14 : 10);
                    }
                } else if (v != null) {
                    String text = v.toString();
                    ws.value(r + 1, c, text); // a string cell: shown as text, never run as a formula
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            if (!rows.isEmpty()) { // every body cell of the column, an empty one included, in the column's format
                ws.range(1, c, rows.size(), c).style().format(cols.get(c).kind().format).verticalAlignment("top")
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

    /** The creation time the writer stamps on the document (the clock's): replaced by the review's date. */
    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

    /**
     * Writes a workbook with the review's date as the document's and its zip entries' (the same review, the same
     * bytes): the writer's package is copied entry by entry, the time of each entry and the created date of
     * {@code docProps/core.xml} set to the review's date, or 1980-01-01 without one.
     */
    private static void save(ReviewResult r, Path file, Sheets sheets) throws IOException {
        LocalDate date = r.asOf() != null ? r.asOf() : LocalDate.of(1980, 1, 1);
        Path written = Files.createTempFile(file.toAbsolutePath().getParent(), ".workbook", ".xlsx");
        try {
            try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(written))) {
                Workbook wb = new Workbook(os, "Lookback", null);
                sheets.write(wb);
                wb.finish();
            }
            // read by the central directory: the writer's entries carry their sizes only there
            try (ZipFile in = new ZipFile(written.toFile());
                    ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(date.atStartOfDay());
                    out.putNextEntry(copy);
                    try (var content = in.getInputStream(e)) {
                        if (e.getName().equals("docProps/core.xml")) {
                            String xml = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                            out.write(CREATED.matcher(xml).replaceFirst("$1" + date + "T00:00:00Z$2")
                                    .getBytes(StandardCharsets.UTF_8));
                        } else {
                            content.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(written);
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
