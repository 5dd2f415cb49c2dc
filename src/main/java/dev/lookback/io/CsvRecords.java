package dev.lookback.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a piece of CSV, read by the same parser and with the same messages as Lookback's own CSV
 * reader, for an engine that splits a large file into byte ranges and reads each range apart (the Spark
 * module). Line numbers are the file's: the caller says on which line of the file the stream starts.
 */
public final class CsvRecords implements Closeable {
    private final String file;
    private final InputStream in;
    private final Charset encoding;
    private final long firstLine;
    private final ByteCsvParser parser;
    private Header namesOf;
    private String[] names;

    /**
     * @param file      the file's name in messages
     * @param in        the bytes, starting at the start of a line
     * @param encoding  UTF-8 or GBK (or another encoding whose delimiters are single ASCII bytes)
     * @param firstLine the line of the file on which the stream starts (1 at the start of the file)
     */
    public CsvRecords(String file, InputStream in, Charset encoding, long firstLine) {
        if (!ByteCsvParser.supports(encoding)) {
            throw new InputException(file, 0, null, "the encoding " + encoding.name()
                    + " is not supported for CSV; save the file as UTF-8 or GBK");
        }
        this.file = file;
        this.in = in;
        this.encoding = encoding;
        this.firstLine = firstLine;
        this.parser = new ByteCsvParser(in, encoding, 1 << 16);
    }

    /** The first record, as the cells of a header; an {@link InputException} if there is none. */
    public List<String> header(List<Column> columns) {
        if (!advance()) {
            throw new InputException(file, 0, null, "the file is empty; expected a header line with "
                    + TabularSource.describeRequired(columns));
        }
        List<String> cells = new ArrayList<>(parser.fieldCount());
        for (int i = 0; i < parser.fieldCount(); i++) {
            try {
                cells.add(parser.rawField(i));
            } catch (CharacterCodingException e) {
                throw TabularSource.notEncoded(file, line(), null, Encoding.named(encoding));
            }
        }
        return cells;
    }

    /**
     * The next non-blank record seen through {@code header}, or {@code null} at the end. The row is valid until
     * the next call; its values are decoded when asked for, as Lookback's reader does.
     *
     * @throws InputException when the record has more fields than the header, or a quoted field never closes
     */
    public Row next(Header header) {
        while (advance()) {
            if (parser.isBlankRecord()) {
                continue;
            }
            long line = line();
            int n = parser.fieldCount();
            for (int i = header.size(); i < n; i++) {
                if (!parser.isBlank(i)) {
                    throw Header.tooWide(file, line, n, header.size());
                }
            }
            List<Column> columns = header.columns();
            if (header != namesOf) { // the header's names of the columns, once per header
                names = header.names();
                namesOf = header;
            }
            Row.Decoder decoder = (c, l, name) -> {
                int f = header.cell(c);
                if (f < 0 || f >= parser.fieldCount()) {
                    return null;
                }
                try {
                    return parser.field(f);
                } catch (CharacterCodingException e) {
                    throw TabularSource.notEncoded(file, l, name, Encoding.named(encoding));
                }
            };
            return new Row(file, line, columns, names, new String[columns.size()], decoder);
        }
        return null;
    }

    /** The line of the file on which the current record starts. */
    private long line() {
        return firstLine - 1 + parser.recordLine();
    }

    private boolean advance() {
        try {
            return parser.next();
        } catch (ByteCsvParser.QuoteException e) {
            throw TabularSource.unclosedQuote(file, firstLine - 1 + e.line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
