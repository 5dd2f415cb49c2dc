package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Finding;
import dev.lookback.check.Unit;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.ErrorRates;
import dev.lookback.rates.MeasureTallies;
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
    /** tallies.csv: when given, the estimates come from it and the register and spot check are absent. */
    private final TabularSource tallies;
    private final Settings settings;

    /**
     * Everything a review can be told besides its four inputs. Each {@code with}-style method of
     * {@link Review} changes one field of a fresh copy, which is checked before a review holds it.
     */
    private static final class Settings implements Cloneable {
        Unit unit = Unit.PERSONS;
        double level = 0.95;
        List<IntervalMethod> methods = List.of(IntervalMethod.KORN_GRAUBARD);
        LonelyPsu lonelyPsu = LonelyPsu.ADJUST;
        RaoWuBootstrap bootstrap = ErrorRates.DEFAULT_BOOTSTRAP;
        TabularSource leaders;
        double threshold = ReviewResult.DEFAULT_THRESHOLD;
        DecisionPolicy policy = DecisionPolicy.POINT;
        TabularSource cadres;
        TabularSource satisfaction;
        double tolerance = 0.10;
        double minimumSatisfaction = 0.90;
        AssistanceCheck.Minimums minimums = AssistanceCheck.Minimums.defaults();
        TabularSource funds;
        double materiality = 0.01;
        java.time.LocalDate asOf;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        Settings checked() {
            Objects.requireNonNull(unit, "unit");
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1), got " + level);
            }
            methods = List.copyOf(methods);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("at least one interval method is needed");
            }
            Objects.requireNonNull(lonelyPsu, "lonelyPsu");
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(minimums, "minimums");
            for (double share : new double[] {threshold, tolerance, minimumSatisfaction, materiality}) {
                if (!(share > 0 && share < 1)) {
                    throw new IllegalArgumentException("thresholds, tolerance, minimum satisfaction and materiality must"
                            + " be in (0, 1), got " + share);
                }
            }
            return this;
        }
    }

    private Review(TabularSource frame, TabularSource sample, TabularSource selfCheck, TabularSource spotCheck,
            TabularSource tallies, Settings settings) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.sample = Objects.requireNonNull(sample, "sample");
        if (tallies == null) {
            this.selfCheck = Objects.requireNonNull(selfCheck, "selfCheck");
            this.spotCheck = Objects.requireNonNull(spotCheck, "spotCheck");
        } else {
            this.selfCheck = null;
            this.spotCheck = null;
        }
        this.tallies = tallies;
        this.settings = settings;
    }

    private Review with(Settings newSettings) {
        return new Review(frame, sample, selfCheck, spotCheck, tallies, newSettings);
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
        return new Review(frame, sample, selfCheck, spotCheck, null, new Settings().checked());
    }

    /**
     * A review from village tallies computed elsewhere (tallies.csv: {@code county, village, measure,
     * errors, units}; see {@link MeasureTallies#read}), with the frame and the sample that carry the
     * design. The estimates equal those of the household review whose tallies they are; there are no
     * household discrepancies to list. Set {@link #unit} to what the tallies count.
     */
    public static Review ofTallies(TabularSource frame, TabularSource sample, TabularSource tallies) {
        return new Review(frame, sample, null, null, Objects.requireNonNull(tallies, "tallies"),
                new Settings().checked());
    }

    /** As {@link #ofTallies(TabularSource, TabularSource, TabularSource)}, for files (CSV in UTF-8, or .xlsx). */
    public static Review ofTallies(Path frame, Path sample, Path tallies) {
        return ofTallies(TabularSource.of(frame), TabularSource.of(sample), TabularSource.of(tallies));
    }

    /** Counts persons (default) or households. */
    public Review unit(Unit unit) {
        Settings s = settings.copy();
        s.unit = unit;
        return with(s.checked());
    }


    /** The confidence level, default 0.95. */
    public Review level(double level) {
        Settings s = settings.copy();
        s.level = level;
        return with(s.checked());
    }


    /** The interval methods; the first is the one decisions use. Default Korn–Graubard. */
    public Review methods(IntervalMethod... methods) {
        Settings s = settings.copy();
        s.methods = List.of(methods);
        return with(s.checked());
    }


    /** What a county with a single sampled village contributes to the city row (default ADJUST). */
    public Review lonelyPsu(LonelyPsu lonely) {
        Settings s = settings.copy();
        s.lonelyPsu = lonely;
        return with(s.checked());
    }


    /** The bootstrap for {@link IntervalMethod#BOOTSTRAP} intervals (default 1000 replicates, seed 1). */
    public Review bootstrap(RaoWuBootstrap bootstrap) {
        Settings s = settings.copy();
        s.bootstrap = bootstrap;
        return with(s.checked());
    }


    /** The county leaders (leaders.csv): with them the review decides the accountability rules. */
    public Review leaders(TabularSource leaders) {
        Settings s = settings.copy();
        s.leaders = leaders;
        return with(s.checked());
    }


    /** The identification/exit threshold (default 0.02; a rate at or above it triggers). */
    public Review threshold(double threshold) {
        Settings s = settings.copy();
        s.threshold = threshold;
        return with(s.checked());
    }


    /** How sampling uncertainty enters decisions (default point). */
    public Review policy(DecisionPolicy policy) {
        Settings s = settings.copy();
        s.policy = policy;
        return with(s.checked());
    }


    /**
     * The assistance link: cadres.csv and satisfaction.csv (either may be null), the cadre
     * non-compliance tolerance (default 0.10) and the satisfaction standard (default 0.90). Decided
     * when leaders are given.
     */
    public Review assistance(TabularSource cadres, TabularSource satisfaction, double tolerance,
            double minimumSatisfaction) {
        return assistance(cadres, satisfaction, tolerance, minimumSatisfaction, AssistanceCheck.Minimums.defaults());
    }

    /** As {@link #assistance(TabularSource, TabularSource, double, double)}, with the cadres' minimum months. */
    public Review assistance(TabularSource cadres, TabularSource satisfaction, double tolerance,
            double minimumSatisfaction, AssistanceCheck.Minimums minimums) {
        Settings s = settings.copy();
        s.cadres = cadres;
        s.satisfaction = satisfaction;
        s.tolerance = tolerance;
        s.minimumSatisfaction = minimumSatisfaction;
        s.minimums = minimums;
        return with(s.checked());
    }


    /**
     * The fund link: fund_checks.csv, the materiality (default 0.01) for the misused share and the
     * share of overdue or unstarted projects, and the date as of which an unfinished project past its
     * planned date counts as overdue (null: only late finishes and unstarted projects count).
     */
    public Review funds(TabularSource fundChecks, double materiality, java.time.LocalDate asOf) {
        Settings s = settings.copy();
        s.funds = fundChecks;
        s.materiality = materiality;
        s.asOf = asOf;
        return with(s.checked());
    }


    /**
     * Reads the inputs, cross-checks, estimates, and decides (when leaders are given).
     *
     * @throws dev.lookback.io.InputException when an input cannot be used (with file, line and column)
     */
    public ReviewResult run() {
        Settings s = settings;
        Frame f = Frame.read(frame);
        Sample sampled = Sample.read(sample, f);
        CrossCheckResult cross;
        List<ErrorRate> rates;
        if (tallies == null) {
            cross = CrossCheck.run(f, sampled, selfCheck, spotCheck);
            rates = ErrorRates.estimate(cross, s.unit, s.level, s.methods, s.lonelyPsu, s.bootstrap);
        } else {
            List<Finding> findings = new java.util.ArrayList<>();
            MeasureTallies given = MeasureTallies.read(tallies, f, sampled, findings);
            cross = new CrossCheckResult(f, sampled, List.of(), List.of(), findings, 0, 0);
            rates = ErrorRates.estimate(f, given, s.unit, s.level, s.methods, s.lonelyPsu, s.bootstrap);
        }
        List<Decision> decisions = new java.util.ArrayList<>();
        List<AssistanceCheck.Rate> assist = new java.util.ArrayList<>();
        if (s.cadres != null) {
            assist.addAll(AssistanceCheck.cadres(s.cadres, f, s.minimums, s.methods.get(0),
                    s.level));
        }
        if (s.satisfaction != null) {
            assist.addAll(AssistanceCheck.satisfaction(s.satisfaction, f, s.methods.get(0), s.level));
        }
        List<dev.lookback.funds.FundChecks.Check> fundChecks = s.funds == null ? List.of()
                : dev.lookback.funds.FundChecks.read(s.funds);
        if (s.leaders != null) {
            Leaders people = Leaders.read(s.leaders);
            decisions.addAll(Decisions.identificationExit(rates, people, s.threshold, s.policy));
            decisions.addAll(Decisions.assistance(assist, people, s.tolerance, s.minimumSatisfaction, s.policy));
            if (!fundChecks.isEmpty()) {
                decisions.addAll(Decisions.funds(dev.lookback.funds.FundChecks.byCounty(fundChecks, s.asOf), people,
                        s.materiality, s.policy));
            }
        }
        List<String> inputs = new java.util.ArrayList<>(List.of(frame.name(), sample.name()));
        for (TabularSource t : new TabularSource[] {selfCheck, spotCheck, tallies, s.leaders, s.cadres, s.satisfaction,
            s.funds}) {
            if (t != null) {
                inputs.add(t.name());
            }
        }
        ReviewSettings used = new ReviewSettings(s.unit, s.level, s.methods, s.lonelyPsu, s.bootstrap.toString(),
                s.threshold, s.policy, s.tolerance, s.minimumSatisfaction, s.materiality, s.asOf, inputs);
        return new ReviewResult(cross, rates, decisions, fundChecks, assist, used);
    }

    @Override
    public String toString() {
        return "Review of " + frame.name() + ", " + sample.name() + ", " + (tallies == null ? selfCheck.name() + ", "
                + spotCheck.name() : tallies.name())
                + ": " + settings.unit.label() + ", level " + settings.level + ", " + settings.methods
                + ", lonely PSU " + settings.lonelyPsu + ", policy " + settings.policy.label() + ", threshold "
                + settings.threshold;
    }
}
