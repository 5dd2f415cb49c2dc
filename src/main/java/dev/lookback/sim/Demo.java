package dev.lookback.sim;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.ReviewSettings;
import dev.lookback.decide.Decisions;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Certificate;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.FollowUp;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The demo review: a synthetic city with known true rates, drawn from a public seed with a
 * certificate, spot-checked, with cadres, satisfaction answers, fund checks and leaders, and the full
 * review of the files written. {@code lookback demo} prints and reports it; in JShell,
 * {@code Demo.review()} is a review to explore.
 *
 * @param city   the city (its true rates are known)
 * @param draw   the draw of villages
 * @param inputs the folder of input files
 * @param result the review
 */
public record Demo(SyntheticCity city, DrawResult draw, Path inputs, ReviewResult result) {
    /** The demo's public seed. */
    public static final String SEED = "lookback-demo-2026";
    /** The demo's review date: unfinished projects past their planned date by then are overdue. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 5, 31);
    /** Villages drawn per county. */
    public static final int PER_COUNTY = 8;

    /**
     * Generates the city of a seed, draws {@code perCounty} villages per county, writes every input
     * into {@code inputs} (villages, sample with certificate, register, spot check, leaders, cadres,
     * satisfaction, fund checks) and reviews them with Korn–Graubard, logit, Wilson and Wald intervals.
     */
    public static Demo run(Path inputs, String seed, int perCounty, Unit unit) throws IOException {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(SyntheticCity.seedOf(seed)));
        DrawResult drawn = Draw.draw(city.frame(), seed, DrawMethod.SRS, Allocation.perCounty(city.frame(), perCounty));
        Sample sample = Draw.sample(drawn);
        city.writeFrameAndRegister(inputs);
        city.writeSpotCheck(sample, inputs);
        city.writeLeaders(inputs);
        city.writeAssistanceAndFunds(sample, inputs);
        city.writeReports(sample, inputs, AS_OF);
        city.writeRecheck(sample, inputs, SEED + " 第三方评估", 2, 0.03);
        drawn.writeCertificate(inputs.resolve("sample.certificate.json"), "villages.csv",
                Tickets.fileSha256(inputs.resolve("villages.csv")), version());
        // every input of the folder (leaders, cadres, satisfaction, funds, reports, re-check) and its certificate,
        // whose two declared rounds set the decisions' level
        ReviewResult result = Review.ofFolder(inputs).settings(settings(unit)).run();
        return new Demo(city, drawn, inputs, result);
    }

    /**
     * The demo's follow-up round (回头看第二轮), the whole loop in one call: the counties whose decisions this
     * round left unsettled get their villages to settle, drawn as the extension of the certified draw
     * ({@link FollowUp}); the round's sample, certificate and visits are written into {@code dir}, the synthetic
     * city's checkers visit every village of the combined sample (spot check, cadres, satisfaction and funds
     * into {@code dir}), and the combined sample is reviewed with the same declared rounds, each county decided
     * on all its villages.
     */
    public Demo followUp(Path dir) throws IOException {
        Path certificate = inputs.resolve("sample.certificate.json");
        Certificate previous = Certificate.read(certificate);
        String frameSha = Tickets.fileSha256(frameFile());
        FollowUp f = FollowUp.extend(city.frame(), frameSha, previous, Tickets.fileSha256(certificate),
                FollowUp.additions(Decisions.unsettled(result.decisions()), previous.villagesPerCounty()));
        Files.createDirectories(dir);
        Files.copy(frameFile(), dir.resolve("villages.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(inputs.resolve("self_check.csv"), dir.resolve("self_check.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(inputs.resolve("leaders.csv"), dir.resolve("leaders.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Sample combined = Draw.sample(f.draw());
        city.writeSpotCheck(combined, dir); // the checkers' visits (it writes a plain sample.csv, replaced below)
        city.writeAssistanceAndFunds(combined, dir);
        f.write(dir.resolve("sample.csv"), dir.resolve("sample.certificate.json"), dir.resolve("visits.csv"),
                "villages.csv", frameSha, version());
        ReviewResult again = Review.ofFolder(dir).settings(result.settings()).run();
        return new Demo(city, f.draw(), dir, again);
    }

    /**
     * The demo's settings: the defaults (decisions on the default interval method, first) with R's Korn–Graubard,
     * logit, Wilson and Wald intervals beside it, and the review date {@link #AS_OF}.
     */
    public static ReviewSettings settings(Unit unit) {
        ReviewSettings d = ReviewSettings.defaults();
        java.util.List<IntervalMethod> methods = new java.util.ArrayList<>(d.methods());
        for (IntervalMethod m : java.util.List.of(IntervalMethod.KORN_GRAUBARD, IntervalMethod.LOGIT, IntervalMethod.WILSON,
                IntervalMethod.WALD)) {
            if (!methods.contains(m)) {
                methods.add(m);
            }
        }
        return d.withUnit(unit).withAsOf(AS_OF).withMethods(methods);
    }

    private Path frameFile() {
        return inputs.resolve("villages.csv");
    }

    /** The demo review with the default seed, inputs in a temporary folder. */
    public static ReviewResult review() {
        try {
            return run(Files.createTempDirectory("lookback-demo"), SEED, PER_COUNTY, Unit.PERSONS).result();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        String v = Demo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
