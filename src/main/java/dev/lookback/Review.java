package dev.lookback;

import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Unit;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.ErrorRates;
import dev.lookback.survey.DecisionPolicy;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The whole look-back review in a few lines: read the frame, the sample, the self-check register and
 * the spot check; cross-check them; estimate every error rate per county and for the city.
 *
 * <pre>{@code
 * var result = Review.of(Path.of("villages.csv"), Path.of("sample.csv"),
 *                        Path.of("self_check.csv"), Path.of("spot_check.csv"))
 *                    .unit(Unit.HOUSEHOLDS).run();
 * result.rate("C03", Measure.EXIT);      // exit 精准退出误差率 C03: 1.23% [0.41%, 3.80%] KG 95%, ...
 * result.estimatesTable().print();
 * }</pre>
 *
 * <p>Immutable: each {@code with}-style method returns a new review. Nothing is read until
 * {@link #run()}.
 */
public final class Review {
    private final TabularSource frame;
    private final TabularSource sample;
    private final TabularSource selfCheck;
    private final TabularSource spotCheck;
    private final Unit unit;
    private final double level;
    private final List<IntervalMethod> methods;
    private final LonelyPsu lonelyPsu;
    private final RaoWuBootstrap bootstrap;
    private final TabularSource leaders;
    private final double threshold;
    private final DecisionPolicy policy;

    private Review(TabularSource frame, TabularSource sample, TabularSource selfCheck, TabularSource spotCheck,
            Unit unit, double level, List<IntervalMethod> methods, LonelyPsu lonelyPsu, RaoWuBootstrap bootstrap,
            TabularSource leaders, double threshold, DecisionPolicy policy) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.sample = Objects.requireNonNull(sample, "sample");
        this.selfCheck = Objects.requireNonNull(selfCheck, "selfCheck");
        this.spotCheck = Objects.requireNonNull(spotCheck, "spotCheck");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        this.level = level;
        this.methods = List.copyOf(methods);
        if (this.methods.isEmpty()) {
            throw new IllegalArgumentException("at least one interval method is needed");
        }
        this.lonelyPsu = Objects.requireNonNull(lonelyPsu, "lonelyPsu");
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        this.leaders = leaders;
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        this.threshold = threshold;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A review of four files (CSV in UTF-8, or .xlsx), with the defaults: persons, 95%, Korn–Graubard. */
    public static Review of(Path frame, Path sample, Path selfCheck, Path spotCheck) {
        return of(frame, sample, selfCheck, spotCheck, StandardCharsets.UTF_8);
    }

    /**
     * A review of the four files in a folder, by their contract names: villages.csv, sample.csv,
     * self_check.csv and spot_check.csv (UTF-8).
     */
    public static Review ofFolder(Path dir) {
        return of(dir.resolve("villages.csv"), dir.resolve("sample.csv"), dir.resolve("self_check.csv"),
                dir.resolve("spot_check.csv"));
    }

    /** A review of four files with CSV in the given encoding (e.g. {@code Charset.forName("GBK")}). */
    public static Review of(Path frame, Path sample, Path selfCheck, Path spotCheck, Charset encoding) {
        return of(TabularSource.of(frame, encoding), TabularSource.of(sample, encoding),
                TabularSource.of(selfCheck, encoding), TabularSource.of(spotCheck, encoding));
    }

    /** A review of Tablesaw tables (never changed). */
    public static Review of(Table frame, Table sample, Table selfCheck, Table spotCheck) {
        return of(TabularSource.of("villages", frame), TabularSource.of("sample", sample),
                TabularSource.of("self_check", selfCheck), TabularSource.of("spot_check", spotCheck));
    }

    /** A review of any sources (files, streams, tables). */
    public static Review of(TabularSource frame, TabularSource sample, TabularSource selfCheck,
            TabularSource spotCheck) {
        return new Review(frame, sample, selfCheck, spotCheck, Unit.PERSONS, 0.95,
                List.of(IntervalMethod.KORN_GRAUBARD), LonelyPsu.ADJUST,
                ErrorRates.DEFAULT_BOOTSTRAP, null, ReviewResult.DEFAULT_THRESHOLD, DecisionPolicy.POINT);
    }

    /** Counts persons (default) or households. */
    public Review unit(Unit newUnit) {
        return new Review(frame, sample, selfCheck, spotCheck, newUnit, level, methods, lonelyPsu, bootstrap, leaders,
                threshold, policy);
    }

    /** The confidence level, default 0.95. */
    public Review level(double newLevel) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, newLevel, methods, lonelyPsu, bootstrap, leaders,
                threshold, policy);
    }

    /** The interval methods; the first is the one decisions use. Default Korn–Graubard. */
    public Review methods(IntervalMethod... newMethods) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, List.of(newMethods), lonelyPsu, bootstrap,
                leaders, threshold, policy);
    }

    /** What a county with a single sampled village contributes to the city row (default ADJUST). */
    public Review lonelyPsu(LonelyPsu lonely) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, methods, lonely, bootstrap, leaders,
                threshold, policy);
    }

    /** The bootstrap for {@link IntervalMethod#BOOTSTRAP} intervals (default 1000 replicates, seed 1). */
    public Review bootstrap(RaoWuBootstrap newBootstrap) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, methods, lonelyPsu, newBootstrap, leaders,
                threshold, policy);
    }

    /** The county leaders (leaders.csv): with them the review decides the accountability rules. */
    public Review leaders(TabularSource newLeaders) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, methods, lonelyPsu, bootstrap, newLeaders,
                threshold, policy);
    }

    /** The identification/exit threshold (default 0.02; a rate at or above it triggers). */
    public Review threshold(double newThreshold) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, methods, lonelyPsu, bootstrap, leaders,
                newThreshold, policy);
    }

    /** How sampling uncertainty enters decisions (default point). */
    public Review policy(DecisionPolicy newPolicy) {
        return new Review(frame, sample, selfCheck, spotCheck, unit, level, methods, lonelyPsu, bootstrap, leaders,
                threshold, newPolicy);
    }

    /**
     * Reads the inputs, cross-checks, and estimates.
     *
     * @throws dev.lookback.io.InputException when an input cannot be used (with file, line and column)
     */
    public ReviewResult run() {
        Frame f = Frame.read(frame);
        Sample s = Sample.read(sample, f);
        CrossCheckResult cross = CrossCheck.run(f, s, selfCheck, spotCheck);
        List<ErrorRate> rates = ErrorRates.estimate(cross, unit, level, methods, lonelyPsu, bootstrap);
        List<Decision> decisions = leaders == null ? List.of()
                : Decisions.identificationExit(rates, Leaders.read(leaders), threshold, policy);
        return new ReviewResult(cross, rates, decisions);
    }

    @Override
    public String toString() {
        return "Review of " + frame.name() + ", " + sample.name() + ", " + selfCheck.name() + ", " + spotCheck.name()
                + ": " + unit.label() + ", level " + level + ", " + methods + ", lonely PSU " + lonelyPsu;
    }
}
