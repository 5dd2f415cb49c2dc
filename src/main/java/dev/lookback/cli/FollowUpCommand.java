package dev.lookback.cli;

import static dev.lookback.cli.FollowUpCommand.Decisions.*;

import dev.lookback.draw.Certificate;
import dev.lookback.draw.DrawnVillage;
import dev.lookback.draw.FollowUp;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Frame;
import dev.lookback.io.Column;
import dev.lookback.io.TabularSource;
import dev.lookback.report.FollowUpPage;
import dev.lookback.report.OutputFiles;
import dev.lookback.report.OutputFolder;
import dev.lookback.survey.Formats;
import dev.lookback.vocabulary.Field;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Rule;
import dev.lookback.vocabulary.Term;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code lookback follow-up}: the next round's villages for the counties a review could not settle. */
final class FollowUpCommand extends Command {

    @Override
    String name() {
        return "follow-up";
    }

    @Override
    List<String> description() {
        return List.of("From a finished review (its --out folder): the counties with an unsettled decision that more"
                + " villages could change (triggered but fragile, above the line but not proven, or no data) get the"
                + " villages that give an 80% chance to settle it at the next round's level, drawn as the extension of the"
                + " certified draw (the next tickets of the same seed); writes the round's sample.csv (every village,"
                + " with its round), its certificate (citing the previous one), visits.csv and follow_up.html.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--review", "DIR", "the --out folder of the review to follow up"),
                Option.optional("--out", "DIR", "", "where to write the round (default: DIR/round-N)"),
                Option.optional("--budget", "N", "", "villages this round, across counties, given by what is at stake:"
                        + " triggered but fragile first, then above the line but not proven, then the rest (default:"
                        + " what the decisions need; the page then shows what smaller budgets buy)"),
                Option.flag("--allow-census", "let a county's sample become every village it has (by default a"
                        + " county keeps at least one village unvisited)"),
                ReviewCommand.encodingOption("the frame"));
    }

    /** The budgets the page compares when none is given. */
    static final int[] BUDGETS = {10, 20, 30, 50, 100, 200};

    /**
     * decisions.csv's columns, as its declaration gives them: in a class of their own, so that the output files'
     * declarations are made when the follow-up reads them, not whenever a command line starts.
     */
    static final class Decisions {
        static final Column COUNTY = OutputFiles.DECISIONS.reading(Field.COUNTY);
        static final Column RULE = OutputFiles.DECISIONS.reading(Field.RULE);
        static final Column MEASURE = OutputFiles.DECISIONS.reading(Field.MEASURE);
        static final Column OUTCOME = OutputFiles.DECISIONS.reading(Field.OUTCOME);
        static final Column FRAGILE = OutputFiles.DECISIONS.reading(Field.FRAGILE);
        static final Column ESTIMATE = OutputFiles.DECISIONS.reading(Field.ESTIMATE);
        static final Column LOWER = OutputFiles.DECISIONS.reading(Field.CI_LOWER);
        static final Column UPPER = OutputFiles.DECISIONS.reading(Field.CI_UPPER);
        static final Column THRESHOLD = OutputFiles.DECISIONS.reading(Field.THRESHOLD);
        static final Column TO_SETTLE = OutputFiles.DECISIONS.readingOptional(Field.VILLAGES_TO_SETTLE);
        static final Column ABOVE = OutputFiles.DECISIONS.readingOptional(Field.ABOVE_LINE_NOT_PROVEN);

        private Decisions() {
        }
    }

    /** The unsettled sampled decisions of a review's decisions.csv (the fund rule is a census: always settled). */
    static List<FollowUp.Unsettled> unsettled(Path decisions) {
        List<FollowUp.Unsettled> out = new ArrayList<>();
        TabularSource.of(decisions).read(List.of(COUNTY, RULE, MEASURE, OUTCOME, FRAGILE,
                ESTIMATE, LOWER, UPPER, THRESHOLD, TO_SETTLE, ABOVE), row -> {
                    boolean noData = Outcome.NO_DATA.label().equals(row.text(OUTCOME));
                    boolean fragile = "true".equals(row.text(FRAGILE));
                    // a decisions.csv from before the column: every unsettled decision counts as one that could change
                    boolean could = row.text(ABOVE) == null || FollowUp.Unsettled.couldChange(
                            Outcome.TRIGGERED.label().equals(row.text(OUTCOME)), fragile, "true".equals(row.text(ABOVE)),
                            noData);
                    Rule rule = java.util.Arrays.stream(Rule.values()).filter(r -> r.label().equals(row.text(RULE)))
                            .findFirst().orElseThrow(() -> row.error(RULE, row.text(RULE), Term.notOneOf(Rule.values())));
                    if (FollowUp.Unsettled.applies(rule, fragile, noData)) {
                        String k = row.text(TO_SETTLE);
                        out.add(new FollowUp.Unsettled(row.text(COUNTY), row.text(MEASURE), noData,
                                could, k == null ? -1 : row.integer(TO_SETTLE, 0), number(row.text(ESTIMATE)),
                                number(row.text(LOWER)), number(row.text(UPPER)), number(row.text(THRESHOLD)),
                                Outcome.TRIGGERED.label().equals(row.text(OUTCOME)), "true".equals(row.text(ABOVE))));
                    }
                });
        return out;
    }

    private static double number(String s) {
        return s == null ? Double.NaN : Double.parseDouble(s);
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        Path review = a.path("--review");
        var notUsable = OutputFolder.notUsable(review);
        if (notUsable.isPresent()) { // its data must be corrected, not enlarged
            throw new IllegalArgumentException("the review in " + review + " is not usable (" + notUsable.get()
                    + "): correct its inputs and review again before a follow-up round / 该复核不可用，请先改正数据重新复核");
        }
        Map<String, Path> inputs = OutputFolder.unchangedInputs(review, "frame", "sample", "certificate");
        Path decisions = review.resolve("decisions.csv");
        if (!Files.isRegularFile(decisions)) {
            throw new IllegalArgumentException(review + " has no decisions.csv: follow up a review run with --leaders"
                    + " / 该复核没有问责结论（需 --leaders）");
        }
        Certificate previous = Certificate.read(inputs.get("certificate"));
        String previousSha = Tickets.fileSha256(inputs.get("certificate"));
        Path framePath = inputs.get("frame");
        Frame frame = Frame.read(TabularSource.of(framePath, ReviewCommand.charset(a.text("--encoding"))));
        List<FollowUp.Unsettled> unsettled = unsettled(decisions);
        int budget = a.text("--budget").isEmpty() ? Integer.MAX_VALUE : a.integer("--budget", 0);
        Map<String, Integer> inFrame = new java.util.TreeMap<>();
        frame.counties().forEach(c -> inFrame.put(c, frame.villageCount(c)));
        boolean census = a.flag("--allow-census");
        FollowUp.Budgeted round = FollowUp.allocate(unsettled, previous.villagesPerCounty(), inFrame, budget, census);
        List<FollowUp.Budgeted> options = new ArrayList<>();
        if (budget == Integer.MAX_VALUE) { // what smaller rounds would buy, for the leading group to choose
            for (int b : BUDGETS) {
                if (b < round.total()) {
                    options.add(FollowUp.allocate(unsettled, previous.villagesPerCounty(), inFrame, b, census));
                }
            }
            options.add(round);
        }
        Map<String, Integer> additions = round.added();
        if (additions.isEmpty() && budget != Integer.MAX_VALUE && !round.decisions().isEmpty()) {
            out.println("A budget of " + budget + " villages settles none of the " + round.decisions().size()
                    + " decisions that more villages could change (the first needs " + round.decisions().stream()
                            .mapToInt(FollowUp.Funded::needs).min().orElse(0) + "): no round drawn / 预算不足以增抽");
            return 0;
        }
        if (additions.isEmpty()) {
            out.println(unsettled.isEmpty() ? "Every sampled decision of " + review + " is settled: no follow-up round is"
                    + " needed / 各县结论均已稳健，无需增抽." : unsettled.size() + " decisions of " + review + " are fragile,"
                    + " but more villages would change no outcome (none is triggered or has its estimate over the line):"
                    + " no follow-up round is needed / 不稳健的结论估计值均未越过问责线、也未启动问责，增抽不会改变结论，无需增抽.");
            return 0;
        }
        FollowUp f = FollowUp.extend(frame, Tickets.fileSha256(framePath), previous, previousSha, additions);
        Path dir = a.text("--out").isEmpty() ? review.resolve("round-" + f.round()) : a.path("--out");
        if (Files.isDirectory(dir)) {
            try (var list = Files.list(dir)) {
                if (list.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir + " is not empty: give a new folder / 请换用新文件夹");
                }
            }
        }
        Files.createDirectories(dir);
        f.write(dir.resolve("sample.csv"), dir.resolve("sample.certificate.json"), dir.resolve("visits.csv"),
                String.valueOf(framePath.getFileName()), Tickets.fileSha256(framePath), Main.version());
        FollowUpPage.write(f, unsettled, round, options, dir.resolve("follow_up.html"));
        out.println("Round " + f.round() + " of " + previous.rounds() + ": " + f.added().size() + " "
                + (f.added().size() == 1 ? "county" : "counties") + " extended, "
                + f.added().values().stream().mapToInt(Integer::intValue).sum() + " villages to visit (第 " + f.round()
                + " 轮增抽)" + (budget == Integer.MAX_VALUE ? "" : ", within a budget of " + budget) + ";");
        out.println("  " + round.decisions().size() + " decisions more villages could change: ≈" + Formats.fixed(
                round.expectedSettled(), 1) + " expected to settle, " + round.capped().size() + " capped short of a census"
                + " (--allow-census), " + round.unfunded().size() + " given none:");
        for (Map.Entry<String, List<DrawnVillage>> e : f.newVillages().entrySet()) {
            out.println("  " + e.getKey() + " +" + e.getValue().size() + " villages");
        }
        out.println("Wrote " + dir.resolve("sample.csv") + " (every village, with its round), sample.certificate.json,");
        out.println("  visits.csv (the villages to visit) and follow_up.html (the round's table, for the leading group)");
        return 0;
    }
}
