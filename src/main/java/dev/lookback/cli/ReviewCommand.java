package dev.lookback.cli;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.ReviewSettings;
import dev.lookback.assist.AssistanceCheck;
import dev.lookback.io.TabularSource;
import dev.lookback.report.OutputFolder;
import dev.lookback.report.ReviewFiles;
import dev.lookback.report.Summary;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.vocabulary.DecisionPolicy;
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
                Option.required("--frame", "FILE", "villages.csv: the sampling frame"),
                Option.required("--sample", "FILE", "sample.csv: the sampled villages"),
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
                Option.optional("--bootstrap-replicates", "B", Integer.toString(ReviewSettings.DEFAULT_REPLICATES),
                        "replicates of the bootstrap method"),
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
                Option.optional("--encoding", "NAME", "UTF-8", "encoding of CSV inputs, e.g. GBK"),
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
                Option.optional("--certificate", "FILE", "", "the draw's certificate, shown in the report's methods"
                        + " (default: the sample's, e.g. sample.certificate.json, when it exists)")));
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
        if (s.methods().contains(IntervalMethod.BOOTSTRAP)) { // SHA-256 only when needed: its providers load slowly
            s = s.withBootstrap(RaoWuBootstrap.of(ReviewSettings.seed(a.text("--seed")),
                    a.integer("--bootstrap-replicates", 2)));
        }
        if (!a.text("--as-of").isEmpty()) {
            try {
                s = s.withAsOf(java.time.LocalDate.parse(a.text("--as-of")));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of: \"" + a.text("--as-of") + "\" is not a date like 2026-05-31");
            }
        }
        return s;
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        ReviewSettings settings = settings(a);
        OutputFolder.check(a.path("--out"), a.flag("--force"));
        MeetingOutputs.Asked asked = MeetingOutputs.check(a);
        Path certificate = MeetingOutputs.certificate(a, DrawCommand.certificateBeside(a.path("--sample")));
        Charset cs = charset(a.text("--encoding"));
        boolean households = !a.text("--self-check").isEmpty() || !a.text("--spot-check").isEmpty();
        boolean tallies = !a.text("--tallies").isEmpty();
        if (households == tallies || (households && (a.text("--self-check").isEmpty() || a.text("--spot-check").isEmpty()))) {
            throw new IllegalArgumentException(tallies ? "give either --tallies or --self-check and --spot-check, not both"
                    : "give --self-check and --spot-check (the register and the spot check), or --tallies");
        }
        if (!tallies && (!a.text("--discrepancies").isEmpty() || !a.text("--data-quality").isEmpty())) {
            throw new IllegalArgumentException("--discrepancies and --data-quality go with --tallies: a review of households"
                    + " makes its own lists / 仅与 --tallies 同用");
        }
        if (a.text("--leaders").isEmpty() && (!a.text("--cadres").isEmpty() || !a.text("--satisfaction").isEmpty())) {
            throw new IllegalArgumentException("--cadres and --satisfaction decide the assistance rule: give --leaders too");
        }
        Review review = tallies
                ? Review.ofTallies(TabularSource.of(a.path("--frame"), cs), TabularSource.of(a.path("--sample"), cs),
                        TabularSource.of(a.path("--tallies"), cs)).householdLists(source(a, "--discrepancies", cs),
                                source(a, "--data-quality", cs))
                : Review.of(a.path("--frame"), a.path("--sample"), a.path("--self-check"), a.path("--spot-check"), cs);
        if (!a.text("--leaders").isEmpty()) {
            review = review.leaders(TabularSource.of(a.path("--leaders"), cs))
                    .assistance(source(a, "--cadres", cs), source(a, "--satisfaction", cs), settings.tolerance(),
                            settings.minimumSatisfaction(), settings.minimums());
        }
        if (!a.text("--funds").isEmpty()) {
            review = review.funds(source(a, "--funds", cs), settings.materiality(), settings.asOf());
        }
        if (!a.text("--recheck").isEmpty()) {
            review = review.recheck(TabularSource.of(a.path("--recheck"), cs));
        }
        if (!a.text("--reports").isEmpty()) {
            review = review.reports(TabularSource.of(a.path("--reports"), cs), a.integer("--report-days", 1));
        }
        int rounds = rounds(a, certificate);
        ReviewResult result = review.settings(settings.withRounds(rounds).withReportDays(a.integer("--report-days", 1)))
                .run();
        checkRounds(result.crossCheck().sample(), certificate, rounds);
        Path dir = a.path("--out");
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (String option : List.of("--frame", "--sample", "--self-check", "--spot-check", "--tallies", "--discrepancies",
                "--data-quality", "--leaders",
                "--cadres", "--satisfaction", "--funds", "--reports", "--recheck", "--config")) {
            if (!a.text(option).isEmpty()) {
                inputs.put(option.substring(2), a.path(option));
            }
        }
        if (certificate != null && java.nio.file.Files.isRegularFile(certificate)) {
            inputs.put("certificate", certificate);
        }
        List<String> replaced = OutputFolder.prepare(dir, a.flag("--force"), inputs.values());
        ReviewFiles.write(result, dir);
        Path report = MeetingOutputs.write(asked, result, dir, certificate, out);
        OutputFolder.record(dir, result, inputs, Main.version());
        out.print(Summary.of(result));
        if (!a.text("--previous").isEmpty()) {
            out.println(compareRounds(a.path("--previous"), result));
        }
        out.println("Wrote " + dir.resolve("estimates.csv") + ", estimate_notes.csv, discrepancies.csv, data_quality.csv"
                + (tallies ? "" : ", tallies.csv") + (result.decisions().isEmpty() ? "" : ", decisions.csv")
                + (report == null ? "" : ", report.html") + (asked.formats().isEmpty() ? "" : ", charts/")
                + ", review.xlsx, rectification/, manifest.json" + (replaced.isEmpty() ? ""
                        : " (replacing the " + replaced.size() + " files of the run before)"));
        var leftOut = result.crossCheck().mostlyLeftOut();
        if (leftOut.isPresent()) { // written for inspection, but not a review to act on
            throw new IllegalArgumentException(Summary.unusable(leftOut.get()));
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
        dev.lookback.io.Column outcome = FollowUpCommand.OUTCOME;
        dev.lookback.io.Column fragile = FollowUpCommand.FRAGILE;
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

    /** The rounds declared: --rounds, else the certificate's, else 1; a --rounds the certificate contradicts is refused. */
    static int rounds(Arguments a, Path certificate) throws java.io.IOException {
        Integer certified = certificate != null && java.nio.file.Files.isRegularFile(certificate)
                ? dev.lookback.draw.Certificate.read(certificate).rounds() : null;
        if (a.text("--rounds").isEmpty()) {
            return certified == null ? 1 : certified;
        }
        int k = a.integer("--rounds", 1);
        if (certified != null && certified != k) {
            throw new IllegalArgumentException("--rounds " + k + ": the draw's certificate " + certificate + " declares "
                    + certified + " rounds; the rounds are declared before the first draw and cannot change / 轮数须事先声明");
        }
        return k;
    }

    /**
     * A sample over rounds must be the certified one: the certificate of its last round lists exactly its villages,
     * each with its round, and no round beyond those declared.
     */
    static void checkRounds(dev.lookback.frame.Sample sample, Path certificate, int rounds) throws java.io.IOException {
        if (sample.lastRound() > rounds) {
            throw new IllegalArgumentException("the sample has villages of round " + sample.lastRound() + " but only "
                    + rounds + " rounds are declared / 轮次超过事先声明的轮数");
        }
        if (sample.lastRound() == 1 || certificate == null || !java.nio.file.Files.isRegularFile(certificate)) {
            return;
        }
        dev.lookback.draw.Certificate c = dev.lookback.draw.Certificate.read(certificate);
        java.util.Set<String> inSample = new java.util.TreeSet<>();
        sample.villages().forEach(v -> inSample.add(v.village() + " (round " + sample.round(v.village()) + ")"));
        java.util.Set<String> certified = new java.util.TreeSet<>();
        c.villages().forEach(v -> certified.add(v.village() + " (round " + v.round() + ")"));
        if (!inSample.equals(certified)) {
            java.util.Set<String> extra = new java.util.TreeSet<>(inSample);
            extra.removeAll(certified);
            java.util.Set<String> missing = new java.util.TreeSet<>(certified);
            missing.removeAll(inSample);
            throw new IllegalArgumentException("the sample is not the one its round's certificate " + certificate
                    + " lists: " + (missing.isEmpty() ? "" : "missing " + String.join(", ", missing.stream().limit(5).toList())
                            + (missing.size() > 5 ? ", …" : "") + " ") + (extra.isEmpty() ? "" : "not certified "
                            + String.join(", ", extra.stream().limit(5).toList()) + (extra.size() > 5 ? ", …" : ""))
                    + " / 样本与本轮抽样证书不符");
        }
    }

    private static TabularSource source(Arguments a, String option, Charset cs) {
        return a.text(option).isEmpty() ? null : TabularSource.of(a.path(option), cs);
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

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: unknown encoding \"" + name + "\"; use UTF-8 or GBK");
        }
    }
}
