package dev.lookback.cli;

import dev.lookback.check.Recheck;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.TabularSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code lookback draw-recheck}: the villages of the third-party re-check, drawn among the sampled ones. */
final class RecheckDrawCommand extends Command {

    @Override
    String name() {
        return "draw-recheck";
    }

    @Override
    List<String> description() {
        return List.of("The third-party re-check's villages (第三方评估): in each county, the --per-county sampled villages"
                + " with the smallest tickets SHA-256(seed + \"/recheck/\" + village), from a published seed, so"
                + " anyone can re-derive them with sha256sum; writes county, village, ticket.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--frame", "FILE", "villages.csv, the frame the sample was drawn from"),
                Option.required("--sample", "FILE", "sample.csv, the spot-checked villages"),
                Option.required("--seed", "TEXT", "the published seed of the re-check draw"),
                Option.optional("--per-county", "K", "2", "re-check villages per county"),
                Option.optional("--out", "FILE", "recheck_villages.csv", "the villages to re-check"),
                ReviewCommand.encodingOption("CSV inputs"));
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        java.nio.charset.Charset cs = ReviewCommand.charset(a.text("--encoding"));
        Frame frame = Frame.read(TabularSource.of(a.path("--frame"), cs));
        Sample sample = Sample.read(TabularSource.of(a.path("--sample"), cs), frame);
        String seed = a.text("--seed");
        Map<String, List<String>> drawn = Recheck.draw(sample, seed, a.integer("--per-county", 1));
        Path file = a.outputFile("--out");
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "village", "ticket");
            for (Map.Entry<String, List<String>> e : drawn.entrySet()) {
                for (String v : e.getValue()) {
                    w.row(e.getKey(), v, Recheck.ticket(seed, v));
                }
            }
        }
        drawn.forEach((county, villages) -> out.println("  " + county + ": " + String.join(", ", villages)));
        out.println("Wrote " + file + " (第三方评估村)");
        return 0;
    }
}
