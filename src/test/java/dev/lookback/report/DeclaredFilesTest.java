package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.check.HouseholdLists;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.vocabulary.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The output files are declared lazily: every declaration still holds, made once, when first used. */
class DeclaredFilesTest {
    @Test
    void everyDeclaredFileMakesItsColumnsAndPeoplesOrder() throws Exception {
        List<OutputFile<?>> files = new ArrayList<>();
        for (Class<?> holder : List.of(OutputFiles.class, HouseholdLists.class, MeasureTallies.class)) {
            for (var f : holder.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == OutputFile.class) {
                    f.setAccessible(true);
                    files.add((OutputFile<?>) f.get(null));
                }
            }
        }
        assertEquals(15, files.size(), "the files of OutputFiles, HouseholdLists and MeasureTallies (tallies.csv twice)");
        for (OutputFile<?> file : files) {
            List<String> header = file.header();
            assertFalse(header.isEmpty(), file.name());
            assertEquals(header.size(), new HashSet<>(header).size(), file.name() + ": a column named twice");
            assertFalse(file.forPeople().isEmpty(), file.name()); // checks the people's order against the columns
            assertTrue(file.columns() == file.columns(), file.name() + ": made once");
        }
    }

    @Test
    void aDeclarationIsMadeOnceWhenFirstUsedAndItsOrderCheckedThen() throws Exception {
        AtomicInteger made = new AtomicInteger();
        OutputFile<String> file = OutputFile.of("lazy.csv", () -> {
            made.incrementAndGet();
            return List.of(OutputColumn.<String>of(Field.COUNTY, OutputColumn.Kind.TEXT, s -> s),
                    OutputColumn.<String>of(Field.VILLAGE, OutputColumn.Kind.TEXT, s -> s));
        });
        OutputFile<String> reordered = file.shownInOrder(Field.VILLAGE, Field.COUNTY);
        OutputFile<String> wrong = file.shownInOrder(Field.VILLAGE);
        assertEquals(0, made.get(), "nothing is made before the file is used");
        Thread[] readers = new Thread[4];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> file.header());
            readers[i].start();
        }
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(List.of("county", "village"), file.header());
        assertEquals(1, made.get(), "made once, whichever thread asks first");
        assertEquals(List.of(Field.VILLAGE, Field.COUNTY), reordered.forPeople().stream().map(OutputColumn::field).toList());
        assertEquals("lazy.csv: people's order [VILLAGE] must list each of [COUNTY, VILLAGE] once",
                assertThrows(IllegalArgumentException.class, wrong::header).getMessage());
    }
}
