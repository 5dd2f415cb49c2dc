package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Safe cells: what a spreadsheet would run is written as text, numbers stay numbers, and reading undoes it. */
class CsvWriterTest {
    static final String[] RUNNABLE = {"=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "-2+3", "+86 138", "\t=1+1",
        "\r=1+1", "-cmd|' /C calc'!A0", "=1"};

    @Test
    void formulasAreWrittenAsTextAndNumbersAsNumbers() throws Exception {
        StringWriter s = new StringWriter();
        try (CsvWriter w = CsvWriter.on(s)) {
            w.row("household", "value");
            w.row(RUNNABLE[0], -0.5);
            w.row(RUNNABLE[1], "-0.5");
            w.row(RUNNABLE[2], "NaN");
            w.row("'=already quoted", "1.0E-4");
        }
        assertEquals("household,value\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.5\n'@SUM(1+1),-0.5\n'-2+3,NaN\n"
                + "'=already quoted,1.0E-4\n", s.toString());
        assertEquals("-Infinity", CsvWriter.neutralise("-Infinity"));
        assertEquals("'\t=1+1", CsvWriter.neutralise("\t=1+1"));
        assertEquals("C01-V001", CsvWriter.neutralise("C01-V001"));
    }

    @Test
    void readingBackGivesTheRawValues() throws Exception {
        StringWriter s = new StringWriter();
        try (CsvWriter w = CsvWriter.on(s)) {
            w.row("household", "note");
            for (String r : RUNNABLE) {
                w.row(r.strip(), "x");
            }
            w.row("'plain quote", "x");
        }
        Column household = Column.required("household");
        List<String> read = new ArrayList<>();
        TabularSource.csv("out.csv", new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8).read(List.of(household), row -> read.add(row.text(household)));
        List<String> expected = new ArrayList<>();
        for (String r : RUNNABLE) {
            expected.add(r.strip());
        }
        expected.add("'plain quote"); // a quote before anything else is the value's own
        assertEquals(expected, read);
        for (String r : RUNNABLE) {
            assertEquals(r, CsvWriter.unneutralise(CsvWriter.neutralise(r)));
        }
    }
}
