package dev.lookback.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Part of the reference {@link XlsxTest} checks {@link Xlsx} against: how the workbooks were dated while fastexcel wrote
 * them (until 2026-12-04, in the main code). A workbook's package (a zip file, as fastexcel made it) given the review's
 * date, so that the same review makes the same bytes: every entry is dated the review's day, and {@code docProps/core.xml}, where the writer stamps the
 * clock's time as the document's creation, says that day instead. Every other entry is copied as the writer deflated
 * it, without inflating it again; only {@code core.xml}, a few hundred bytes, is inflated, changed and deflated.
 *
 * <p>The package is read by its central directory (APPNOTE 4.3.12): the writer puts each entry's sizes and CRC-32
 * only there and in a data descriptor after the entry. The copy has them in each local header instead (no data
 * descriptors), which every zip reader takes. Packages of more than 65,535 entries or 4 GB (Zip64) are refused: a
 * workbook of this project's has a dozen entries and a few megabytes at most.
 */
final class DatedPackage {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DEFLATED = 8;
    /** The entry whose content carries a date. */
    static final String CORE = "docProps/core.xml";
    /** The creation time the writer stamps on the document (the clock's). */
    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

    private DatedPackage() {
    }

    /**
     * The package {@code zip} with every entry, and the document's creation, dated {@code date}.
     *
     * @throws IOException when {@code zip} is not a whole package: no end record, or an entry or a directory that
     *                     runs past the end
     */
    static byte[] of(byte[] zip, LocalDate date) throws IOException {
        try {
            return dated(zip, date);
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("the workbook's package is cut short: an entry or its directory runs past its "
                    + zip.length + " bytes", e);
        }
    }

    private static byte[] dated(byte[] zip, LocalDate date) throws IOException {
        int end = endRecord(zip);
        int entries = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directory = u32(zip, end + 16);
        if (entries == 0xFFFF || directory == 0xFFFFFFFFL || directory + directorySize > end) {
            throw new IOException("the workbook's package is Zip64 or damaged: its central directory is not where its"
                    + " end record says");
        }
        int dosDate = (date.getYear() - 1980) << 9 | date.getMonthValue() << 5 | date.getDayOfMonth();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 256);
        ByteArrayOutputStream central = new ByteArrayOutputStream(entries * 80);
        int p = (int) directory;
        for (int i = 0; i < entries; i++) {
            if (u32(zip, p) != CENTRAL) {
                throw new IOException("the workbook's package has no central directory entry at byte " + p);
            }
            int method = u16(zip, p + 10);
            long crc = u32(zip, p + 16);
            long compressed = u32(zip, p + 20);
            long size = u32(zip, p + 24);
            int nameLength = u16(zip, p + 28);
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            int local = (int) u32(zip, p + 42);
            if (u32(zip, local) != LOCAL) {
                throw new IOException("the workbook's package has no local header for " + name + " at byte " + local);
            }
            int data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
            byte[] content;
            int from;
            if (name.equals(CORE) && method == DEFLATED) {
                byte[] xml = CREATED.matcher(new String(inflate(zip, data, (int) compressed, (int) size),
                        StandardCharsets.UTF_8)).replaceFirst("$1" + date + "T00:00:00Z$2").getBytes(StandardCharsets.UTF_8);
                CRC32 check = new CRC32();
                check.update(xml);
                crc = check.getValue();
                size = xml.length;
                content = deflate(xml);
                from = 0;
                compressed = content.length;
            } else {
                content = zip;
                from = data;
            }
            int offset = out.size();
            header(out, LOCAL, method, dosDate, crc, compressed, size, nameLength);
            out.write(zip, p + 46, nameLength);
            out.write(content, from, (int) compressed);
            header(central, CENTRAL, method, dosDate, crc, compressed, size, nameLength);
            le(central, 0, 2); // no comment
            le(central, 0, 2); // disk 0
            le(central, 0, 2); // internal attributes
            le(central, 0, 4); // external attributes
            le(central, offset, 4);
            central.write(zip, p + 46, nameLength);
            p += 46 + nameLength + u16(zip, p + 30) + u16(zip, p + 32);
        }
        int directoryAt = out.size();
        central.writeTo(out);
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
     * A local header (from its signature to the name's length and an extra field of none) or the same fields of a
     * central directory entry, which has the version made by before them and more after.
     */
    private static void header(ByteArrayOutputStream out, int signature, int method, int dosDate, long crc,
            long compressed, long size, int nameLength) {
        le(out, signature, 4);
        if (signature == CENTRAL) {
            le(out, 20, 2); // made by version 2.0, MS-DOS attributes
        }
        le(out, 20, 2); // needs version 2.0 (deflate)
        le(out, 0, 2); // no flags: sizes and CRC here, no data descriptor
        le(out, method, 2);
        le(out, 0, 2); // midnight
        le(out, dosDate, 2);
        le(out, crc, 4);
        le(out, compressed, 4);
        le(out, size, 4);
        le(out, nameLength, 2);
        le(out, 0, 2); // no extra field
    }

    /** Where the end of central directory record starts: the last one, after which only a comment can follow. */
    private static int endRecord(byte[] zip) throws IOException {
        for (int p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xFFFF); p--) {
            if (u32(zip, p) == END && p + 22 + u16(zip, p + 20) == zip.length) {
                return p;
            }
        }
        throw new IOException("the workbook's package has no end of central directory record");
    }

    /** The entry's content, by the platform's raw inflating stream (a truncated or corrupt entry is an IOException). */
    private static byte[] inflate(byte[] zip, int from, int length, int size) throws IOException {
        Inflater inflater = new Inflater(true);
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(zip, from, length), inflater)) {
            byte[] out = in.readAllBytes();
            if (out.length != size) {
                throw new IOException("the workbook's " + CORE + " inflates to " + out.length + " bytes, not " + size);
            }
            return out;
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] content) throws IOException {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        try (DeflaterOutputStream to = new DeflaterOutputStream(out, deflater)) {
            to.write(content);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }

    /** {@code bytes} bytes of {@code value}, least significant first (zip's byte order). */
    private static void le(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> 8 * i) & 0xff);
        }
    }
}
