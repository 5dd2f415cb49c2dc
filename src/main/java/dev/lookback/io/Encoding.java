package dev.lookback.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding a CSV file was read in, as the manifest records it: named by the user ({@code --encoding}), or
 * detected from the file's first bytes as offices send them — UTF-8 with or without a byte order mark, or
 * GBK/GB18030 (Excel's "CSV" on Chinese Windows).
 *
 * <p>Detection, on the first {@value #HEAD_BYTES} bytes cut back to a whole line: a UTF-8 byte order mark gives
 * UTF-8; bytes that are valid UTF-8 and not GB18030 give UTF-8, and the reverse GB18030 (a superset of GBK, read
 * by the same decoder); bytes valid in both give UTF-8 when the UTF-8 reading holds a Chinese character (a
 * GBK text is almost never valid UTF-8 that decodes to Chinese), and are refused as ambiguous when it holds only
 * other non-ASCII letters (é, ß) — a short GBK text can be valid UTF-8 that way. Bytes valid in neither are
 * refused; a UTF-16 byte order mark is refused. Plain ASCII is read as UTF-8; should a later part of the file
 * not be UTF-8, the reader says so with the fix.
 *
 * @param charset  the charset the file is decoded with
 * @param label    how the manifest names it: {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030}, or the name given
 * @param detected whether it was detected (else named by the user)
 */
public record Encoding(Charset charset, String label, boolean detected) {

    /** The bytes detection reads at most. */
    public static final int HEAD_BYTES = 1 << 20;

    /** The charset of GBK files: GB18030 decodes every GBK byte sequence the same and more. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** What a message says to do about bytes of the wrong encoding, in Chinese. */
    public static final String FIX = "另存为 UTF-8 或指定 --encoding GBK";

    /** An encoding the user named. */
    public static Encoding named(Charset charset) {
        return new Encoding(charset, charset.name(), false);
    }

    /**
     * The encoding of a file from its first bytes.
     *
     * @param file   the file's name, for a refusal
     * @param head   the first bytes of the file
     * @param length how many of {@code head} are filled
     * @param whole  whether those are all of the file (else the last, possibly partial, line is not read)
     * @throws InputException when the bytes are not text Lookback can read, or could be either encoding
     */
    public static Encoding detect(String file, byte[] head, int length, boolean whole) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, "UTF-8 (BOM)", true);
        }
        if (length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            throw new InputException(file, 0, null, "the file is UTF-16 (\"Unicode text\"), which is not read; save it"
                    + " as CSV in UTF-8", true, FIX);
        }
        int n = length;
        if (!whole) { // a multi-byte character may be cut at the end: read whole lines only
            while (n > 0 && head[n - 1] != '\n') {
                n--;
            }
        }
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = head[i] >= 0;
        }
        if (ascii) {
            return new Encoding(StandardCharsets.UTF_8, "UTF-8", true);
        }
        String utf8 = decode(head, n, StandardCharsets.UTF_8);
        if (utf8 != null && hasChinese(utf8)) { // the usual file: no need to read it as GB18030 too (1 MB of it)
            return new Encoding(StandardCharsets.UTF_8, "UTF-8", true);
        }
        String gb = decode(head, n, GB18030);
        if (utf8 != null && gb == null) {
            return new Encoding(StandardCharsets.UTF_8, "UTF-8", true);
        }
        if (utf8 == null && gb != null) {
            return new Encoding(GB18030, "GB18030", true);
        }
        if (utf8 == null) {
            throw new InputException(file, firstBadLine(head, n), null, "the bytes are neither UTF-8 nor GBK; save the"
                    + " file as CSV in UTF-8, or name its encoding with --encoding", true, FIX);
        }
        throw new InputException(file, 0, null, "the encoding cannot be told: the bytes are valid UTF-8 (reading \""
                + sample(utf8) + "\") and valid GBK (reading \"" + sample(gb) + "\"); name it with --encoding UTF-8 or"
                + " --encoding GBK", true, "请用 --encoding UTF-8 或 --encoding GBK 指明文件编码");
    }

    /** The text, or null when the bytes are not valid in the charset. */
    private static String decode(byte[] bytes, int length, Charset charset) {
        try {
            CharBuffer c = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return c.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether the text holds a CJK ideograph, CJK punctuation or a full-width form. */
    static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(cp -> cp >= 0x3000 && cp <= 0x303F || cp >= 0x3400 && cp <= 0x4DBF
                || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /** The first few non-ASCII characters of a text, for a message. */
    private static String sample(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().filter(cp -> cp >= 0x80).limit(6).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * The first line whose bytes are valid neither as UTF-8 nor as GB18030, else the first that is not UTF-8 (a
     * newline never lies inside a character in either encoding, so each line is decoded alone).
     */
    private static long firstBadLine(byte[] head, int n) {
        long line = 1;
        long firstNotUtf8 = 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || head[i] == '\n') {
                byte[] bytes = java.util.Arrays.copyOfRange(head, start, i);
                boolean utf8 = decode(bytes, bytes.length, StandardCharsets.UTF_8) != null;
                if (!utf8 && decode(bytes, bytes.length, GB18030) == null) {
                    return line;
                }
                if (!utf8 && firstNotUtf8 == 0) {
                    firstNotUtf8 = line;
                }
                line++;
                start = i + 1;
            }
        }
        return Math.max(1, firstNotUtf8);
    }

    @Override
    public String toString() {
        return label + (detected ? " (detected)" : "");
    }
}
