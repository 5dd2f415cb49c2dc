package dev.lookback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Sample;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interval method × every link × both units, through the command line: each review runs (exit 0, its files
 * and report written) or is refused with exit 2 and a message, never an exception.
 */
class OptionCombinationsTest {
    @TempDir
    static Path dir;
    static Path city;

    /** The links a review can take, one at a time and all together. */
    static final List<List<String>> LINKS = List.of(List.of(), List.of("leaders"), List.of("leaders", "cadres"),
            List.of("leaders", "satisfaction"), List.of("leaders", "funds"), List.of("recheck"), List.of("reports"),
            List.of("leaders", "cadres", "satisfaction", "funds", "recheck", "reports"), List.of("cadres"));

    @BeforeAll
    static void city() throws IOException {
        city = Files.createDirectories(dir.resolve("city"));
        SyntheticCity c = SyntheticCity.generate(CitySpec.ofSize(3, 10, 25, 20));
        c.writeFrameAndRegister(city);
        DrawResult drawn = Draw.draw(c.frame(), "combinations", DrawMethod.SRS, Allocation.perCounty(c.frame(), 4));
        Sample sample = Draw.sample(drawn);
        c.writeSpotCheck(sample, city);
        c.writeLeaders(city);
        c.writeAssistanceAndFunds(sample, city);
        c.writeReports(sample, city, LocalDate.of(2026, 5, 31));
        c.writeRecheck(sample, city, "combinations", 1, 0.05);
        drawn.writeCertificate(city.resolve("sample.certificate.json"), "villages.csv",
                Tickets.fileSha256(city.resolve("villages.csv")), "test");
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (IntervalMethod m : IntervalMethod.values()) {
            for (List<String> links : LINKS) {
                for (Unit u : Unit.values()) {
                    out.add(Arguments.of(m, links, u));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void everyCombinationRunsOrIsRefusedWithExitTwo(IntervalMethod method, List<String> links, Unit unit)
            throws IOException {
        Path out = dir.resolve(method.label() + "-" + String.join("+", links) + "-" + unit.label());
        List<String> args = new ArrayList<>(List.of("review", "--input", city.toString(), "--ci-method", method.label(),
                "--unit", unit.label(), "--bootstrap-replicates", "50", "--charts", "none", "--out", out.toString()));
        // --input takes every file of the folder: name the links by their options over a folder of the four files
        args.set(2, core().toString());
        for (String link : links) {
            String file = switch (link) {
                case "funds" -> "fund_checks.csv";
                default -> link + ".csv";
            };
            args.addAll(List.of("--" + link, city.resolve(file).toString()));
        }
        if (links.contains("funds")) {
            args.addAll(List.of("--as-of", "2026-05-31"));
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Main.run(args.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        assertFalse(e.toString().contains("Exception"), e.toString());
        if (links.contains("cadres") && !links.contains("leaders")) {
            assertEquals(2, status, o + e.toString());
            assertEquals("lookback review: --cadres and --satisfaction decide the assistance rule: give --leaders too\n",
                    e.toString());
            return;
        }
        if (method == IntervalMethod.BOOTSTRAP && links.contains("leaders")) { // its risks could not be simulated
            assertEquals(2, status, o + e.toString());
            assertTrue(e.toString().contains("to decide with the bootstrap, give --variance bootstrap"), e.toString());
            return;
        }
        assertEquals(0, status, o + e.toString());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("review.xlsx")));
        assertEquals(links.contains("leaders"), Files.isRegularFile(out.resolve("decisions.csv")), links.toString());
        String estimates = Files.readString(out.resolve("estimates.csv"));
        assertTrue(estimates.contains("," + method.label() + ","), "every estimate by the method asked for");
        if (links.contains("leaders")) {
            List<String> decisions = Files.readAllLines(out.resolve("decisions.csv"));
            for (String d : decisions.subList(1, decisions.size())) {
                assertTrue(d.contains(",TRIGGERED,") || d.contains(",NOT_TRIGGERED,") || d.contains(",NO_DATA,"), d);
            }
            if (links.contains("cadres")) {
                String assistance = Files.readString(out.resolve("assistance.csv"));
                assertTrue(assistance.contains("\nALL,cadre_noncompliance,cadres,") && assistance.contains(","
                        + method.label() + ","), "the assistance link through the one estimation path: " + assistance);
            }
        }
    }

    /**
     * The bootstrap as a variance estimator: every link decided on the default interval with the replicate variance,
     * the bootstrap's percentile interval beside it, for the error rates and the assistance link alike.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Unit.class)
    void theBootstrapDecidesAsAVarianceEstimator(Unit unit) throws IOException {
        List<String> estimates = new ArrayList<>();
        for (String variance : List.of("linearised", "bootstrap")) {
            Path out = dir.resolve("variance-" + variance + "-" + unit.label());
            List<String> args = new ArrayList<>(List.of("review", "--input", core().toString(), "--ci-method",
                    "korn-graubard-nb,bootstrap", "--variance", variance, "--unit", unit.label(), "--bootstrap-replicates",
                    "200", "--report", "none", "--charts", "none", "--as-of", "2026-05-31", "--out", out.toString()));
            for (String link : List.of("leaders", "cadres", "satisfaction", "funds")) {
                args.addAll(List.of("--" + link, city.resolve(link.equals("funds") ? "fund_checks.csv" : link + ".csv")
                        .toString()));
            }
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            assertEquals(0, dev.lookback.cli.Main.run(args.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e)),
                    o + e.toString());
            assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"variance\": \"" + variance + "\""));
            String assistance = Files.readString(out.resolve("assistance.csv"));
            assertTrue(assistance.contains(",bootstrap,") && assistance.contains("\nALL,satisfaction,households,"),
                    assistance);
            estimates.add(Files.readString(out.resolve("estimates.csv")));
        }
        // the same estimates, another standard error: the replicate variance's
        List<String> linearised = estimates.get(0).lines().toList();
        List<String> bootstrap = estimates.get(1).lines().toList();
        assertEquals(linearised.size(), bootstrap.size());
        int differ = 0;
        for (int i = 1; i < linearised.size(); i++) {
            String[] a = linearised.get(i).split(",");
            String[] b = bootstrap.get(i).split(",");
            assertEquals(a[7], b[7], "R̂ is the same: " + linearised.get(i));
            differ += a[8].equals(b[8]) ? 0 : 1;
        }
        assertTrue(differ > linearised.size() / 4, "the standard errors are the bootstrap's: " + differ);
    }

    /** A folder with the frame, the sample and its certificate, the register and the spot check only. */
    static synchronized Path core() throws IOException {
        Path core = dir.resolve("core");
        if (!Files.isDirectory(core)) {
            Files.createDirectories(core);
            for (String f : List.of("villages.csv", "sample.csv", "sample.certificate.json", "self_check.csv",
                    "spot_check.csv")) {
                Files.copy(city.resolve(f), core.resolve(f));
            }
        }
        return core;
    }
}
