package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.HouseholdLists;
import dev.lookback.check.MatchGate;
import dev.lookback.check.Mismatch;
import dev.lookback.check.Recheck;
import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.draw.CertificateCheck;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.funds.FundChecks;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.leads.Leads;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.ErrorRates;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.survey.DomainEstimates;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.InputFile;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The whole look-back review in a few lines: read the frame, the sample, the self-check register and
 * the spot check; check the draw against its certificate; cross-check; estimate every error rate per county and
 * for the city; decide the accountability rules when the leaders are given.
 *
 * <pre>{@code
 * var result = Review.ofFolder(Path.of("input")).unit(Unit.HOUSEHOLDS).run();
 * result.rate("C03", Measure.EXIT);      // exit 精准退出误差率 C03: 1.23% [0.41%, 3.80%] KG 95%, ...
 * Tables.estimates(result).print();    // dev.lookback.report: every view and file of a result
 * }</pre>
 *
 * <p>Every entry point reads the same inputs the same way: a folder ({@link #ofFolder}), files, tables, and the
 * command line ({@code lookback review}, which builds its review with these methods) give one set of decisions for
 * one set of files. Immutable: each {@code with}-style method returns a new review. Nothing is read until
 * {@link #run()}.
 */
public final class Review {
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }

    private final ReviewInputs inputs;
    private final ReviewSettings settings;

    private Review(ReviewInputs inputs, ReviewSettings settings) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A review of these inputs with these settings: the two records every entry point builds. */
    public static Review of(ReviewInputs inputs, ReviewSettings settings) {
        for (InputFile required : List.of(InputFile.FRAME, InputFile.SAMPLE)) {
            if (!inputs.has(required)) {
                throw new IllegalArgumentException("a review needs the " + required.english() + " / 缺少"
                        + required.chinese());
            }
        }
        return new Review(inputs, settings);
    }

    private Review with(InputFile role, TabularSource source) {
        return new Review(inputs.with(role, source), settings);
    }

    /** The same inputs with other settings. */
    public Review settings(ReviewSettings newSettings) {
        return new Review(inputs, newSettings);
    }

    /** How this review will run. */
    public ReviewSettings settings() {
        return settings;
    }

    /**
     * The same review with one input replaced (or removed, with {@code null}): any role but the certificate, which
     * {@link #certificate(Path)} and {@link #withoutCertificate()} set.
     */
    public Review input(InputFile role, TabularSource source) {
        if (role == InputFile.CERTIFICATE) {
            throw new IllegalArgumentException("the certificate is JSON, not a table: use certificate(Path)");
        }
        return with(role, source);
    }

    /** What this review will read: the tables by role and where the draw's certificate is. */
    public ReviewInputs inputs() {
        return inputs;
    }

    /**
     * Checks the draw against this certificate (sample.certificate.json) before anything is estimated: the frame's
     * SHA-256, the villages, and the draw re-derived from the certificate's seed; its declared rounds set the
     * decisions' level. By default the review looks beside the sample file.
     */
    public Review certificate(Path file) {
        return new Review(inputs.withCertificate(Objects.requireNonNull(file, "file")), settings);
    }

    /**
     * Reviews without checking the draw's certificate, even one beside the sample: an explicit choice, stated in
     * the report and the manifest (the command line's {@code --no-certificate}).
     */
    public Review withoutCertificate() {
        return new Review(inputs.withoutCertificate(), settings);
    }

    /**
     * A review of four files (CSV in UTF-8 or GBK, detected per file, or .xlsx), with the defaults
     * ({@link ReviewSettings#defaults()}); the draw's certificate is looked for beside the sample.
     */
    public static Review of(Path frame, Path sample, Path selfCheck, Path spotCheck) {
        return of(frame, sample, selfCheck, spotCheck, null);
    }

    /**
     * A review of the inputs in a folder, by their contract names ({@link InputFile#fileName()}, or the same name
     * in .xlsx): villages, sample, self_check and spot_check (or tallies, with discrepancies and data_quality when
     * there), and whichever of leaders, cadres, satisfaction, fund_checks, reports and recheck are there; the
     * draw's certificate sample.certificate.json when it is there. CSV encodings are detected per file.
     */
    public static Review ofFolder(Path dir) {
        return ofFolder(dir, null);
    }

    /**
     * As {@link #ofFolder(Path)}, with CSV in the given encoding ({@code null}: detected per file).
     *
     * @throws IllegalArgumentException when the folder lacks the frame or the sample, holds neither the register and
     *                                  the spot check nor tallies, or holds a file as both CSV and .xlsx
     */
    public static Review ofFolder(Path dir, Charset encoding) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder of inputs / 输入文件夹不存在");
        }
        Map<InputFile, TabularSource> found = new EnumMap<>(InputFile.class);
        for (InputFile role : InputFile.values()) {
            if (role == InputFile.CERTIFICATE) {
                continue;
            }
            Path csv = dir.resolve(role.fileName());
            Path xlsx = dir.resolve(role.workbookName());
            if (Files.isRegularFile(csv) && Files.isRegularFile(xlsx)) {
                throw new IllegalArgumentException(dir + " holds both " + role.fileName() + " and " + role.workbookName()
                        + ": keep the one to review / 同一输入有两个文件，请保留一个");
            }
            Path file = Files.isRegularFile(csv) ? csv : Files.isRegularFile(xlsx) ? xlsx : null;
            if (file != null) {
                found.put(role, TabularSource.of(file, encoding));
            }
        }
        for (InputFile required : List.of(InputFile.FRAME, InputFile.SAMPLE)) {
            if (!found.containsKey(required)) {
                throw new IllegalArgumentException(dir + " has no " + required.fileName() + " (" + required.english()
                        + ") / 缺少" + required.chinese());
            }
        }
        boolean households = found.containsKey(InputFile.SELF_CHECK) || found.containsKey(InputFile.SPOT_CHECK);
        if (households) { // a review of households makes its own lists; tallies are for engines that count elsewhere
            found.remove(InputFile.TALLIES);
            found.remove(InputFile.DISCREPANCIES);
            found.remove(InputFile.DATA_QUALITY);
        } else if (!found.containsKey(InputFile.TALLIES)) {
            throw new IllegalArgumentException(dir + " has neither " + InputFile.SELF_CHECK.fileName() + " and "
                    + InputFile.SPOT_CHECK.fileName() + " nor " + InputFile.TALLIES.fileName() + " / 缺少自查台账和市级抽查");
        }
        return of(found);
    }

    /**
     * A review of inputs by role (the frame and the sample at least; the certificate aside, looked for beside the
     * sample when it is a file): what {@link #ofFolder} and the command line build.
     */
    public static Review of(Map<InputFile, TabularSource> inputs) {
        for (InputFile required : List.of(InputFile.FRAME, InputFile.SAMPLE)) {
            if (!inputs.containsKey(required)) {
                throw new IllegalArgumentException("a review needs the " + required.english() + " / 缺少"
                        + required.chinese());
            }
        }
        return new Review(ReviewInputs.of(inputs), ReviewSettings.defaults());
    }

    /**
     * A review of four files with CSV in the given encoding (e.g. {@code Charset.forName("GBK")}; {@code null}:
     * detected per file); the draw's certificate is looked for beside the sample.
     */
    public static Review of(Path frame, Path sample, Path selfCheck, Path spotCheck, Charset encoding) {
        return of(TabularSource.of(frame, encoding), TabularSource.of(sample, encoding),
                TabularSource.of(selfCheck, encoding), TabularSource.of(spotCheck, encoding));
    }

    /** A review of Tablesaw tables (never changed); without a certificate unless {@link #certificate} gives one. */
    public static Review of(Table frame, Table sample, Table selfCheck, Table spotCheck) {
        return of(TabularSource.of("villages", frame), TabularSource.of("sample", sample),
                TabularSource.of("self_check", selfCheck), TabularSource.of("spot_check", spotCheck));
    }

    /**
     * A review of any sources (files, streams, tables); the certificate beside the sample when it is a file.
     */
    public static Review of(TabularSource frame, TabularSource sample, TabularSource selfCheck,
            TabularSource spotCheck) {
        Map<InputFile, TabularSource> m = new EnumMap<>(InputFile.class);
        m.put(InputFile.FRAME, Objects.requireNonNull(frame, "frame"));
        m.put(InputFile.SAMPLE, Objects.requireNonNull(sample, "sample"));
        m.put(InputFile.SELF_CHECK, Objects.requireNonNull(selfCheck, "selfCheck"));
        m.put(InputFile.SPOT_CHECK, Objects.requireNonNull(spotCheck, "spotCheck"));
        return new Review(ReviewInputs.of(m), ReviewSettings.defaults());
    }

    /**
     * A review from village tallies computed elsewhere (tallies.csv: {@code county, village, measure,
     * errors, units}; see {@link MeasureTallies#read}), with the frame and the sample that carry the
     * design. The estimates equal those of the household review whose tallies they are; there are no
     * household discrepancies to list. Set {@link #unit} to what the tallies count.
     */
    public static Review ofTallies(TabularSource frame, TabularSource sample, TabularSource tallies) {
        Map<InputFile, TabularSource> m = new EnumMap<>(InputFile.class);
        m.put(InputFile.FRAME, Objects.requireNonNull(frame, "frame"));
        m.put(InputFile.SAMPLE, Objects.requireNonNull(sample, "sample"));
        m.put(InputFile.TALLIES, Objects.requireNonNull(tallies, "tallies"));
        return new Review(ReviewInputs.of(m), ReviewSettings.defaults());
    }

    /** As {@link #ofTallies(TabularSource, TabularSource, TabularSource)}, for files (CSV or .xlsx). */
    public static Review ofTallies(Path frame, Path sample, Path tallies) {
        return ofTallies(TabularSource.of(frame), TabularSource.of(sample), TabularSource.of(tallies));
    }

    /** Counts persons (default) or households. */
    public Review unit(Unit unit) {
        return settings(settings.withUnit(unit));
    }

    /**
     * The rounds declared in advance (by default the draw certificate's {@code rounds}, which a different number
     * here contradicts): each look decides at 1 − (1 − level)/K, so that the chance of a wrong accusation over the
     * whole sequence stays within one look's.
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

    /**
     * The match gate (default {@link MatchGate#defaults()}): the least shares of a sampled village's households that
     * the spot check and the register must share, and whether ids are matched after normalisation, e.g.
     * {@code review.gate(MatchGate.defaults().withNormalisedIds(true))}.
     */
    public Review gate(MatchGate gate) {
        return settings(settings.withGate(gate));
    }

    /** The county leaders (leaders.csv): with them the review decides the accountability rules. */
    public Review leaders(TabularSource leaders) {
        return with(InputFile.LEADERS, leaders);
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
        return with(InputFile.CADRES, cadres).with(InputFile.SATISFACTION, satisfaction).settings(s);
    }

    /**
     * The fund link: fund_checks.csv, the materiality (default 0.01) for the misused share and the
     * share of overdue or unstarted projects, and the date as of which an unfinished project past its
     * planned date counts as overdue (null: only late finishes and unstarted projects count).
     */
    public Review funds(TabularSource fundChecks, double materiality, java.time.LocalDate asOf) {
        ReviewSettings s = settings.withLine(Line.MATERIALITY, materiality).withAsOf(asOf);
        return with(InputFile.FUNDS, fundChecks).settings(s);
    }

    /**
     * Reports from the public (reports.csv, 群众举报), verified within {@code days} days: listed per county, confirmed
     * household leads joining the rectification lists and project and cadre leads the referrals; they change no
     * rate and no decision (a lead is a targeted observation, not a sampled one).
     */
    public Review reports(TabularSource reportsCsv, int days) {
        return with(InputFile.REPORTS, reportsCsv).settings(settings.withReportDays(days));
    }

    /**
     * The third-party re-check (recheck.csv, 第三方评估: household, county, village, qualifies) of a few spot-checked
     * villages: how well it agrees with the spot check (Cohen's κ with a jackknife interval over villages) and which
     * households it disputes; it changes no rate and no decision.
     */
    public Review recheck(TabularSource recheckCsv) {
        return with(InputFile.RECHECK, recheckCsv);
    }

    /**
     * With {@link #ofTallies tallies}: the rectification list (discrepancies.csv) and the data-quality findings
     * (data_quality.csv) of the engine that counted them, read back so that the report, the workbooks and the
     * rectification lists show them (see {@link HouseholdLists}); either may be {@code null}.
     * They never enter an estimate.
     *
     * @throws IllegalStateException for a review of households, which makes its own lists
     */
    public Review householdLists(TabularSource discrepancies, TabularSource dataQuality) {
        if (!inputs.has(InputFile.TALLIES)) {
            throw new IllegalStateException("a review of households makes its own lists; these are for a review of tallies");
        }
        return with(InputFile.DISCREPANCIES, discrepancies).with(InputFile.DATA_QUALITY, dataQuality);
    }

    /**
     * Runs the review in named steps: {@link #read()} (the design, the draw's certificate checked, the rounds) →
     * {@link #crossCheck} (or the tallies read, through the match gate) → {@link #estimate} → {@link #links} (assistance,
     * funds) → {@link #decide} (with leaders) → {@link #leads} (reports from the public, the re-check).
     *
     * @throws InputException           when an input cannot be used (with file, line and column), or the draw's
     *                                  certificate contradicts the frame or the sample
     * @throws IllegalArgumentException when the inputs do not go together (e.g. a re-check with tallies)
     */
    public ReviewResult run() {
        checkCombination();
        Read read = read();
        Counted counted = crossCheck(read);
        List<ErrorRate> rates = estimate(read, counted);
        Links links = links(read);
        Decided decided = decide(read, counted, rates, links);
        Heard leads = leads(read, counted);
        return new ReviewResult(counted.cross(), rates, decided.decisions(), links.funds(), links.assistance(),
                read.settings(), inputs.read(read.draw()), decided.policies(), leads.reports(), leads.recheck(),
                read.draw(), counted.mismatches());
    }

    /** What the steps share once the design is read: the frame, the sample, the checked draw and the settings. */
    private record Read(Frame frame, Sample sample, CertificateCheck draw, ReviewSettings settings) {
    }

    /**
     * Step 1, read: the frame, the sample and the draw's certificate checked against them; the settings take the
     * rounds the certificate declares, and a sample claiming more rounds is refused.
     */
    private Read read() {
        Frame frame = Frame.read(source(InputFile.FRAME));
        Sample sample = Sample.read(source(InputFile.SAMPLE), frame);
        CertificateCheck draw = checkDraw(frame, sample);
        ReviewSettings s = settings.withRounds(rounds(draw));
        if (sample.lastRound() > s.rounds()) {
            throw new IllegalArgumentException("the sample has villages of round " + sample.lastRound() + " but only "
                    + s.rounds() + " " + (s.rounds() == 1 ? "round is" : "rounds are") + " declared / 轮次超过事先声明的轮数");
        }
        return new Read(frame, sample, draw, s);
    }

    /** Step 2, cross-check (or read tallies): the village tallies, through the match gate. */
    private Counted crossCheck(Read r) {
        return gate(r.frame(), count(r.frame(), r.sample(), r.settings()), r.settings());
    }

    /** Step 3, estimate: every county's and the city's error rates, the withheld counties' marked. */
    private static List<ErrorRate> estimate(Read r, Counted counted) {
        ReviewSettings s = r.settings();
        return ErrorRates.estimate(r.frame(), counted.tallies(), s.unit(), s.estimation(), s.bootstrap(), s.rho(),
                counted.withheld());
    }

    /** The assistance and fund links. */
    private record Links(List<AssistanceCheck.Rate> assistance, List<FundChecks.Check> funds) {
    }

    /** Step 4, links: the assistance link's rates and the fund checks. */
    private Links links(Read r) {
        return new Links(assistance(r.frame(), r.sample(), r.settings()),
                has(InputFile.FUNDS) ? FundChecks.read(source(InputFile.FUNDS)) : List.of());
    }

    /** The decisions and the city-level picture of the policies (null without leaders). */
    private record Decided(List<Decision> decisions, PolicyComparison policies) {
    }

    /**
     * Step 5, decide (with leaders): every county's measurement at the round's level, decided under the policy, a
     * fragile decision's villages to settle sized for the next round's level, where it is settled.
     */
    private Decided decide(Read r, Counted counted, List<ErrorRate> rates, Links links) {
        if (!has(InputFile.LEADERS)) {
            return new Decided(List.of(), null);
        }
        ReviewSettings s = r.settings();
        List<Measurement> measured = measurements(r.frame(), r.sample(), counted.kept(), rates, links.assistance(),
                links.funds(), s);
        double next = s.decisionLevel(Math.min(r.sample().lastRound() + 1, Math.max(1, s.rounds())));
        return new Decided(Decisions.decide(measured, Leaders.read(source(InputFile.LEADERS)), s.lines(), s.policy(),
                next), PolicyComparison.of(measured, s.lines()));
    }

    /** What was heard from outside the review: reports from the public and the third-party re-check. */
    private record Heard(List<Leads.Lead> reports, Recheck.Result recheck) {
    }

    /**
     * Step 6, leads: reports from the public and the re-check, read after everything above: they change no rate or
     * decision (the re-check leaves out the villages the match gate found mismatched).
     */
    private Heard leads(Read r, Counted counted) {
        List<Leads.Lead> reports = has(InputFile.REPORTS) ? Leads.read(source(InputFile.REPORTS), r.frame()) : List.of();
        Set<String> mismatched = new HashSet<>();
        counted.mismatches().forEach(m -> mismatched.add(m.village()));
        Recheck.Result rechecked = has(InputFile.RECHECK) ? Recheck.run(source(InputFile.RECHECK),
                source(InputFile.SELF_CHECK), source(InputFile.SPOT_CHECK), r.sample(), r.settings().level(), mismatched,
                r.settings().gate().normalisedIds()) : null;
        return new Heard(reports, rechecked);
    }

    /** The inputs that go together: a review of households or of tallies, and what each may come with. */
    private void checkCombination() {
        boolean households = has(InputFile.SELF_CHECK) || has(InputFile.SPOT_CHECK);
        if (households == has(InputFile.TALLIES)) {
            throw new IllegalArgumentException(households ? "give either tallies or the register and the spot check,"
                    + " not both / 村级汇总与入户数据只能二选一" : "a review needs the register and the spot check, or"
                            + " tallies / 缺少自查台账和市级抽查");
        }
        if (households && !(has(InputFile.SELF_CHECK) && has(InputFile.SPOT_CHECK))) {
            InputFile missing = has(InputFile.SELF_CHECK) ? InputFile.SPOT_CHECK : InputFile.SELF_CHECK;
            throw new IllegalArgumentException("a review of households needs the " + missing.english() + " ("
                    + missing.fileName() + ") too / 缺少" + missing.chinese());
        }
        if (households && (has(InputFile.DISCREPANCIES) || has(InputFile.DATA_QUALITY))) {
            throw new IllegalArgumentException("discrepancies and data-quality lists go with tallies: a review of"
                    + " households makes its own lists / 仅与村级汇总同用");
        }
        if (!households && has(InputFile.RECHECK)) {
            throw new IllegalArgumentException("a re-check compares households: it needs the register and the spot"
                    + " check, not tallies / 第三方评估需要入户数据");
        }
        if (has(InputFile.LEADERS) && settings.methods().get(0) == IntervalMethod.BOOTSTRAP) {
            throw new IllegalArgumentException(BOOTSTRAP_DECIDES);
        }
    }

    /**
     * Why the bootstrap's percentile interval is not the one decisions use: a decision's risk and villages to settle
     * are simulated, and a bootstrap inside every simulated sample is out of reach, so the simulation would quietly
     * decide on another interval. The bootstrap enters decisions as a variance estimator instead.
     */
    static final String BOOTSTRAP_DECIDES = "the bootstrap's percentile interval is shown beside the decisions', not"
            + " decided on (its risks could not be simulated): to decide with the bootstrap, give --variance bootstrap"
            + " (every interval method then reads the replicate variance) and put bootstrap after the first"
            + " --ci-method / 自助法百分位区间只作参考，不作问责依据：请用 --variance bootstrap";

    private boolean has(InputFile role) {
        return inputs.has(role);
    }

    private TabularSource source(InputFile role) {
        return inputs.table(role);
    }

    /** Step: the sample's draw against its certificate (see {@link CertificateCheck#verify}). */
    private CertificateCheck checkDraw(Frame frame, Sample sample) {
        if (inputs.certificate().use() == ReviewInputs.CertificateUse.WAIVED) {
            return CertificateCheck.notChecked();
        }
        Path file = inputs.certificate().checked();
        if (file == null) {
            return CertificateCheck.noCertificate();
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the certificate " + file + " is not a file / 找不到抽样证书");
        }
        return CertificateCheck.verify(file, frame, source(InputFile.FRAME).path().orElse(null), sample,
                sample.tickets());
    }

    /** The rounds declared: the settings', which the certificate must not contradict, else the certificate's, else 1. */
    private int rounds(CertificateCheck draw) {
        int certified = draw.rounds();
        int asked = settings.rounds();
        if (asked == 0) {
            return certified == 0 ? 1 : certified;
        }
        if (certified != 0 && certified != asked) {
            throw new IllegalArgumentException(asked + " rounds asked for, but the draw's certificate " + draw.file()
                    + " declares " + certified + " rounds; the rounds are declared before the first draw and cannot"
                    + " change / 轮数须事先声明");
        }
        return asked;
    }

    /**
     * What the estimates rest on: the cross-check (or the engine's lists), the village tallies, and what the match
     * gate found.
     *
     * @param cross      the cross-check, its mismatched villages' households set aside
     * @param tallies    every sampled village's tallies (tallies.csv)
     * @param mismatches the villages that failed the match gate
     * @param withheld   county → why its data were withheld (the mismatched villages' counties)
     * @param kept       the tallies of the other counties: what estimates and simulations rest on
     */
    private record Counted(CrossCheckResult cross, MeasureTallies tallies, List<Mismatch> mismatches,
            Map<String, String> withheld, MeasureTallies kept) {
    }

    /** Step: cross-check the households, or read the tallies counted elsewhere with that engine's lists. */
    private Counted count(Frame frame, Sample sample, ReviewSettings s) {
        Unit unit = s.unit();
        if (!has(InputFile.TALLIES)) {
            CrossCheckResult cross = CrossCheck.run(frame, sample, source(InputFile.SELF_CHECK),
                    source(InputFile.SPOT_CHECK), s.gate().normalisedIds());
            checkLaterRound(cross, sample);
            MeasureTallies tallies = MeasureTallies.of(cross, unit);
            return new Counted(cross, tallies, List.of(), Map.of(), tallies);
        }
        TabularSource tallies = source(InputFile.TALLIES);
        List<Finding> findings = new ArrayList<>();
        MeasureTallies given = MeasureTallies.read(tallies, frame, sample, findings);
        if (!given.hasHouseholds() && unit != Unit.HOUSEHOLDS) {
            findings.add(new Finding(tallies.name(), 0, "domain_households", "", "", "",
                    FindingType.NO_HOUSEHOLD_COUNTS, false, "the tallies count " + unit.label() + " without"
                            + " household_errors and domain_households: a zero-error bound counts "
                            + unit.label() + " as independent units and is too narrow"));
        }
        if (given.matches().isEmpty()) {
            findings.add(new Finding(tallies.name(), 0, "spot_households", "", "", "", FindingType.NO_MATCH_COUNTS,
                    false, "the tallies carry no match counts (spot_households, spot_in_register, register_households,"
                            + " register_in_spot): whether each village's spot check and register describe the same"
                            + " households could not be checked"));
        }
        if (has(InputFile.DATA_QUALITY)) {
            findings.addAll(0, HouseholdLists.findings(source(InputFile.DATA_QUALITY)));
        }
        List<Discrepancy> listed = has(InputFile.DISCREPANCIES)
                ? HouseholdLists.discrepancies(source(InputFile.DISCREPANCIES), sample) : List.of();
        return new Counted(new CrossCheckResult(frame, sample, List.of(), listed, findings, 0, 0), given, List.of(),
                Map.of(), given);
    }

    /**
     * Step: the match gate. A sampled village whose spot check and register do not describe the same households
     * ({@link MatchGate}) is set aside: its households leave the lists, a finding says why (with the ids' likely
     * cause, read again from the files of a household review), and its county's rows are withheld, so that no
     * decision rests on them. Tallies without match counts pass, with a finding that says the gate could not look.
     */
    private Counted gate(Frame frame, Counted counted, ReviewSettings s) {
        List<Mismatch> mismatches = counted.tallies().matches()
                .map(m -> s.gate().mismatches(m, frame)).orElse(List.of());
        var leftOut = counted.cross().mostlyLeftOut();
        if (mismatches.isEmpty() && leftOut.isEmpty()) {
            return counted;
        }
        Set<String> villages = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> withheld = new java.util.TreeMap<>();
        if (!mismatches.isEmpty()) {
            String file;
            if (has(InputFile.TALLIES)) {
                file = source(InputFile.TALLIES).name();
            } else {
                file = source(InputFile.SPOT_CHECK).name();
                mismatches = CrossCheck.diagnose(frame, source(InputFile.FRAME).name(), source(InputFile.SELF_CHECK),
                        source(InputFile.SPOT_CHECK), mismatches);
            }
            Map<String, List<Mismatch>> byCounty = new java.util.TreeMap<>();
            for (Mismatch m : mismatches) {
                villages.add(m.village());
                byCounty.computeIfAbsent(m.county(), k -> new ArrayList<>()).add(m);
                findings.add(CrossCheck.mismatched(file, m));
            }
            byCounty.forEach((county, list) -> withheld.put(county, "no data: the spot check and the register do not"
                    + " match in " + (list.size() == 1 ? "village " + list.get(0).village() : list.size() + " villages ("
                            + list.get(0).village() + ", …)") + ": " + list.get(0).cause().english()));
        }
        if (leftOut.isPresent()) { // the readable minority of the records is no sample of the counties
            for (String county : counted.tallies().sample().byCounty().keySet()) {
                withheld.putIfAbsent(county, "no data: more records were left out than kept (" + leftOut.get().leftOut()
                        + " left out, " + leftOut.get().kept() + " kept; data_quality.csv)");
            }
        }
        return new Counted(counted.cross().without(villages, findings), counted.tallies(), mismatches, withheld,
                counted.tallies().withoutCounties(withheld.keySet()));
    }

    /** A later round's village without data would count as a village without households. */
    private static void checkLaterRound(CrossCheckResult cross, Sample sample) {
        List<String> unchecked = cross.findings().stream()
                .filter(x -> x.type() == FindingType.VILLAGE_NOT_CHECKED && sample.round(x.village()) > 1)
                .map(Finding::village).distinct().toList();
        if (!unchecked.isEmpty()) {
            throw new IllegalArgumentException(unchecked.size() + " " + (unchecked.size() == 1 ? "village" : "villages")
                    + " of round " + sample.lastRound() + " have no spot-checked household ("
                    + String.join(", ", unchecked.subList(0, Math.min(5, unchecked.size())))
                    + (unchecked.size() > 5 ? ", …" : "") + "): add their spot checks to --spot-check before reviewing"
                    + " the round; nothing written / 本轮新增村尚无入户核查数据");
        }
    }

    /**
     * Step: the assistance link's rates (cadres, satisfaction), through the error rates' estimation path: every
     * interval method, a city row, the bootstrap where asked.
     */
    private List<AssistanceCheck.Rate> assistance(Frame frame, Sample sample, ReviewSettings s) {
        DomainEstimates.Options options = s.estimation();
        List<AssistanceCheck.Rate> assist = new ArrayList<>();
        if (has(InputFile.CADRES)) {
            assist.addAll(AssistanceCheck.cadres(source(InputFile.CADRES), frame, sample, s.minimums(), options,
                    s.rho(), s.bootstrap()));
        }
        if (has(InputFile.SATISFACTION)) {
            assist.addAll(AssistanceCheck.satisfaction(source(InputFile.SATISFACTION), frame, sample, options, s.rho(),
                    s.bootstrap()));
        }
        return assist;
    }

    /**
     * Step: every county's measurement the rules read, at this round's decision level
     * ({@link ReviewSettings#decisionLevel(int)}: with K rounds declared the error is spent over the rounds), each
     * error and assistance rate with its county's simulation. A county not extended keeps its outcome at the new
     * level: only a decision that more villages could change is extended (see {@code FollowUp.additions}).
     */
    private static List<Measurement> measurements(Frame frame, Sample sample, MeasureTallies counts,
            List<ErrorRate> rates, List<AssistanceCheck.Rate> assist, List<FundChecks.Check> fundChecks,
            ReviewSettings s) {
        double at = s.decisionLevel(sample.lastRound());
        List<Measurement> measured = new ArrayList<>();
        Map<Measure, Double> rho = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            rho.put(m, ErrorRates.rho(counts, s.unit(), m, s.rho()));
        }
        for (ErrorRate r : rates) {
            Measurement m = Measurement.of(r).atLevel(at);
            measured.add(m.withSimulation(simulation(r, at, counts, frame, rho.get(r.measure()))));
        }
        for (AssistanceCheck.Rate r : assist) {
            Measurement m = Measurement.of(r).atLevel(at);
            measured.add(r.city() ? m : m.withSimulation(simulation(r, at, frame))); // the city row is not decided
        }
        for (FundChecks.CountyFunds c : FundChecks.byCounty(fundChecks, s.asOf())) {
            for (FundMeasure m : FundMeasure.values()) {
                measured.add(Measurement.of(c, m, s.methods().get(0), at));
            }
        }
        return measured;
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
        List<Double> hs = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        List<SampledVillage> villages = counts.sample().villages();
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
        return "Review of " + inputs + " — " + settings;
    }
}
