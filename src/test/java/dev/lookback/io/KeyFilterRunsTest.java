package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The key filter gives a record the verdict of the record before it when their key bytes are the same (a register lists
 * a village's households together): what it keeps is what deciding every record afresh keeps, whatever the runs.
 */
class KeyFilterRunsTest {
    /** Key fields as a file may hold them: repeated, quoted, padded, blank, Chinese, differing only in case. */
    private static final List<String> WRITTEN = List.of("V1", "V2", "V10", "v1", " V1 ", "\"V2\"", "", "村一", "村二",
            "\"村一\"");
    private static final Column HOUSEHOLD = Column.required("household", "户编号");
    private static final Column VILLAGE = Column.required("village", "村");

    @Property(tries = 200)
    void keepsWhatDecidingEachRecordKeeps(@ForAll("runs") List<Integer> villages, @ForAll("keys") Set<String> keys)
            throws IOException {
        StringBuilder csv = new StringBuilder("household,village\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            String written = WRITTEN.get(villages.get(i));
            csv.append('h').append(i).append(',').append(written).append('\n');
            String value = written.strip().replace("\"", "");
            if (value.isEmpty() || keys.contains(value)) { // a blank key cannot be judged: the reader decides
                expected.add("h" + i);
            }
        }
        Path file = Files.createTempFile("runs", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            TabularSource.of(file).read(List.of(HOUSEHOLD, VILLAGE), KeyFilter.in(VILLAGE, keys),
                    r -> kept.add(r.text(HOUSEHOLD)));
            assertEquals(expected, kept);
        } finally {
            Files.delete(file);
        }
    }

    /** Villages in runs of one to five records, as a register groups them. */
    @Provide
    Arbitrary<List<Integer>> runs() {
        Arbitrary<List<Integer>> run = Arbitraries.integers().between(0, WRITTEN.size() - 1)
                .flatMap(v -> Arbitraries.integers().between(1, 5).map(n -> java.util.Collections.nCopies(n, v)));
        return run.list().ofMaxSize(40).map(l -> l.stream().flatMap(List::stream).toList());
    }

    @Provide
    Arbitrary<Set<String>> keys() {
        return Arbitraries.of("V1", "V2", "V10", "村一", "村三").set().ofMaxSize(4);
    }
}
