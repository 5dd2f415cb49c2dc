package dev.lookback.cli;

import dev.lookback.ReviewResult;
import dev.lookback.rates.ErrorRate;
import dev.lookback.report.OutputFolder;
import dev.lookback.report.Summary;
import dev.lookback.sim.Demo;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.Formats;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code lookback demo}: a synthetic city with known true rates, drawn, spot-checked and reviewed. */
final class DemoCommand extends Command {

    @Override
    String name() {
        return "demo";
    }

    @Override
    List<String> description() {
        return List.of("Generates a synthetic city with known true error rates, draws villages from a public seed,"
                + " spot-checks them, and runs the review on the files it wrote.",
                "Inputs go to DIR/input, the review's outputs to DIR.");
    }

    @Override
    List<Option> options() {
        List<Option> options = new java.util.ArrayList<>(List.of(
                Option.optional("--out", "DIR", "lookback-demo", "output folder (an earlier demo's files there are"
                        + " replaced)"),
                Option.flag("--force", "replace files in --out by Lookback's names that no manifest accounts for"),
                Option.optional("--seed", "TEXT", Demo.SEED, "public seed of the city and the draw"),
                Option.optional("--per-county", "N", String.valueOf(Demo.PER_COUNTY), "villages drawn per county"),
                Option.optional("--unit", "persons|households", dev.lookback.ReviewSettings.defaults().unit().label(), "what the rates count")));
        options.addAll(MeetingOutputs.options());
        return options;
    }

    @Override
    int run(Arguments a, PrintWriter o) throws Exception {
        Path out = a.path("--out");
        String seed = a.text("--seed");
        int perCounty = a.integer("--per-county", 1);
        Path input = out.resolve("input");
        Unit u = ReviewCommand.unit(a.text("--unit"));
        MeetingOutputs.Asked asked = MeetingOutputs.check(a);
        java.util.List<String> replaced = OutputFolder.prepare(out, a.flag("--force"), "input");
        Demo demo = Demo.run(input, seed, perCounty, u);
        SyntheticCity city = demo.city();
        ReviewResult result = demo.result();
        o.println(city + ";");
        o.println("  drew " + demo.draw().villages().size() + " villages with the public seed \"" + seed + "\"");
        Path report = MeetingOutputs.write(asked, result, out, o); // and the review's files (ReviewFiles)
        OutputFolder.record(out, result, java.util.Map.of(), Main.version(), "input");
        o.print(Summary.of(result, asked.workbooks()));
        o.println();
        o.println("The city's true rates (known because the city is synthetic) against the estimates:");
        for (Measure m : new Measure[] {Measure.IDENTIFICATION, Measure.EXIT}) {
            ErrorRate all = result.rate(ErrorRate.ALL, m);
            o.println(String.format(Locale.ROOT, "  %-15s true %s, estimated %s %s", m.label(),
                    Formats.percent(city.trueRate(ErrorRate.ALL, m, u)), Formats.percent(all.rate()), all.interval()));
        }
        o.println();
        o.println("Open:");
        java.util.List<String[]> files = new java.util.ArrayList<>();
        if (report != null) {
            files.add(new String[] {report.toString(), "the report: decisions, estimates, charts, methods (open in a browser)"});
        }
        if (asked.workbooks()) {
            files.add(new String[] {out.resolve("review.xlsx").toString(), "the workbook for officials (Excel, WPS):"
                    + " decisions, rates, rectification, data quality"});
        }
        if (!asked.formats().isEmpty()) {
            files.add(new String[] {out.resolve("charts") + "/", "the charts (PNG at 300 dpi for slides)"});
        }
        files.add(new String[] {out.resolve("rectification") + "/", asked.workbooks() ? "per county: the workbook it"
                + " receives (.xlsx) and its list as CSV (整改清单)" : "per county: its list as CSV (整改清单)"});
        files.add(new String[] {out + "/*.csv", "the same for machines: estimates, decisions, discrepancies, data"
                + " quality, tallies (UTF-8)"});
        files.add(new String[] {input + "/", "the inputs, to rerun with `lookback review`"});
        files.add(new String[] {out.resolve(OutputFolder.MANIFEST).toString(), "what this run read and wrote, with"
                + " SHA-256 sums" + (replaced.isEmpty() ? "" : " (it replaced the " + replaced.size() + " files of the"
                        + " run before)")});
        int width = files.stream().mapToInt(f -> f[0].length()).max().orElse(0);
        for (String[] f : files) {
            o.println("  " + f[0] + " ".repeat(width - f[0].length() + 2) + f[1]);
        }
        return 0;
    }
}
