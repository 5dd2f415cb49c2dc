package dev.lookback.io;

import static dev.lookback.io.OutputColumn.Kind.FLAG;
import static dev.lookback.io.OutputColumn.Kind.INTEGER;
import static dev.lookback.io.OutputColumn.Kind.PERCENT;
import static dev.lookback.io.OutputColumn.Kind.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.vocabulary.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One declaration per file: what the CSV file, the people's columns, the Tablesaw view and a reader make of it. */
class OutputFileTest {
    record Item(String county, double rate, double count, boolean fragile, String note) {
    }

    static final OutputFile<Item> FILE = OutputFile.of("items.csv",
            OutputColumn.<Item>of(Field.COUNTY, TEXT, Item::county).readAs(Columns.COUNTY),
            OutputColumn.<Item>of(Field.ESTIMATE, PERCENT, Item::rate),
            OutputColumn.<Item>of(Field.UNITS, INTEGER, i -> Double.isNaN(i.count()) ? null : i.count()),
            OutputColumn.<Item>of(Field.FRAGILE, FLAG, Item::fragile),
            OutputColumn.<Item>of(Field.NOTE, TEXT, Item::note).peopleOnly());

    static final List<Item> ITEMS = List.of(new Item("C01", 0.025, 12, true, "a census"),
            new Item("=cmd", Double.NaN, Double.NaN, false, ""), new Item("C03", 0.5, 2.5, false, ""));

    @Test
    void theCsvFileHasTheMachinesColumnsWithBlankCountsFullNumbersAndSafeText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("items.csv");
        FILE.write(f, ITEMS);
        assertEquals(List.of("county,estimate,units,fragile", "C01,0.025,12,true", "'=cmd,NaN,,false",
                "C03,0.5,2.5,false"), Files.readAllLines(f, StandardCharsets.UTF_8));
        assertEquals(List.of("county", "estimate", "units", "fragile"), FILE.header());
    }

    @Test
    void peopleSeeTheirColumnsInTheirOrderWithFlagsInChineseAndUndefinedNumbersEmpty() {
        OutputFile<Item> reordered = FILE.shownInOrder(Field.FRAGILE, Field.COUNTY, Field.ESTIMATE, Field.UNITS,
                Field.NOTE);
        List<Field> shown = reordered.forPeople().stream().map(OutputColumn::field).toList();
        assertEquals(List.of(Field.FRAGILE, Field.COUNTY, Field.ESTIMATE, Field.UNITS, Field.NOTE), shown);
        assertEquals("是", reordered.column(Field.FRAGILE).shownOf(ITEMS.get(0)));
        assertNull(reordered.column(Field.ESTIMATE).shownOf(ITEMS.get(1)));
        assertEquals("0.00%", reordered.column(Field.ESTIMATE).kind().format());
        // an order that leaves a column out, or names one twice, is refused
        assertThrows(IllegalArgumentException.class, () -> FILE.shownInOrder(Field.COUNTY, Field.ESTIMATE));
        assertThrows(IllegalArgumentException.class, () -> FILE.shownInOrder(Field.COUNTY, Field.COUNTY, Field.ESTIMATE,
                Field.UNITS, Field.NOTE));
        assertEquals(List.of("county", "estimate", "fragile"), FILE.without(Field.UNITS).header());
    }

    @Test
    void theTablesawViewHasTheCsvColumnsTyped() {
        var t = FILE.table("items", ITEMS);
        assertEquals(FILE.header(), t.columnNames());
        assertEquals(0.025, t.doubleColumn("estimate").get(0), 0);
        assertTrue(t.doubleColumn("units").isMissing(1));
        assertEquals(true, t.booleanColumn("fragile").get(0));
        assertEquals("=cmd", t.stringColumn("county").get(1));
    }

    @Test
    void aReaderFindsAColumnByItsCodeItsChineseItsWorkbookHeaderAndItsAliases() {
        Column county = FILE.reading(Field.COUNTY);
        for (String header : List.of("county", "县", "县 county", "区县")) {
            assertTrue(county.matches(header), header);
        }
        assertTrue(county.required());
        Column units = FILE.readingOptional(Field.UNITS);
        assertTrue(units.matches("核查数") && !units.required());
        assertThrows(IllegalArgumentException.class, () -> FILE.column(Field.PROJECT));
    }

    @Test
    void aColumnAddedToTheDeclarationReachesTheFileTheViewAndTheReader(@TempDir Path dir) throws Exception {
        List<OutputColumn<Item>> more = new ArrayList<>(FILE.columns());
        more.add(OutputColumn.of(Field.LEVEL, PERCENT, i -> 0.95));
        OutputFile<Item> wider = new OutputFile<>("items.csv", more, List.of());
        Path f = dir.resolve("items.csv");
        wider.write(f, ITEMS);
        assertEquals("county,estimate,units,fragile,level", Files.readAllLines(f).get(0));
        assertEquals(0.95, wider.table("items", ITEMS).doubleColumn("level").get(2), 0);
        List<String> read = new ArrayList<>();
        TabularSource.of(f).read(List.of(wider.reading(Field.COUNTY), wider.reading(Field.LEVEL)),
                row -> read.add(row.text(wider.reading(Field.COUNTY)) + " " + row.text(wider.reading(Field.LEVEL))));
        assertEquals(List.of("C01 0.95", "=cmd 0.95", "C03 0.95"), read);
    }
}
