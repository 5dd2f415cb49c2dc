package dev.lookback.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 parser over bytes, for encodings in which the bytes of {@code , " CR LF}
 * never occur inside a multi-byte character (UTF-8, GBK, GB18030, Big5, single-byte sets). Fields are
 * kept as byte ranges of the current record and decoded only when asked for: ASCII fields at once,
 * others through a strict decoder, so a byte that is not valid in the encoding is reported with
 * its line. It tracks the physical line on which each record starts.
 */
final class ByteCsvParser {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean first = true;
    /** Bytes of the input before the buffer's start. */
    private long consumedBefore;

    /** The current record: its bytes, and per field start, end and whether it held a doubled quote. */
    private byte[] record = new byte[1024];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;

    ByteCsvParser(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether the parser can read an encoding (its delimiters are single ASCII bytes). */
    static boolean supports(Charset charset) {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || !charset.canEncode()) {
            return false;
        }
        return Arrays.equals("\",\r\n".getBytes(charset), new byte[] {'"', ',', '\r', '\n'});
    }

    /** The offset in the input of the next byte to parse. */
    long offset() {
        return consumedBefore + position;
    }

    long recordLine() {
        return recordLine;
    }

    int fieldCount() {
        return fields;
    }

    private int read() throws IOException {
        if (position == limit) {
            consumedBefore += limit;
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    private void append(int b) {
        if (length == record.length) {
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[length++] = (byte) b;
    }

    private void endField(int start) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = length;
        fields++;
    }

    /**
     * Reads the next record; blank lines are skipped. Returns {@code false} at the end.
     *
     * @throws QuoteException when a quoted field is not closed before the end of the file
     */
    boolean next() throws IOException {
        length = 0;
        fields = 0;
        int c = read();
        if (first) {
            first = false;
            if (c == 0xEF && limit >= 3 && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                position = 3; // a UTF-8 byte order mark
                c = read();
            }
        }
        while (c == '\n' || c == '\r') {
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return false;
        }
        recordLine = line;
        int start = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new QuoteException(recordLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(c);
                }
                c = read();
                continue;
            }
            if (c == ',') {
                endField(start);
                start = length;
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                endField(start);
                if (c == '\n') {
                    line++;
                }
                return true;
            } else if (c == '\r') {
                int d = read();
                if (d != '\n' && d != -1) {
                    position--;
                }
                endField(start);
                line++;
                return true;
            } else if (c == '"' && length == start && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append(c);
                // the rest of an unquoted field, copied in one run
                int from = position;
                while (position < limit) {
                    byte b = buffer[position];
                    if (b == ',' || b == '\n' || b == '\r' || b == '"') {
                        break;
                    }
                    position++;
                }
                int run = position - from;
                if (run > 0) {
                    if (length + run > record.length) {
                        record = Arrays.copyOf(record, Math.max(record.length * 2, length + run));
                    }
                    System.arraycopy(buffer, from, record, length, run);
                    length += run;
                }
            }
            c = read();
        }
    }

    /** Whether field {@code i} is blank (empty or white space only). */
    boolean isBlank(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            byte b = record[k];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Field {@code i}, decoded and trimmed; {@code null} when blank. */
    String field(int i) throws CharacterCodingException {
        return decode(record, starts[i], ends[i], decoder);
    }

    /** Bytes [s, e) decoded and trimmed; {@code null} when blank. ASCII is taken as it is. */
    static String decode(byte[] data, int s, int e, CharsetDecoder decoder) throws CharacterCodingException {
        while (s < e && (data[s] == ' ' || data[s] == '\t')) {
            s++;
        }
        while (e > s && (data[e - 1] == ' ' || data[e - 1] == '\t')) {
            e--;
        }
        if (s == e) {
            return null;
        }
        for (int k = s; k < e; k++) {
            if (data[k] < 0) {
                String text = decoder.reset().decode(ByteBuffer.wrap(data, s, e - s)).toString().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return new String(data, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** A decoder for this parser's encoding, for use on another thread. */
    CharsetDecoder newDecoder() {
        return decoder.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Copies the current record into a batch, with the key filter's verdict on it. */
    void copyTo(Batch batch, int verdict) {
        batch.add(record, length, starts, ends, fields, recordLine, verdict);
    }

    /** The 64-bit hash of field {@code f} of the current record, trimmed (blank when absent). */
    long hash(int f) {
        if (f < 0 || f >= fields) {
            return KeyFilter.hash64(record, 0, 0);
        }
        int s = starts[f];
        int e = ends[f];
        while (s < e && (record[s] == ' ' || record[s] == '\t')) {
            s++;
        }
        while (e > s && (record[e - 1] == ' ' || record[e - 1] == '\t')) {
            e--;
        }
        return KeyFilter.hash64(record, s, e);
    }

    /** Whether every field of the current record is blank. */
    boolean isBlankRecord() {
        for (int i = 0; i < fields; i++) {
            if (!isBlank(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any key field of the current record is blank or holds one of its keys (trimmed bytes
     * compared): 1 yes, 0 no, −1 cannot tell from the bytes (a field with non-ASCII bytes that
     * matched nothing, which the caller decides on the decoded text). {@code keyFields[k] < 0} is a
     * column the file lacks, which counts as blank.
     */
    int matches(int[] keyFields, KeyFilter.ByteKeys[] keys) {
        int verdict = 0;
        for (int k = 0; k < keyFields.length; k++) {
            int f = keyFields[k];
            if (f < 0 || f >= fields) {
                return 1;
            }
            int s = starts[f];
            int e = ends[f];
            while (s < e && (record[s] == ' ' || record[s] == '\t')) {
                s++;
            }
            while (e > s && (record[e - 1] == ' ' || record[e - 1] == '\t')) {
                e--;
            }
            if (s == e || keys[k].contains(record, s, e)) {
                return 1;
            }
            for (int i = s; i < e; i++) {
                if (record[i] < 0) {
                    verdict = -1;
                    break;
                }
            }
        }
        return verdict;
    }

    /**
     * Records copied out of the parser, so that one thread can parse while another uses them:
     * their bytes end to end, and per record its line and the range of its field offsets.
     */
    static final class Batch {
        byte[] data = new byte[1 << 18];
        int size;
        int[] fieldStart = new int[1 << 14];
        int[] fieldEnd = new int[1 << 14];
        int fieldCount;
        int[] firstField = new int[4097];
        long[] lines = new long[4096];
        byte[] verdicts = new byte[4096];
        int records;
        /** Non-blank records that the key filter turned away. */
        long skipped;
        /** Hashes of the hashed column of the records turned away, when the filter keeps them. */
        long[] rejected = new long[1024];
        IOException failure;
        RuntimeException runtimeFailure;
        boolean last;

        boolean full() {
            return records == lines.length || size > data.length - 4096;
        }

        void add(byte[] record, int length, int[] starts, int[] ends, int fields, long line, int verdict) {
            if (size + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
            }
            System.arraycopy(record, 0, data, size, length);
            if (fieldCount + fields > fieldStart.length) {
                fieldStart = Arrays.copyOf(fieldStart, Math.max(fieldStart.length * 2, fieldCount + fields));
                fieldEnd = Arrays.copyOf(fieldEnd, fieldStart.length);
            }
            for (int f = 0; f < fields; f++) {
                fieldStart[fieldCount + f] = size + starts[f];
                fieldEnd[fieldCount + f] = size + ends[f];
            }
            firstField[records] = fieldCount;
            lines[records] = line;
            verdicts[records] = (byte) verdict;
            records++;
            fieldCount += fields;
            firstField[records] = fieldCount;
            size += length;
        }

        int fields(int record) {
            return firstField[record + 1] - firstField[record];
        }

        boolean isBlank(int record, int field) {
            int k = firstField[record] + field;
            for (int b = fieldStart[k]; b < fieldEnd[k]; b++) {
                if (data[b] != ' ' && data[b] != '\t') {
                    return false;
                }
            }
            return true;
        }

        String field(int record, int field, CharsetDecoder decoder) throws CharacterCodingException {
            int k = firstField[record] + field;
            return decode(data, fieldStart[k], fieldEnd[k], decoder);
        }
    }

    /** Field {@code i} as raw text (for a header cell); empty when blank. */
    String rawField(int i) throws CharacterCodingException {
        String f = field(i);
        return f == null ? "" : f;
    }

    /** A quoted field left open at the end of the file. */
    static final class QuoteException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        QuoteException(long line) {
            super("a quoted field opened on line " + line + " is never closed");
            this.line = line;
        }
    }
}
