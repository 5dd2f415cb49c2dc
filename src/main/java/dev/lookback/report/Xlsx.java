package dev.lookback.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The .xlsx package (Office Open XML, ECMA-376 part 1, in a zip file) of a workbook of Lookback's: sheets of text and
 * number cells, a header look (bold, wrapped, grey, a thin line below), one number format per column, column widths,
 * and a frozen, filtered header row. It writes only what {@link Workbooks} needs, and it writes it as fastexcel 0.18.4
 * wrote it: the same XML, part for part and byte for byte, deflated at the same level, with every zip entry dated the
 * review's day ({@code XlsxTest} checks this against fastexcel on the demo's workbooks and on random sheets), so
 * Excel and WPS open them as they did. It replaced fastexcel because a general writer's code, run cold in each
 * review's fresh JVM, took 11-16% of a like-for-like city review; with this one the workbooks take 4-6% of it
 * (docs/performance.md, Session 23).
 *
 * <p>Strings are shared ({@code xl/sharedStrings.xml}, in the order they are first met), every character outside
 * printable ASCII is written as a character reference ({@code &#x8bef;}), and characters XML 1.0 cannot hold (most
 * control characters, lone surrogates, U+FFFE and U+FFFF) are left out of the workbook; the CSV files keep them.
 * Numbers are written as Java prints a {@code double}. The zip has no data descriptors and no extra fields: each
 * entry's sizes and CRC-32 are in its local header (APPNOTE 4.3.7), its time midnight, its date the review's.
 */
final class Xlsx {
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String STANDALONE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String NOT_STANDALONE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>";
    /** The key of the header's look among the cell styles; a body cell's style is keyed by its number format. */
    private static final String HEADER = "";
    /** The rows a worksheet holds (Excel's and WPS's limit; fastexcel refused a cell below it too). */
    static final int MAX_ROWS = 1_048_576;
    /** The first number format id a workbook defines itself; lower ids are Excel's own. */
    private static final int FIRST_FORMAT = 165;

    /**
     * One sheet. A table has a frozen, filtered header row ({@code header}, in the header's look), then its
     * {@code rows}, each column in its number format ({@code formats}: {@code @}, {@code 0.00%}, …). A form has no
     * header row: each row is a label, in the header's look, and its value, neither frozen nor filtered. Values are
     * {@link String}s, finite {@link Double}s, or {@code null} for an empty cell; {@code widths} are the columns' widths
     * in characters.
     */
    record Sheet(String name, boolean form, List<String> header, List<String> formats, List<Object[]> rows,
            int[] widths) {
        Sheet {
            header = List.copyOf(header);
            formats = List.copyOf(formats);
            rows = List.copyOf(rows);
            widths = widths.clone();
            if (form ? rows.isEmpty() || widths.length != 2
                    : header.isEmpty() || formats.size() != header.size() || widths.length != header.size()) {
                throw new IllegalArgumentException("sheet " + name + (form ? ": a form needs a row, and two widths"
                        : ": a table needs a header, and a format and a width for each of its columns"));
            }
            if (rows.size() + (form ? 0 : 1) > MAX_ROWS) {
                throw new IllegalArgumentException("sheet " + name + ": " + rows.size() + " rows and its header, more"
                        + " than a worksheet holds (" + MAX_ROWS + "); the CSV file beside the workbook has them all");
            }
            for (Object[] row : rows) {
                if (row.length != widths.length) {
                    throw new IllegalArgumentException("sheet " + name + ": a row of " + row.length + " values, not "
                            + widths.length);
                }
            }
        }

        /** A table: a frozen, filtered header row, then a row per value, each column in its number format. */
        static Sheet table(String name, List<String> header, List<String> formats, List<Object[]> rows, int[] widths) {
            return new Sheet(name, false, header, formats, rows, widths);
        }

        /** A form: each row a label in the header's look beside its value. */
        static Sheet form(String name, List<String[]> pairs, int[] widths) {
            return new Sheet(name, true, List.of(), List.of(), new ArrayList<Object[]>(pairs), widths);
        }
    }

    /** The shared strings, in the order they are first met, and how many string cells there are. */
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringOrder = new ArrayList<>();
    private int stringCells;
    /** The cell styles after the default, in the order they are first used: the header's look, or a body format. */
    private final Map<String, Integer> styles = new LinkedHashMap<>();

    private Xlsx() {
    }

    /**
     * The package of a workbook of {@code sheets}, made by {@code application}, every entry and the document's
     * creation dated {@code date}: the same sheets and date give the same bytes.
     */
    static byte[] write(List<Sheet> sheets, String application, LocalDate date) {
        Xlsx book = new Xlsx();
        Zip zip = new Zip(date);
        for (int i = 0; i < sheets.size(); i++) {
            zip.add("xl/worksheets/sheet" + (i + 1) + ".xml", book.sheet(sheets.get(i)), Deflater.BEST_SPEED);
        }
        zip.add("[Content_Types].xml", contentTypes(sheets.size()), Deflater.BEST_SPEED);
        zip.add("docProps/app.xml", DECLARATION + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument"
                + "/2006/extended-properties\"><Application>" + escaped(application) + "</Application></Properties>",
                Deflater.BEST_SPEED);
        // deflated at the default level, as the package's date was given before (a few hundred bytes)
        zip.add("docProps/core.xml", NOT_STANDALONE + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org"
                + "/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms="
                + "\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>"
                + escaped(application) + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date
                + "T00:00:00Z</dcterms:created></cp:coreProperties>", Deflater.DEFAULT_COMPRESSION);
        zip.add("_rels/.rels", STANDALONE + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006"
                + "/relationships\"><Relationship Id=\"rId3\" Type=\"" + REL_NS + "/extended-properties\" Target="
                + "\"docProps/app.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006"
                + "/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId1\" Type="
                + "\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", Deflater.BEST_SPEED);
        zip.add("xl/workbook.xml", workbook(sheets), Deflater.BEST_SPEED);
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.size()), Deflater.BEST_SPEED);
        zip.add("xl/sharedStrings.xml", book.sharedStrings(), Deflater.BEST_SPEED);
        zip.add("xl/styles.xml", book.styleSheet(), Deflater.BEST_SPEED);
        return zip.finish();
    }

    private String sheet(Sheet s) {
        StringBuilder x = new StringBuilder(Math.min(1 << 22, 1024 + 40 * s.rows().size() * s.widths().length));
        x.append(DECLARATION).append("<worksheet xmlns=\"").append(SHEET_NS).append("\" xmlns:r=\"").append(REL_NS)
                .append("\"><sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"false\" autoPageBreaks=\"false\"/>"
                        + "</sheetPr><dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\">");
        if (!s.form()) {
            x.append("<pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"topLeft\" activeCell=\"A1\" activeCellId=\"0\" sqref=\"A1\"/><selection"
                    + " pane=\"bottomLeft\" activeCell=\"A2\" activeCellId=\"0\" sqref=\"A2\"/>");
        }
        x.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.0\"/>");
        x.append("<cols>");
        for (int c = 0; c < s.widths().length; c++) {
            x.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                    .append((double) s.widths()[c]).append("\" outlineLevel=\"0\" customWidth=\"true\" bestFit=\"false\"/>");
        }
        x.append("</cols><sheetData>");
        String[] letters = new String[s.widths().length];
        for (int c = 0; c < letters.length; c++) {
            letters[c] = column(c);
        }
        if (s.form()) {
            int header = style(HEADER);
            for (int r = 0; r < s.rows().size(); r++) {
                Object[] pair = s.rows().get(r);
                x.append("<row r=\"").append(r + 1).append("\">");
                cell(x, letters[0], r, header, pair[0]);
                cell(x, letters[1], r, 0, pair[1]);
                x.append("</row>");
            }
        } else {
            int columns = s.header().size();
            int header = style(HEADER);
            int[] body = new int[columns];
            for (int c = 0; c < columns && !s.rows().isEmpty(); c++) {
                body[c] = style(s.formats().get(c));
            }
            x.append("<row r=\"1\">");
            for (int c = 0; c < columns; c++) {
                cell(x, letters[c], 0, header, s.header().get(c));
            }
            x.append("</row>");
            for (int r = 0; r < s.rows().size(); r++) {
                Object[] row = s.rows().get(r);
                x.append("<row r=\"").append(r + 2).append("\">");
                for (int c = 0; c < columns; c++) {
                    cell(x, letters[c], r + 1, body[c], row[c]);
                }
                x.append("</row>");
            }
        }
        x.append("</sheetData>");
        if (!s.form()) {
            x.append("<autoFilter ref=\"A1:").append(column(s.header().size() - 1)).append(s.rows().size() + 1)
                    .append("\"></autoFilter>");
        }
        return x.append("<pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\""
                + " top=\"0.75\"/><pageSetup paperSize=\"1\" scale=\"100\" fitToWidth=\"1\" fitToHeight=\"1\""
                + " firstPageNumber=\"0\" useFirstPageNumber=\"false\" blackAndWhite=\"false\" orientation=\"portrait\"/>"
                + "<headerFooter differentFirst=\"false\" differentOddEven=\"false\"><oddHeader></oddHeader><oddFooter>"
                + "</oddFooter></headerFooter></worksheet>").toString();
    }

    /** A cell in column {@code letters} and row {@code r} (from 0): a shared string, a number, or empty in its style. */
    private void cell(StringBuilder x, String letters, int r, int style, Object value) {
        if (value == null && style == 0) {
            return;
        }
        x.append("<c r=\"").append(letters).append(r + 1).append('"');
        if (style != 0) {
            x.append(" s=\"").append(style).append('"');
        }
        if (value instanceof String text) {
            Integer index = strings.get(text);
            if (index == null) {
                index = stringOrder.size();
                strings.put(text, index);
                stringOrder.add(text);
            }
            stringCells++;
            x.append(" t=\"s\"><v>").append((int) index).append("</v></c>");
        } else if (value instanceof Double number && Double.isFinite(number)) {
            x.append(" t=\"n\"><v>").append((double) number).append("</v></c>");
        } else if (value == null) {
            x.append("></c>");
        } else {
            throw new IllegalArgumentException("a cell holds a String, a finite Double or nothing, not " + value
                    + " (" + value.getClass().getSimpleName() + "): Excel repairs a workbook with NaN in a number cell");
        }
    }

    /** The index of a cell style in {@code cellXfs}: the header's look, or a body cell in a number format. */
    private int style(String key) {
        return styles.computeIfAbsent(key, k -> styles.size() + 1);
    }

    private String sharedStrings() {
        StringBuilder x = new StringBuilder(64 + 40 * stringOrder.size());
        x.append(STANDALONE).append("<sst xmlns=\"").append(SHEET_NS).append("\" count=\"").append(stringCells)
                .append("\" uniqueCount=\"").append(stringOrder.size()).append("\">");
        for (String s : stringOrder) {
            escape(x.append("<si><t xml:space=\"preserve\">"), s).append("</t></si>");
        }
        return x.append("</sst>").toString();
    }

    private String styleSheet() {
        StringBuilder x = new StringBuilder(2048);
        List<String> formats = new ArrayList<>();
        for (String key : styles.keySet()) {
            if (!key.equals(HEADER)) {
                formats.add(key);
            }
        }
        x.append(DECLARATION).append("<styleSheet xmlns=\"").append(SHEET_NS).append("\">");
        x.append("<numFmts count=\"").append(formats.size()).append("\">");
        for (int i = 0; i < formats.size(); i++) {
            escape(x.append("<numFmt numFmtId=\"").append(FIRST_FORMAT + i).append("\" formatCode=\""),
                    formats.get(i)).append("\"/>");
        }
        x.append("</numFmts>");
        // the default font, fills and border, then the header's: every sheet has the header's look
        String font = "<sz val=\"11.00\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/></font>";
        x.append("<fonts count=\"2\"><font>").append(font).append("<font><b/>").append(font).append("</fonts>"
                + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill"
                + " patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"C0C0C0\"/>"
                + "</patternFill></fill></fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/>"
                + "</border><border><left/><right/><top/><bottom style=\"thin\"></bottom><diagonal/></border>");
        x.append("</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
                + "</cellStyleXfs><cellXfs count=\"").append(styles.size() + 1)
                .append("\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        int format = FIRST_FORMAT; // the body styles' formats, numbered in the same order as above
        for (String key : styles.keySet()) {
            if (key.equals(HEADER)) {
                x.append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\""
                        + " applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"true\"/></xf>");
            } else {
                x.append("<xf numFmtId=\"").append(format++).append("\" fontId=\"0\""
                        + " fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\"/>"
                        + "</xf>");
            }
        }
        return x.append("</cellXfs><dxfs count=\"0\"></dxfs></styleSheet>").toString();
    }

    private static String contentTypes(int sheets) {
        String type = "application/vnd.openxmlformats-officedocument.";
        StringBuilder x = new StringBuilder(512 + 150 * sheets);
        x.append(STANDALONE).append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/sharedStrings.xml\""
                + " ContentType=\"").append(type).append("spreadsheetml.sharedStrings+xml\"/><Override PartName="
                + "\"/xl/styles.xml\" ContentType=\"").append(type).append("spreadsheetml.styles+xml\"/><Override"
                + " PartName=\"/xl/workbook.xml\" ContentType=\"").append(type).append("spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            x.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"").append(type)
                    .append("spreadsheetml.worksheet+xml\"/>");
        }
        return x.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
                + ".core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"").append(type)
                .append("extended-properties+xml\"/></Types>").toString();
    }

    private static String workbook(List<Sheet> sheets) {
        StringBuilder x = new StringBuilder(512 + 300 * sheets.size());
        x.append(DECLARATION).append("<workbook xmlns=\"").append(SHEET_NS).append("\" xmlns:r=\"").append(REL_NS)
                .append("\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews>"
                        + "<sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            escape(x.append("<sheet name=\""), sheets.get(i).name()).append("\" r:id=\"rId").append(i + 3)
                    .append("\" sheetId=\"").append(i + 1).append("\"/>");
        }
        x.append("</sheets>");
        x.append("<definedNames>"); // the filtered range of each table, as Excel names it
        for (int i = 0; i < sheets.size(); i++) {
            Sheet s = sheets.get(i);
            if (!s.form()) {
                escape(x.append("<definedName function=\"false\" hidden=\"true\" localSheetId=\"").append(i)
                        .append("\" name=\"_xlnm._FilterDatabase\" vbProcedure=\"false\">'"), s.name())
                        .append("'!$A$1:$").append(column(s.header().size() - 1)).append('$')
                        .append(s.rows().size() + 1).append("</definedName>");
            }
        }
        x.append("</definedNames>");
        return x.append("</workbook>").toString();
    }

    private static String workbookRelationships(int sheets) {
        String type = "\" Type=\"" + REL_NS + "/";
        StringBuilder x = new StringBuilder(256 + 160 * sheets);
        x.append(NOT_STANDALONE).append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006"
                + "/relationships\"><Relationship Id=\"rId1\" Target=\"sharedStrings.xml").append(type)
                .append("sharedStrings\"/><Relationship Id=\"rId2\" Target=\"styles.xml").append(type).append("styles\"/>");
        for (int i = 1; i <= sheets; i++) {
            x.append("<Relationship Id=\"rId").append(i + 2).append("\" Target=\"worksheets/sheet").append(i)
                    .append(".xml").append(type).append("worksheet\"/>");
        }
        return x.append("</Relationships>").toString();
    }

    /** A column's letters: 0 is A, 25 is Z, 26 is AA. */
    static String column(int c) {
        StringBuilder letters = new StringBuilder(3);
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private static String escaped(String s) {
        return escape(new StringBuilder(s.length() + 16), s).toString();
    }

    /**
     * Appends {@code s} as XML text or an attribute's value: the five markup characters as entities, every other
     * character outside printable ASCII as a character reference, and the characters XML 1.0 cannot hold left out.
     */
    static StringBuilder escape(StringBuilder x, String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp <= 0x7E) {
                switch (cp) {
                    case '<' -> x.append("&lt;");
                    case '>' -> x.append("&gt;");
                    case '&' -> x.append("&amp;");
                    case '\'' -> x.append("&apos;");
                    case '"' -> x.append("&quot;");
                    default -> x.append((char) cp);
                }
            } else if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x7F && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000) {
                x.append("&#x").append(Integer.toHexString(cp)).append(';');
            }
        }
        return x;
    }

    /** A zip file written in one pass, entries deflated, each with its sizes and CRC-32 in its local header. */
    private static final class Zip {
        private static final int LOCAL = 0x04034b50;
        private static final int CENTRAL = 0x02014b50;
        private static final int END = 0x06054b50;
        private static final int DEFLATED = 8;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        private final ByteArrayOutputStream central = new ByteArrayOutputStream(1024);
        private final int dosDate;
        private int entries;
        private byte[] buffer = new byte[1 << 16];

        Zip(LocalDate date) {
            if (date.getYear() < 1980 || date.getYear() > 2107) {
                throw new IllegalArgumentException("a zip entry's date is from 1980 to 2107, not " + date);
            }
            dosDate = (date.getYear() - 1980) << 9 | date.getMonthValue() << 5 | date.getDayOfMonth();
        }

        void add(String name, String xml, int level) {
            byte[] content = xml.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(content);
            Deflater deflater = new Deflater(level, true);
            int compressed = 0;
            try {
                deflater.setInput(content);
                deflater.finish();
                while (!deflater.finished()) {
                    if (compressed == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    compressed += deflater.deflate(buffer, compressed, buffer.length - compressed);
                }
            } finally {
                deflater.end();
            }
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            header(out, LOCAL, crc.getValue(), compressed, content.length, bytes.length);
            out.write(bytes, 0, bytes.length);
            out.write(buffer, 0, compressed);
            header(central, CENTRAL, crc.getValue(), compressed, content.length, bytes.length);
            le(central, 0, 2); // no comment
            le(central, 0, 2); // disk 0
            le(central, 0, 2); // internal attributes
            le(central, 0, 4); // external attributes
            le(central, offset, 4);
            central.write(bytes, 0, bytes.length);
            entries++;
        }

        byte[] finish() {
            int directoryAt = out.size();
            out.write(central.toByteArray(), 0, central.size());
            le(out, END, 4);
            le(out, 0, 2); // this disk
            le(out, 0, 2); // the directory's disk
            le(out, entries, 2);
            le(out, entries, 2);
            le(out, central.size(), 4);
            le(out, directoryAt, 4);
            le(out, 0, 2); // no comment
            return out.toByteArray();
        }

        /**
         * A local header (from its signature to the name's length and an extra field of none) or the same fields of
         * a central directory entry, which has the version made by before them and more after.
         */
        private void header(ByteArrayOutputStream to, int signature, long crc, int compressed, int size,
                int nameLength) {
            le(to, signature, 4);
            if (signature == CENTRAL) {
                le(to, 20, 2); // made by version 2.0, MS-DOS attributes
            }
            le(to, 20, 2); // needs version 2.0 (deflate)
            le(to, 0, 2); // no flags: sizes and CRC here, no data descriptor
            le(to, DEFLATED, 2);
            le(to, 0, 2); // midnight
            le(to, dosDate, 2);
            le(to, crc, 4);
            le(to, compressed, 4);
            le(to, size, 4);
            le(to, nameLength, 2);
            le(to, 0, 2); // no extra field
        }

        /** {@code bytes} bytes of {@code value}, least significant first (zip's byte order). */
        private static void le(ByteArrayOutputStream to, long value, int bytes) {
            for (int i = 0; i < bytes; i++) {
                to.write((int) (value >>> 8 * i) & 0xff);
            }
        }
    }
}
