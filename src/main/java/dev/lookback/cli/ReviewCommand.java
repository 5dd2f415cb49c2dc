package dev.lookback.cli;

import dev.lookback.Review;
import dev.lookback.ReviewInputs;
import dev.lookback.ReviewResult;
import dev.lookback.ReviewSettings;
import dev.lookback.assist.AssistanceCheck;
import dev.lookback.io.TabularSource;
import dev.lookback.report.OutputFolder;
import dev.lookback.report.Summary;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.InputFile;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Unit;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code lookback review}: cross-check and estimate, writing the review's files. */
final class ReviewCommand extends Command {

    @Override
    String name() {
        return "review";
    }

    @Override
    List<String> description() {
        return List.of("Cross-checks the spot check against the self-check register and estimates the error rates"
                + " (漏评, 错评, 识别, 错退) per county and for the city, with intervals for a whole-village cluster sample.",
                "Writes estimates.csv, estimate_notes.csv, discrepancies.csv, data_quality.csv, rectification/, the"
                        + " charts (charts/) and report.html into --out.",
                "Exit status: 0 when the review ran (even with data-quality findings), 2 for unusable input.");
    }

    @Override
    List<Option> options() {
        ReviewSettings d = ReviewSettings.defaults();
        List<Option> options = new ArrayList<>(List.of(
                Option.optional("--input", "DIR", "", "a folder of inputs by their names (villages.csv, sample.csv,"
                        + " self_check.csv, spot_check.csv, and leaders.csv, cadres.csv, satisfaction.csv,"
                        + " fund_checks.csv, reports.csv, recheck.csv, sample.certificate.json when there; .xlsx"
                        + " too), read as Review.ofFolder reads it; an option naming a file replaces that input"),
                Option.optional("--frame", "FILE", "", "villages.csv: the sampling frame (required unless --input)"),
                Option.optional("--sample", "FILE", "", "sample.csv: the sampled villages (required unless --input)"),
                Option.optional("--self-check", "FILE", "", "self_check.csv: the counties' register (required"
                        + " unless --tallies)"),
                Option.optional("--spot-check", "FILE", "", "spot_check.csv: the city's spot check (required unless"
                        + " --tallies)"),
                Option.optional("--tallies", "FILE", "", "tallies.csv (county, village, measure, errors, units):"
                        + " estimate from village tallies computed elsewhere instead of the register and spot check"),
                Option.optional("--discrepancies", "FILE", "", "with --tallies: the discrepancies.csv of the engine that"
                        + " counted them (lookback-spark tallies), for the rectification lists and workbooks"),
                Option.optional("--data-quality", "FILE", "", "with --tallies: that engine's data_quality.csv, for the"
                        + " report's data-quality section and the summary"),
                Option.optional("--unit", "persons|households", d.unit().label(), "what the rates count"),
                Option.optional("--level", "L", Double.toString(d.level()), "confidence level"),
                Option.optional("--ci-method", "M[,M...]", d.methods().get(0).label(),
                        "interval methods, comma-separated: " + java.util.Arrays.stream(IntervalMethod.values())
                                .map(IntervalMethod::label).collect(java.util.stream.Collectors.joining(", "))
                                + "; the first is the one the summary and the decisions use"),
                Option.optional("--variance", "linearised|bootstrap", d.variance().label(), "how every rate's variance"
                        + " is estimated: linearised (as R's svyratio), or the Rao–Wu bootstrap's replicate variance,"
                        + " which every interval method, p-value and decision then reads"),
                Option.optional("--bootstrap-replicates", "B", Integer.toString(ReviewSettings.DEFAULT_REPLICATES),
                        "replicates of the bootstrap (the bootstrap method, --variance bootstrap)"),
                Option.optional("--seed", "TEXT", ReviewSettings.DEFAULT_SEED, "public seed of the bootstrap method"),
                Option.optional("--leaders", "FILE", "", "leaders.csv: with it the review decides the accountability"
                        + " rule for identification and exit errors and writes decisions.csv"),
                Option.optional("--cadres", "FILE", "", "cadres.csv: with --leaders, decides the assistance rule"),
                Option.optional("--satisfaction", "FILE", "", "satisfaction.csv: with --leaders, decides the assistance rule"),
                Option.optional(LINE_OPTIONS.get(Line.CADRE_TOLERANCE), "T", Double.toString(d.tolerance()),
                        "the cadre non-compliance that triggers the assistance rule"),
                Option.optional("--min-months-first-secretary", "M", Integer.toString(d.minimums().firstSecretary()),
                        "months a first secretary must stay in the village (the plan's figure is masked: set it)"),
                Option.optional("--min-months-team-member", "M", Integer.toString(d.minimums().teamMember()),
                        "months a team member must stay in the village"),
                Option.optional(LINE_OPTIONS.get(Line.SATISFACTION_STANDARD), "S", Double.toString(d.minimumSatisfaction()),
                        "satisfaction below this triggers the assistance rule"),
                Option.optional("--funds", "FILE", "", "fund_checks.csv: decides the fund rule (with --leaders) and"
                        + " writes fund_referrals.csv"),
                Option.optional(LINE_OPTIONS.get(Line.MATERIALITY), "M", Double.toString(d.materiality()),
                        "misused or overdue share that triggers the fund rule"),
                Option.optional("--as-of", "DATE", "", "the date (2026-05-31) after which unfinished projects past"
                        + " their planned date are overdue"),
                Option.optional("--policy", "point|confident|family-wise|precautionary", d.policy().label(),
                        "how the interval enters decisions"),
                Option.optional(LINE_OPTIONS.get(Line.ERROR_THRESHOLD), "T", Double.toString(d.threshold()),
                        "accountability threshold for the identification and exit rates"),
                Option.optional("--rho", "RHO", Double.toString(d.rho()), "intraclass correlation of errors in"
                        + " households where the review cannot estimate it (no error anywhere): sets the independent"
                        + " households of a zero-error bound"),
                Option.optional("--lonely-village", "adjust|certainty|fail", d.lonelyPsu().name().toLowerCase(Locale.ROOT),
                        "what a county with one sampled village adds to the city row's variance (fail: stop, exit 2)"),
                Option.optional("--match-ids", "exact|normalised", "exact", "how household ids are matched between the"
                        + " spot check and the register: exact, or after normalising leading zeros, spaces, full-width"
                        + " digits, case and 4.3E+11 (an explicit choice, recorded in the manifest)"),
                Option.optional("--min-registered", "S", Double.toString(d.gate().minRegistered()), "match gate: the"
                        + " least share of a sampled village's spot-checked households that must be in the register"
                        + " (0 turns it off)"),
                Option.optional("--min-visited", "S", Double.toString(d.gate().minVisited()), "match gate: the least"
                        + " share of a sampled village's register households that the spot check must have visited (0"
                        + " turns it off); a village below either has no data and the review exits 2"),
                encodingOption("CSV inputs (the manifest records each file's)"),
                Option.optional("--out", "DIR", "lookback-review", "output folder: an earlier review's files there are"
                        + " replaced (its manifest.json lists them); files by Lookback's names that no manifest accounts"
                        + " for are refused"),
                Option.flag("--force", "replace files in --out by Lookback's names that no manifest accounts for"),
                Option.optional("--recheck", "FILE", "", "recheck.csv: the third-party re-check (第三方评估) of some"
                        + " spot-checked villages: agreement.csv and recheck_disagreements.csv"),
                Option.optional("--reports", "FILE", "", "reports.csv: reports from the public (群众举报), listed and"
                        + " followed, never in a rate"),
                Option.optional("--report-days", "N", Integer.toString(ReviewSettings.DEFAULT_REPORT_DAYS),
                        "days within which a report should be verified"),
                Option.optional("--previous", "DIR", "", "the previous round's review folder: the summary compares the"
                        + " rounds (decisions triggered and fragile, villages)"),
                Option.optional("--rounds", "K", "", "rounds declared in advance (default: the draw certificate's, else"
                        + " 1): each look decides at level 1 − (1 − level)/K"),
                Option.optional("--config", "FILE", "", "a properties file of options, e.g. review.properties with"
                        + " threshold=0.03 and policy=confident (options on the command line win)"),
                Option.optional("--certificate", "FILE", "", "the draw's certificate, checked against the frame and"
                        + " the sample before anything is estimated (default: the sample's, e.g."
                        + " sample.certificate.json, when it exists)"),
                Option.flag("--no-certificate", "review without checking the draw's certificate, even one beside the"
                        + " sample: stated in the report and the manifest")));
        options.addAll(MeetingOutputs.options());
        return options;
    }

