package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Finding;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.ErrorRates;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.vocabulary.DecisionPolicy;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
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
 * Tables.estimates(result).print();    // dev.lookback.report: every view and file of a result
 * }</pre>
 *
 * <p>Immutable: each {@code with}-style method returns a new review. Nothing is read until
 * {@link #run()}.
 */
public final class Review {
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }

    private final TabularSource frame;
    private final TabularSource sample;
    private final TabularSource selfCheck;
    private final TabularSource spotCheck;
    /** tallies.csv: when given, the estimates come from it and the register and spot check are absent. */
    private final TabularSource tallies;
    private final TabularSource leaders;
    private final TabularSource cadres;
    private final TabularSource satisfaction;
    private final TabularSource funds;
    /** reports.csv (群众举报): leads, listed and followed, never in a rate. */
    private final TabularSource reports;
    /** recheck.csv (第三方评估): the second check of a few spot-checked villages. */
    private final TabularSource recheck;
    /** With tallies: the rectification list and the findings of the engine that counted them (either may be null). */
    private final TabularSource discrepancyList;
    private final TabularSource findingList;
    private final ReviewSettings settings;

    private Review(TabularSource frame, TabularSource sample, TabularSource selfCheck, TabularSource spotCheck,
            TabularSource tallies, TabularSource leaders, TabularSource cadres, TabularSource satisfaction,
            TabularSource funds, TabularSource reports, TabularSource recheck, TabularSource discrepancyList,
            TabularSource findingList, ReviewSettings settings) {
        this.discrepancyList = discrepancyList;
        this.findingList = findingList;
        this.reports = reports;
        this.recheck = recheck;
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
        this.leaders = leaders;
        this.cadres = cadres;
        this.satisfaction = satisfaction;
        this.funds = funds;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The same inputs with other settings. */
    public Review settings(ReviewSettings newSettings) {
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds,
                reports, recheck, discrepancyList, findingList, newSettings);
    }

    /** How this review will run. */
    public ReviewSettings settings() {
        return settings;
    }

    /** A review of four files (CSV in UTF-8, or .xlsx), with the defaults ({@link ReviewSettings#defaults()}). */
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
        return new Review(frame, sample, selfCheck, spotCheck, null, null, null, null, null, null, null, null, null,
                ReviewSettings.defaults());
    }

    /**
     * A review from village tallies computed elsewhere (tallies.csv: {@code county, village, measure,
     * errors, units}; see {@link MeasureTallies#read}), with the frame and the sample that carry the
     * design. The estimates equal those of the household review whose tallies they are; there are no
     * household discrepancies to list. Set {@link #unit} to what the tallies count.
     */
    public static Review ofTallies(TabularSource frame, TabularSource sample, TabularSource tallies) {
        return new Review(frame, sample, null, null, Objects.requireNonNull(tallies, "tallies"), null, null, null, null,
                null, null, null, null, ReviewSettings.defaults());
    }

    /** As {@link #ofTallies(TabularSource, TabularSource, TabularSource)}, for files (CSV in UTF-8, or .xlsx). */
    public static Review ofTallies(Path frame, Path sample, Path tallies) {
        return ofTallies(TabularSource.of(frame), TabularSource.of(sample), TabularSource.of(tallies));
    }

    /** Counts persons (default) or households. */
    public Review unit(Unit unit) {
        return settings(settings.withUnit(unit));
    }

    /**
     * The rounds declared in advance (the draw certificate's {@code rounds}): each look decides at
     * 1 − (1 − level)/K, so that the chance of a wrong accusation over the whole sequence stays within one look's.
     */
    public Review rounds(int k) {
        return settings(settings.withRounds(k));
    }

    /** The confidence level, default 0.95. */
    public Review level(double level) {
        return settings(settings.withLevel(level));
    }

    /** The interval methods; the first is the one decisions use. Default Korn–Graubard. */
    public Review methods(IntervalMethod... methods) {
        return settings(settings.withMethods(List.of(methods)));
    }

    /** What a county with a single sampled village contributes to the city row (default ADJUST). */
    public Review lonelyPsu(LonelyPsu lonely) {
        return settings(settings.withLonelyPsu(lonely));
    }

    /** The bootstrap for {@link IntervalMethod#BOOTSTRAP} intervals (default: 1000 replicates, seed "lookback"). */
    public Review bootstrap(RaoWuBootstrap bootstrap) {
        return settings(settings.withBootstrap(bootstrap));
    }

    /**
     * The intraclass correlation of errors in households to assume where the review cannot estimate it
     * (default {@link dev.lookback.draw.Plan#TYPICAL_RHO}): it sets how many independent households the
     * exact bound at zero errors counts.
     */
    public Review rho(double prior) {
        return settings(settings.withRho(prior));
    }

    /** The county leaders (leaders.csv): with them the review decides the accountability rules. */
    public Review leaders(TabularSource leaders) {
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds, reports, recheck, discrepancyList, findingList, settings);
    }

    /** The identification/exit threshold (default 0.02; a rate at or above it triggers). */
    public Review threshold(double threshold) {
        return settings(settings.withLine(Line.ERROR_THRESHOLD, threshold));
    }

    /** How sampling uncertainty enters decisions (default point). */
    public Review policy(DecisionPolicy policy) {
        return settings(settings.withPolicy(policy));
    }

    /**
     * The assistance link: cadres.csv and satisfaction.csv (either may be null), the cadre
     * non-compliance tolerance (default 0.10) and the satisfaction standard (default 0.90). Decided
     * when leaders are given.
     */
    public Review assistance(TabularSource cadres, TabularSource satisfaction, double tolerance,
            double minimumSatisfaction) {
        return assistance(cadres, satisfaction, tolerance, minimumSatisfaction, settings.minimums());
    }

    /** As {@link #assistance(TabularSource, TabularSource, double, double)}, with the cadres' minimum months. */
    public Review assistance(TabularSource cadres, TabularSource satisfaction, double tolerance,
            double minimumSatisfaction, AssistanceCheck.Minimums minimums) {
        ReviewSettings s = settings.withLine(Line.CADRE_TOLERANCE, tolerance)
                .withLine(Line.SATISFACTION_STANDARD, minimumSatisfaction).withMinimums(minimums);
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds, reports, recheck, discrepancyList, findingList, s);
    }

    /**
     * The fund link: fund_checks.csv, the materiality (default 0.01) for the misused share and the
     * share of overdue or unstarted projects, and the date as of which an unfinished project past its
     * planned date counts as overdue (null: only late finishes and unstarted projects count).
     */
    public Review funds(TabularSource fundChecks, double materiality, java.time.LocalDate asOf) {
        ReviewSettings s = settings.withLine(Line.MATERIALITY, materiality).withAsOf(asOf);
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, fundChecks, reports, recheck, discrepancyList, findingList, s);
    }

    /**
     * Reports from the public (reports.csv, 群众举报), verified within {@code days} days: listed per county, confirmed
     * household leads joining the rectification lists and project and cadre leads the referrals; they change no
     * rate and no decision (a lead is a targeted observation, not a sampled one).
     */
    public Review reports(TabularSource reportsCsv, int days) {
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds, reportsCsv,
                recheck, discrepancyList, findingList, settings.withReportDays(days));
    }

    /**
     * The third-party re-check (recheck.csv, 第三方评估: household, county, village, qualifies) of a few spot-checked
     * villages: how well it agrees with the spot check (Cohen's κ with a jackknife interval over villages) and which
     * households it disputes; it changes no rate and no decision.
     */
    public Review recheck(TabularSource recheckCsv) {
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds, reports,
                recheckCsv, discrepancyList, findingList, settings);
    }

    /**
     * With {@link #ofTallies tallies}: the rectification list (discrepancies.csv) and the data-quality findings
     * (data_quality.csv) of the engine that counted them, read back so that the report, the workbooks and the
     * rectification lists show them (see {@link dev.lookback.check.HouseholdLists}); either may be {@code null}.
     * They never enter an estimate.
     *
     * @throws IllegalStateException for a review of households, which makes its own lists
     */
    public Review householdLists(TabularSource discrepancies, TabularSource dataQuality) {
        if (tallies == null) {
            throw new IllegalStateException("a review of households makes its own lists; these are for a review of tallies");
        }
        return new Review(frame, sample, selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds, reports,
                recheck, discrepancies, dataQuality, settings);
    }

    /**
     * Reads the inputs, cross-checks, estimates, and decides (when leaders are given).
     *
     * @throws dev.lookback.io.InputException when an input cannot be used (with file, line and column)
     */
    public ReviewResult run() {
        ReviewSettings s = settings;
        Frame f = Frame.read(frame);
        Sample sampled = Sample.read(sample, f);
        CrossCheckResult cross;
        List<ErrorRate> rates;
        MeasureTallies counts;
        if (tallies == null) {
            cross = CrossCheck.run(f, sampled, selfCheck, spotCheck);
            counts = MeasureTallies.of(cross, s.unit());
            rates = ErrorRates.estimate(f, counts, s.unit(), s.level(), s.methods(), s.lonelyPsu(), s.bootstrap(), s.rho());
        } else {
            List<Finding> findings = new java.util.ArrayList<>();
            MeasureTallies given = MeasureTallies.read(tallies, f, sampled, findings);
            if (!given.hasHouseholds() && s.unit() != Unit.HOUSEHOLDS) {
                findings.add(new Finding(tallies.name(), 0, "domain_households", "", "", "",
                        FindingType.NO_HOUSEHOLD_COUNTS, false, "the tallies count " + s.unit().label() + " without"
                                + " household_errors and domain_households: a zero-error bound counts "
                                + s.unit().label() + " as independent units and is too narrow"));
            }
            if (findingList != null) {
                findings.addAll(0, dev.lookback.check.HouseholdLists.findings(findingList));
            }
            List<dev.lookback.check.Discrepancy> listed = discrepancyList == null ? List.of()
                    : dev.lookback.check.HouseholdLists.discrepancies(discrepancyList, sampled);
            cross = new CrossCheckResult(f, sampled, List.of(), listed, findings, 0, 0);
            counts = given;
            rates = ErrorRates.estimate(f, given, s.unit(), s.level(), s.methods(), s.lonelyPsu(), s.bootstrap(), s.rho());
        }
        if (tallies == null) { // a later round's village without data would count as a village without households
            List<String> unchecked = cross.findings().stream()
                    .filter(x -> x.type() == FindingType.VILLAGE_NOT_CHECKED && sampled.round(x.village()) > 1)
                    .map(Finding::village).distinct().toList();
            if (!unchecked.isEmpty()) {
                throw new IllegalArgumentException(unchecked.size() + " " + (unchecked.size() == 1 ? "village" : "villages")
                        + " of round " + sampled.lastRound() + " have no spot-checked household ("
                        + String.join(", ", unchecked.subList(0, Math.min(5, unchecked.size())))
                        + (unchecked.size() > 5 ? ", …" : "") + "): add their spot checks to --spot-check before reviewing"
                        + " the round; nothing written / 本轮新增村尚无入户核查数据");
            }
        }
        IntervalMethod first = s.methods().get(0);
        List<AssistanceCheck.Rate> assist = new java.util.ArrayList<>();
        if (cadres != null) {
            assist.addAll(AssistanceCheck.cadres(cadres, f, sampled, s.minimums(), first, s.level(), s.rho(),
                    s.bootstrap()));
        }
        if (satisfaction != null) {
            assist.addAll(AssistanceCheck.satisfaction(satisfaction, f, sampled, first, s.level(), s.rho(),
                    s.bootstrap()));
        }
        List<dev.lookback.funds.FundChecks.Check> fundChecks = funds == null ? List.of()
                : dev.lookback.funds.FundChecks.read(funds);
        List<Decision> decisions = List.of();
        PolicyComparison policies = null;
        if (leaders != null) {
            List<Measurement> measured = new java.util.ArrayList<>();
            java.util.Map<Measure, Double> rho = new java.util.EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                rho.put(m, ErrorRates.rho(counts, s.unit(), m, s.rho()));
            }
            // with K rounds declared, every look decides at 1 − (1 − level)/K (the error split over the rounds)
            double at = s.decisionLevel();
            for (ErrorRate r : rates) {
                Measurement m = Measurement.of(r).atLevel(at);
                measured.add(m.withSimulation(simulation(r, m.interval().level(), counts, f, rho.get(r.measure()))));
            }
            for (AssistanceCheck.Rate r : assist) {
                Measurement m = Measurement.of(r).atLevel(at);
                measured.add(m.withSimulation(simulation(r, m.interval().level(), f)));
            }
            for (dev.lookback.funds.FundChecks.CountyFunds c : dev.lookback.funds.FundChecks.byCounty(fundChecks,
                    s.asOf())) {
                for (FundMeasure m : FundMeasure.values()) {
                    measured.add(Measurement.of(c, m, first, at));
                }
            }
            decisions = Decisions.decide(measured, Leaders.read(leaders), s.lines(), s.policy());
            policies = PolicyComparison.of(measured, s.lines());
        }
        List<String> inputs = new java.util.ArrayList<>(List.of(frame.name(), sample.name()));
        for (TabularSource t : new TabularSource[] {selfCheck, spotCheck, tallies, leaders, cadres, satisfaction, funds}) {
            if (t != null) {
                inputs.add(t.name());
            }
        }
        // leads from the public are read and checked here, after everything above: they change no rate or decision
        List<dev.lookback.leads.Leads.Lead> leads = reports == null ? List.of() : dev.lookback.leads.Leads.read(reports, f);
        if (reports != null) {
            inputs.add(reports.name());
        }
        dev.lookback.check.Recheck.Result rechecked = null;
        if (recheck != null) {
            if (selfCheck == null) {
                throw new IllegalArgumentException("a re-check compares households: it needs the register and the spot"
                        + " check, not tallies");
            }
            rechecked = dev.lookback.check.Recheck.run(recheck, selfCheck, spotCheck, sampled, s.level());
            inputs.add(recheck.name());
        }
        return new ReviewResult(cross, rates, decisions, fundChecks, assist, s, inputs, policies, leads, rechecked);
    }

    /** The simulation of a county's assistance measure: cadres or answers are the units, each its own household. */
    private static RiskSimulation simulation(AssistanceCheck.Rate r, double level, Frame f) {
        double[] units = r.villageUnits().stream().mapToDouble(Double::doubleValue).toArray();
        if (units.length == 0 || java.util.Arrays.stream(units).sum() == 0) {
            return null;
        }
        return new RiskSimulation(units, units, f.villageCount(r.county()), r.rho(), r.interval().method(),
                level, ReviewSettings.RISK_REPLICATES, (r.county() + "/" + r.measure().label()).hashCode());
    }

    /**
     * The simulation of a county's error measure from its own sampled villages (null for the city row and for
     * counties whose domain has no unit).
     */
    private static RiskSimulation simulation(ErrorRate r, double level, MeasureTallies counts, Frame f, double rho) {
        if (ErrorRate.ALL.equals(r.county()) || r.measure().rule().isEmpty()) {
            return null;
        }
        double[] h = counts.households(r.measure());
        double[] x = counts.units(r.measure());
        List<Double> hs = new java.util.ArrayList<>();
        List<Double> xs = new java.util.ArrayList<>();
        List<dev.lookback.frame.SampledVillage> villages = counts.sample().villages();
        for (int i = 0; i < villages.size(); i++) {
            if (villages.get(i).county().equals(r.county())) {
                hs.add(h[i]);
                xs.add(x[i]);
            }
        }
        if (hs.isEmpty() || xs.stream().mapToDouble(Double::doubleValue).sum() == 0) {
            return null;
        }
        long seed = (r.county() + "/" + r.measure().label()).hashCode();
        return new RiskSimulation(hs.stream().mapToDouble(Double::doubleValue).toArray(),
                xs.stream().mapToDouble(Double::doubleValue).toArray(), f.villageCount(r.county()),
                rho, r.interval().method(), level, ReviewSettings.RISK_REPLICATES, seed);
    }

    @Override
    public String toString() {
        return "Review of " + frame.name() + ", " + sample.name() + ", " + (tallies == null ? selfCheck.name() + ", "
                + spotCheck.name() : tallies.name()) + " — " + settings;
    }
}
