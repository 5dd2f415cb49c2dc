package dev.lookback.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    /** The input window: bytes [0, end) are valid, the next record starts at {@code position}. */
    private byte[] buffer;
    private int position;
    private int end;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private boolean first = true;
    /** A parser over a chunk alone keeps its bytes as they were before its first unquoting ({@link #original}). */
    private boolean keepOriginal;
    private byte[] original;
    /** Bytes of the input before the window's start. */
    private long consumedBefore;

    /** The current record lies in {@code record} (the window); per field its start and end. */
    private byte[] record;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fields;
    private int recordStart;
    private int recordEnd;
    /** The key bytes {@link #matches} last decided on (a single key field), for which keys, and its verdict. */
    private byte[] lastKey = new byte[32];
    private int lastKeyLength = -1;
    private KeyFilter.ByteKeys[] lastKeys;
    private int lastVerdict;

    ByteCsvParser(InputStream in, Charset charset) {
        this(in, charset, 1 << 20);
    }

    /** A parser with a window of a given initial size (small ones exercise the window's moves). */
    ByteCsvParser(InputStream in, Charset charset, int window) {
        this.buffer = new byte[window];
        this.record = buffer;
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * A parser of records that continue an input read by another parser: bytes [0, length) of {@code chunk} and then
     * {@code rest} (null: nothing more), without a byte order mark; its lines are counted from 0 (the caller adds
     * the line at which the bytes start).
     */
    ByteCsvParser(byte[] chunk, int length, InputStream rest, Charset charset) {
        this.buffer = chunk;
        this.record = chunk;
        this.end = length;
        this.in = rest == null ? InputStream.nullInputStream() : rest;
        this.eof = rest == null;
        this.first = false;
        this.line = 0;
        this.keepOriginal = rest == null;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The bytes of a parser over a chunk alone as they were before it unquoted a field in place (so that they can be
     * parsed again from another record), or null when it has not.
     */
    byte[] original() {
        return original;
    }

    /** The physical line at which the next record starts. */
    long line() {
        return line;
    }

    /** The bytes of the window not parsed yet (the start of what {@link #rest} has not read). */
    byte[] unparsed() {
        return Arrays.copyOfRange(buffer, position, end);
    }

    /** The input after the window. */
    InputStream rest() {
        return in;
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

    /**
     * Moves the bytes from {@code keep} on to the start of the window and reads more after them.
     * Returns false at the end of the input.
     */
    private boolean fill(int keep) throws IOException {
        if (eof) {
            return false;
        }
        int kept = end - keep;
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, kept);
            consumedBefore += keep;
            position -= keep;
            end = kept;
        } else if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
            record = buffer;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n <= 0) {
            eof = true;
            return false;
        }
        end += n;
        if (first) {
            first = false;
            if (end >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                position = 3; // a UTF-8 byte order mark
            }
        }
        return true;
    }

    private void endField(int start, int stop, boolean wasQuoted) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = stop;
        quoted[fields] = wasQuoted;
        fields++;
    }

    /**
     * Reads the next record; blank lines are skipped. Returns {@code false} at the end. Fields are
     * found by scanning the window; a record that runs past the window's end is scanned again
     * after the window has moved and grown.
     *
     * @throws QuoteException when a quoted field is not closed before the end of the file
     */
    boolean next() throws IOException {
        fields = 0;
        while (true) { // blank lines
            while (position == end) {
                if (!fill(position)) {
                    return false;
                }
            }
            byte b = buffer[position];
            if (b == '\n') {
                line++;
            } else if (b != '\r') {
                break;
            }
            position++;
        }
        while (true) {
            int status = scan(false);
            if (status > 0) {
                break;
            }
            // the record runs past the window: move it to the start, read more, scan it again
            if (!fill(position)) {
                if (status == -2) {
                    throw new QuoteException(line);
                }
                if (scan(true) == -2) {
                    throw new QuoteException(line);
                }
                break;
            }
        }
        for (int f = 0; f < fields; f++) {
            if (quoted[f]) {
                if (keepOriginal && original == null) {
                    original = Arrays.copyOf(buffer, end);
                }
                unquote(f);
            }
            // trimmed once here, so that every use of a field sees its value without surrounding spaces
            while (starts[f] < ends[f] && isSpace(buffer[starts[f]])) {
                starts[f]++;
            }
            while (ends[f] > starts[f] && isSpace(buffer[ends[f] - 1])) {
                ends[f]--;
            }
        }
        return true;
    }

    /**
     * Scans one record from {@code position}: 1 when it ends within the window (position moves past
     * it), −1 when the window ends first, −2 when it ends inside a quoted field. With
     * {@code atEnd} the window holds the rest of the input, and its end also ends the record.
     */
    private int scan(boolean atEnd) {
        byte[] buf = buffer;
        int p = position;
        int stop = end;
        int newlines = 0;
        fields = 0;
        while (true) {
            int fieldStart = p;
            boolean isQuoted = p < stop && buf[p] == '"';
            if (isQuoted) {
                p++;
                while (true) { // inside quotes
                    while (p < stop && buf[p] != '"') {
                        if (buf[p] == '\n') {
                            newlines++;
                        }
                        p++;
                    }
                    if (p >= stop) {
                        return -2;
                    }
                    if (p + 1 >= stop && !atEnd) {
                        return -1; // need the byte after the quote to decide
                    }
                    if (p + 1 < stop && buf[p + 1] == '"') {
                        p += 2;
                    } else {
                        p++;
                        break;
                    }
                }
            }
            while (p < stop) {
                byte b = buf[p];
                if (b == ',' || b == '\n' || b == '\r') {
                    break;
                }
                p++;
            }
            if (p == stop && !atEnd) {
                return -1;
            }
            endField(fieldStart, p, isQuoted);
            if (p < stop && buf[p] == ',') {
                p++;
                continue;
            }
            if (p < stop && buf[p] == '\r' && !atEnd && p + 1 >= stop) {
                return -1; // is a line feed next?
            }
            if (p + 1 < stop && buf[p] == '\r' && buf[p + 1] == '\n') {
                p++;
            }
            recordStart = position;
            recordEnd = p;
            recordLine = line;
            line += newlines + (p < stop ? 1 : 0);
            position = Math.min(p + 1, stop);
            return 1;
        }
    }

    /** Rewrites a quoted field in place: drops the enclosing quotes and halves doubled ones. */
    private void unquote(int f) {
        int r = starts[f] + 1;
        int w = starts[f];
        int stop = ends[f];
        boolean inQuotes = true;
        while (r < stop) {
            byte b = buffer[r];
            if (inQuotes && b == '"') {
                if (r + 1 < stop && buffer[r + 1] == '"') {
                    buffer[w++] = '"';
                    r += 2;
                    continue;
                }
                inQuotes = false;
                r++;
                continue;
            }
            buffer[w++] = b;
            r++;
        }
        ends[f] = w;
        quoted[f] = false;
    }

    /** ASCII white space and control characters, trimmed from every field. */
    static boolean isSpace(byte b) {
        return b >= 0 && b <= ' ';
    }

    /** Whether field {@code i} is blank (empty or white space only). */
    boolean isBlank(int i) {
        return starts[i] == ends[i]; // fields are trimmed when read
    }

    /** Field {@code i}, decoded and trimmed; {@code null} when blank. */
    String field(int i) throws CharacterCodingException {
        return decode(record, starts[i], ends[i], decoder);
    }

    /** Field {@code i} as column {@code column}, giving back the previous String when the bytes repeat. */
    String field(int i, Repeats repeats, int column) throws CharacterCodingException {
        return repeats.decode(record, starts[i], ends[i], decoder, column);
    }

    /** Bytes [s, e) decoded and trimmed; {@code null} when blank. ASCII is taken as it is. */
    static String decode(byte[] data, int s, int e, CharsetDecoder decoder) throws CharacterCodingException {
        while (s < e && isSpace(data[s])) {
            s++;
        }
        while (e > s && isSpace(data[e - 1])) {
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
        batch.add(buffer, recordStart, recordEnd, starts, ends, fields, recordLine, verdict);
    }

    /** The 64-bit hash of field {@code f} of the current record, trimmed (blank when absent). */
    long hash(int f) {
        if (f < 0 || f >= fields) {
            return KeyFilter.hash64(record, 0, 0);
        }
        return KeyFilter.hash64(record, starts[f], ends[f]);
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
        if (keyFields.length == 1 && keyFields[0] >= 0 && keyFields[0] < fields) {
            // a register lists a village's households together: the same key bytes as the record before get the
            // same verdict, by one comparison instead of a hash, a probe and a look for non-ASCII bytes
            int s = starts[keyFields[0]];
            int n = ends[keyFields[0]] - s;
            if (keys == lastKeys && n == lastKeyLength && Arrays.equals(record, s, s + n, lastKey, 0, n)) {
                return lastVerdict;
            }
            int verdict = verdict(keyFields, keys);
            if (n > lastKey.length) {
                lastKey = new byte[Math.max(n, 2 * lastKey.length)];
            }
            System.arraycopy(record, s, lastKey, 0, n);
            lastKeyLength = n;
            lastKeys = keys;
            lastVerdict = verdict;
            return verdict;
        }
        return verdict(keyFields, keys);
    }

    /** {@link #matches} worked out from the keys. */
    private int verdict(int[] keyFields, KeyFilter.ByteKeys[] keys) {
        int verdict = 0;
        for (int k = 0; k < keyFields.length; k++) {
            int f = keyFields[k];
            if (f < 0 || f >= fields) {
                return 1;
            }
            int s = starts[f];
            int e = ends[f];
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
        Error error;
        boolean last;
        /** With two readers ({@link ChunkedBatches}): the chunk of the input the batch holds records of. */
        int chunk;
        /** Whether the batch holds its chunk's last records; then {@code chunkLines} its lines. */
        boolean chunkEnd;
        long chunkLines;
        /** The bytes from the record left open at the chunk's end (a cut inside quotes), and its line; else null. */
        byte[] openRecord;
        long openLine;
        /** Where the batch goes back to when the caller is done with it (its reader's). */
        java.util.concurrent.BlockingQueue<Batch> pool;
        /** The decoded columns of each record, record-major; {@code invalid} marks undecodable bytes. */
        String[] values;
        boolean[] invalid;

        boolean full() {
            return records == lines.length || size > data.length - 4096;
        }

        void add(byte[] record, int from, int to, int[] starts, int[] ends, int fields, long line, int verdict) {
            int length = to - from;
            if (size + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
            }
            System.arraycopy(record, from, data, size, length);
            if (fieldCount + fields > fieldStart.length) {
                fieldStart = Arrays.copyOf(fieldStart, Math.max(fieldStart.length * 2, fieldCount + fields));
                fieldEnd = Arrays.copyOf(fieldEnd, fieldStart.length);
            }
            for (int f = 0; f < fields; f++) {
                fieldStart[fieldCount + f] = size + starts[f] - from;
                fieldEnd[fieldCount + f] = size + ends[f] - from;
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
                if (!isSpace(data[b])) {
                    return false;
                }
            }
            return true;
        }

    }

    /**
     * The values already read in each column, by their bytes: a column with few distinct values
     * (county, village, township, status) then costs one String per distinct value instead of one per
     * record, which keeps the memory of a large file small. A column found to hold more than
     * {@link #LIMIT} distinct values (ids) is no longer remembered. Used by one thread.
     */
    static final class Repeats {
        static final int LIMIT = 4096;
        private static final int SLOTS = LIMIT * 2;
        private final byte[][][] keys;
        private final String[][] values;
        private final int[] sizes;
        private final boolean[] unique;

        Repeats(int columns) {
            keys = new byte[columns][][];
            values = new String[columns][];
            sizes = new int[columns];
            unique = new boolean[columns];
        }

        String decode(byte[] data, int s, int e, CharsetDecoder decoder, int column) throws CharacterCodingException {
            if (unique[column]) {
                return ByteCsvParser.decode(data, s, e, decoder);
            }
            if (keys[column] == null) {
                keys[column] = new byte[SLOTS][];
                values[column] = new String[SLOTS];
            }
            byte[][] k = keys[column];
            int h = 0x811c9dc5;
            for (int i = s; i < e; i++) {
                h = (h ^ data[i]) * 0x01000193;
            }
            int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
            while (k[slot] != null) {
                if (Arrays.equals(k[slot], 0, k[slot].length, data, s, e)) {
                    return values[column][slot];
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            String value = ByteCsvParser.decode(data, s, e, decoder);
            if (++sizes[column] > LIMIT) {
                unique[column] = true;
                keys[column] = null;
                values[column] = null;
            } else {
                k[slot] = Arrays.copyOfRange(data, s, e);
                values[column][slot] = value;
            }
            return value;
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