    /** The option that sets each line. */
    static final java.util.Map<Line, String> LINE_OPTIONS = java.util.Map.of(Line.ERROR_THRESHOLD, "--threshold",
            Line.CADRE_TOLERANCE, "--tolerance", Line.SATISFACTION_STANDARD, "--min-satisfaction", Line.MATERIALITY,
            "--materiality");

    /** The settings the options ask for, checked. */
    static ReviewSettings settings(Arguments a) {
        double level = a.number("--level");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level must be between 0 and 1, e.g. 0.95; got " + a.text("--level"));
        }
        ReviewSettings s = ReviewSettings.defaults().withUnit(unit(a.text("--unit"))).withLevel(level)
                .withMethods(methods(a.text("--ci-method"))).withLonelyPsu(lonelyPolicy(a.text("--lonely-village")))
                .withPolicy(policy(a.text("--policy"))).withRho(rho(a.number("--rho")))
                .withMinimums(new AssistanceCheck.Minimums(a.integer("--min-months-first-secretary", 0),
                        a.integer("--min-months-team-member", 0)));
        for (Line line : Line.values()) {
            String option = LINE_OPTIONS.get(line);
            s = s.withLine(line, share(option, a.number(option)));
        }
        s = s.withVariance(dev.lookback.vocabulary.Variance.parse(a.text("--variance")));
        if (s.estimation().needsReplicates()) { // SHA-256 only when needed: its providers load slowly
            s = s.withBootstrap(RaoWuBootstrap.of(ReviewSettings.seed(a.text("--seed")),
                    a.integer("--bootstrap-replicates", 2)));
        }
        String ids = a.text("--match-ids").strip();
        if (!ids.equals("exact") && !ids.equals("normalised") && !ids.equals("normalized")) {
            throw new IllegalArgumentException("--match-ids must be exact or normalised; got " + ids);
        }
        s = s.withGate(new dev.lookback.check.MatchGate(gateShare("--min-registered", a.number("--min-registered")),
                gateShare("--min-visited", a.number("--min-visited")), !ids.equals("exact")));
        if (!a.text("--rounds").isEmpty()) {
            s = s.withRounds(a.integer("--rounds", 1));
        }
        s = s.withReportDays(a.integer("--report-days", 1));
        if (!a.text("--as-of").isEmpty()) {
            try {
                s = s.withAsOf(java.time.LocalDate.parse(a.text("--as-of")));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of: \"" + a.text("--as-of") + "\" is not a date like 2026-05-31");
            }
        }
        return s;
    }

    /** The options that name an input file, by role. */
    private static final List<InputFile> FILE_OPTIONS = List.of(InputFile.FRAME, InputFile.SAMPLE, InputFile.SELF_CHECK,
            InputFile.SPOT_CHECK, InputFile.TALLIES, InputFile.DISCREPANCIES, InputFile.DATA_QUALITY, InputFile.LEADERS,
            InputFile.CADRES, InputFile.SATISFACTION, InputFile.FUNDS, InputFile.REPORTS, InputFile.RECHECK);

    /**
     * The review the options ask for: the folder's inputs ({@code --input}, as {@link Review#ofFolder} reads them),
     * each replaced by the option that names its file, the certificate, and the settings.
     */
    static Review review(Arguments a, ReviewSettings settings) {
        Charset cs = charset(a.text("--encoding"));
        boolean households = !a.text("--self-check").isEmpty() || !a.text("--spot-check").isEmpty();
        boolean tallies = !a.text("--tallies").isEmpty();
        if (households && tallies) {
            throw new IllegalArgumentException("give either --tallies or --self-check and --spot-check, not both");
        }
        for (String required : List.of("--frame", "--sample")) {
            if (a.text("--input").isEmpty() && a.text(required).isEmpty()) {
                throw new IllegalArgumentException("missing " + required + " (or --input DIR, a folder of inputs); see"
                        + " lookback review --help / 缺少必需选项 " + required);
            }
        }
        if (a.text("--input").isEmpty() && (households || !tallies)
                && (a.text("--self-check").isEmpty() || a.text("--spot-check").isEmpty())) {
            throw new IllegalArgumentException("give --self-check and --spot-check (the register and the spot check),"
                    + " or --tallies (or --input DIR, a folder of inputs)");
        }
        if (households && (!a.text("--discrepancies").isEmpty() || !a.text("--data-quality").isEmpty())) {
            throw new IllegalArgumentException("--discrepancies and --data-quality go with --tallies: a review of"
                    + " households makes its own lists / 仅与 --tallies 同用");
        }
        Map<InputFile, TabularSource> inputs = new java.util.EnumMap<>(InputFile.class);
        if (!a.text("--input").isEmpty()) {
            inputs.putAll(Review.ofFolder(a.path("--input"), cs).inputs().tables());
        }
        if (households) { // the register and the spot check replace a folder's tallies
            inputs.keySet().removeAll(List.of(InputFile.TALLIES, InputFile.DISCREPANCIES, InputFile.DATA_QUALITY));
        }
        if (tallies) { // and tallies replace its households
            inputs.keySet().removeAll(List.of(InputFile.SELF_CHECK, InputFile.SPOT_CHECK, InputFile.RECHECK));
        }
        for (InputFile role : FILE_OPTIONS) {
            if (!a.text(role.option()).isEmpty()) {
                inputs.put(role, TabularSource.of(a.path(role.option()), cs));
            }
        }
        ReviewInputs read = ReviewInputs.of(inputs);
        if (!a.text("--certificate").isEmpty()) {
            if (a.flag("--no-certificate")) {
                throw new IllegalArgumentException("--certificate and --no-certificate contradict each other: keep one"
                        + " / 二者只能选一");
            }
            read = read.withCertificate(a.path("--certificate"));
        } else if (a.flag("--no-certificate")) {
            read = read.withoutCertificate();
        }
        return Review.of(read, settings); // the two records: what is read, and how the review runs
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        ReviewSettings settings = settings(a);
        OutputFolder.check(a.path("--out"), a.flag("--force"));
        MeetingOutputs.Asked asked = MeetingOutputs.check(a);
        if (a.text("--leaders").isEmpty() && (!a.text("--cadres").isEmpty() || !a.text("--satisfaction").isEmpty())) {
            throw new IllegalArgumentException("--cadres and --satisfaction decide the assistance rule: give --leaders too");
        }
        ReviewResult result = review(a, settings).run();
        Path dir = a.path("--out");
        List<Path> read = new ArrayList<>();
        result.inputs().forEach(i -> {
            if (i.file() != null) {
                read.add(i.file());
            }
        });
        List<String> replaced = OutputFolder.prepare(dir, a.flag("--force"), read);
        Path report = MeetingOutputs.write(asked, result, dir, out); // and the review's files (ReviewFiles)
        OutputFolder.record(dir, result, a.text("--config").isEmpty() ? Map.of() : Map.of("config", a.path("--config")),
                Main.version());
        out.print(Summary.of(result, asked.workbooks()));
        if (!a.text("--previous").isEmpty()) {
            out.println(compareRounds(a.path("--previous"), result));
        }
        boolean tallies = result.crossCheck().fromTallies();
        out.println("Wrote " + dir.resolve("estimates.csv") + ", estimate_notes.csv, discrepancies.csv, data_quality.csv"
                + (tallies ? "" : ", tallies.csv") + (result.decisions().isEmpty() ? "" : ", decisions.csv")
                + (report == null ? "" : ", report.html") + (asked.formats().isEmpty() ? "" : ", charts/")
                + (asked.workbooks() ? ", review.xlsx" : "") + ", rectification/, manifest.json" + (replaced.isEmpty() ? ""
                        : " (replacing the " + replaced.size() + " files of the run before)"));
        if (!result.usable()) { // written for inspection, but not a review to act on
            throw new IllegalArgumentException(Summary.unusable(result));
        }
        return 0;
    }

    /**
     * One line comparing this round with the previous one: decisions triggered and fragile, villages.
     */
    static String compareRounds(Path previous, ReviewResult now) throws java.io.IOException {
        Path decisions = previous.resolve("decisions.csv");
        if (!java.nio.file.Files.isRegularFile(decisions)) {
            throw new IllegalArgumentException("--previous " + previous + " has no decisions.csv: give the earlier"
                    + " round's review folder (run with --leaders) / 请给出上一轮复核的输出文件夹");
        }
        long[] before = new long[2];
        dev.lookback.io.Column outcome = FollowUpCommand.Decisions.OUTCOME;
        dev.lookback.io.Column fragile = FollowUpCommand.Decisions.FRAGILE;
        TabularSource.of(decisions).read(List.of(outcome, fragile), row -> {
            before[0] += dev.lookback.vocabulary.Outcome.TRIGGERED.label().equals(row.text(outcome)) ? 1 : 0;
            before[1] += "true".equals(row.text(fragile)) ? 1 : 0;
        });
        Map<String, Path> inputs = OutputFolder.unchangedInputs(previous, "sample");
        long villagesBefore = 0;
        try (var lines = java.nio.file.Files.lines(inputs.get("sample"))) {
            villagesBefore = lines.filter(l -> !l.isBlank()).count() - 1;
        }
        int r = now.crossCheck().sample().lastRound();
        return "第 " + (r - 1) + " 轮 → 第 " + r + " 轮 Round " + (r - 1) + " → " + r + ": triggered 启动 " + before[0]
                + " → " + now.triggered().size() + ", fragile 不稳健 " + before[1] + " → "
                + now.decisions().stream().filter(dev.lookback.decide.Decision::fragile).count() + ", villages 村 "
                + villagesBefore + " → " + now.crossCheck().sample().villages().size();
    }

    static DecisionPolicy policy(String text) {
        try {
            return DecisionPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--policy: " + e.getMessage());
        }
    }

    static double rho(double rho) {
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("--rho must be between 0 and 1, e.g. 0.05; got " + rho);
        }
        return rho;
    }

    /** A share given by an option, which must lie strictly between 0 and 1. */
    static double share(String option, double t) {
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException(option + " must be between 0 and 1, e.g. 0.02; got " + t);
        }
        return t;
    }

    /** A match gate's share, which must lie in [0, 1]. */
    static double gateShare(String option, double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(option + " must be between 0 and 1, e.g. 0.5; got " + t);
        }
        return t;
    }

    static Unit unit(String text) {
        try {
            return Unit.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--unit: " + e.getMessage());
        }
    }

    static List<IntervalMethod> methods(String text) {
        List<IntervalMethod> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    list.add(IntervalMethod.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--ci-method: " + e.getMessage());
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--ci-method needs at least one method");
        }
        return list;
    }

    static LonelyPsu lonelyPolicy(String text) {
        try {
            return LonelyPsu.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lonely-village: \"" + text + "\" is not one of adjust, certainty, fail");
        }
    }

    /** The {@code --encoding} option of every command: auto (detected per file) by default. */
    static Option encodingOption(String of) {
        return Option.optional("--encoding", "auto|NAME", "auto", "encoding of " + of + ": auto detects each file's"
                + " (UTF-8 with or without BOM, or GBK), or name one, e.g. GBK");
    }

    /** The encoding named, or null for {@code auto} (detected per file). */
    static Charset charset(String name) {
        if (name.isBlank() || name.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: unknown encoding \"" + name + "\"; use UTF-8 or GBK");
        }
    }
}
