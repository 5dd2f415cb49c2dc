package dev.lookback.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every estimate, SE, df and bound of the R reference cases, to 1e-9. The fixtures under
 * src/test/resources/reference were made by src/test/r/make-reference.R with R 4.2.2 and survey 4.1.1.
 */
class ReferenceTest {
    static final Path ROOT = Path.of("src/test/resources/reference");
    static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> list = new ArrayList<>();
        List<String> lines = Files.readAllLines(ROOT.resolve("cases.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            list.add(Arguments.of(f[0], Unit.parse(f[1]), Double.parseDouble(f[2]), f[3]));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesRSurvey(String name, Unit unit, double level, String expectedFile) throws IOException {
        Path dir = ROOT.resolve(name);
        ReviewResult result = Review.of(dir.resolve("villages.csv"), dir.resolve("sample.csv"),
                dir.resolve("self_check.csv"), dir.resolve("spot_check.csv"))
                .unit(unit).level(level).methods(IntervalMethod.WALD, IntervalMethod.LOGIT, IntervalMethod.KORN_GRAUBARD,
                        IntervalMethod.KORN_GRAUBARD_NB, IntervalMethod.WILSON).run();
        Map<String, String[]> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve(expectedFile));
        String[] header = lines.get(0).split(",");
        assertEquals("ci_method", header[12]);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            expected.put(f[0] + "/" + f[1] + "/" + f[12], f);
        }
        int compared = 0;
        for (ErrorRate r : result.rates()) {
            for (Interval ci : r.intervals()) {
                String key = r.county() + "/" + r.measure().label() + "/" + ci.method().label();
                String[] e = expected.remove(key);
                if (e == null) {
                    fail("R has no row " + key);
                }
                assertEquals(e[2], r.unit().label(), key);
                assertEquals(Integer.parseInt(e[3]), r.villagesSampled(), key + " villages_sampled");
                assertEquals(Integer.parseInt(e[4]), r.villagesInFrame(), key + " villages_in_frame");
                close(e[5], r.estimate().units(), key + " units");
                close(e[6], r.estimate().errors(), key + " errors");
                close(e[7], r.rate(), key + " estimate");
                close(e[8], r.estimate().standardError(), key + " std_error");
                close(e[9], r.estimate().df(), key + " df");
                close(e[10], ci.lower(), key + " ci_lower");
                close(e[11], ci.upper(), key + " ci_upper");
                compared++;
            }
        }
        assertTrue(expected.isEmpty(), "rows R has and Lookback has not: " + expected.keySet());
        assertTrue(compared >= 120, "compared " + compared);
    }

    static void close(String expected, double actual, String what) {
        double e = Double.parseDouble(expected);
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
        } else {
            assertEquals(e, actual, TOLERANCE * Math.max(1, Math.abs(e)), what);
        }
    }
}
