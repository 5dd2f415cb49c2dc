package dev.lookback.cli;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.check.Measure;
import dev.lookback.check.Unit;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.Tickets;
import dev.lookback.io.TabularSource;
import dev.lookback.frame.Sample;
import dev.lookback.rates.ErrorRate;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.Formats;
import dev.lookback.survey.IntervalMethod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/** {@code lookback demo}: a synthetic city with known true rates, drawn, spot-checked and reviewed. */
final class DemoCommand extends Command {
    /** The demo's review date: unfinished projects past their planned date by then are overdue. */
    static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 5, 31);

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
                Option.optional("--out", "DIR", "lookback-demo", "output folder"),
                Option.optional("--seed", "TEXT", "lookback-demo-2026", "public seed of the city and the draw"),
                Option.optional("--per-county", "N", "8", "villages drawn per county"),
                Option.optional("--unit", "persons|households", "persons", "what the rates count")));
        options.addAll(MeetingOutputs.options());
        return options;
    }

    @Override
    int run(Arguments a, PrintWriter o) throws Exception {
        Path out = a.path("--out");
        String seed = a.text("--seed");
        int perCounty = a.integer("--per-county", 1);
        long citySeed = SyntheticCity.seedOf(seed);
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(citySeed));
        DrawResult drawn = Draw.draw(city.frame(), seed, DrawMethod.SRS, Allocation.perCounty(city.frame(), perCounty));
        Sample sample = Draw.sample(drawn);
        Path input = out.resolve("input");
        city.writeFrameAndRegister(input);
        city.writeSpotCheck(sample, input);
        city.writeLeaders(input);
        city.writeAssistanceAndFunds(sample, input);
        drawn.writeCertificate(input.resolve("sample.certificate.json"), "villages.csv",
                Tickets.fileSha256(input.resolve("villages.csv")), Main.version());
        o.println(city + "; drew " + sample.villages().size() + " villages with seed \"" + seed + "\"");
        Unit u = ReviewCommand.unit(a.text("--unit"));
        ReviewResult result = Review.of(input.resolve("villages.csv"), input.resolve("sample.csv"),
                input.resolve("self_check.csv"), input.resolve("spot_check.csv"))
                .leaders(dev.lookback.io.TabularSource.of(input.resolve("leaders.csv")))
                .assistance(TabularSource.of(input.resolve("cadres.csv")), TabularSource.of(input.resolve("satisfaction.csv")),
                        0.10, 0.90)
                .funds(TabularSource.of(input.resolve("fund_checks.csv")), 0.01, AS_OF)
                .unit(u).methods(IntervalMethod.KORN_GRAUBARD, IntervalMethod.LOGIT, IntervalMethod.WILSON,
                        IntervalMethod.WALD).run();
        result.write(out);
        Path report = MeetingOutputs.write(a, result, out, input.resolve("sample.certificate.json"), o);
        o.print(result.summary(ReviewResult.DEFAULT_THRESHOLD));
        o.println();
        o.println("The city's true rates (known because the city is synthetic) against the estimates:");
        for (Measure m : new Measure[] {Measure.IDENTIFICATION, Measure.EXIT}) {
            ErrorRate all = result.rate(ErrorRate.ALL, m);
            o.println(String.format(Locale.ROOT, "  %-15s true %s, estimated %s %s", m.label(),
                    Formats.percent(city.trueRate(ErrorRate.ALL, m, u)), Formats.percent(all.rate()), all.interval()));
        }
        o.println();
        o.println("Open:");
        if (report != null) {
            o.println("  " + report + "         the report: decisions, estimates, charts, methods (open in a browser)");
        }
        if (!a.text("--charts").strip().equals("none")) {
            o.println("  " + out.resolve("charts") + "/             the charts (PNG 300 dpi for slides, SVG, PDF)");
        }
        o.println("  " + out.resolve("estimates.csv") + "       error rates with intervals, per county and city");
        o.println("  " + out.resolve("estimate_notes.csv") + "  why some intervals are special (census, zero errors)");
        o.println("  " + out.resolve("discrepancies.csv") + "   the rectification list (整改清单)");
        o.println("  " + out.resolve("data_quality.csv") + "    data-quality findings");
        o.println("  " + out.resolve("decisions.csv") + "       who the accountability rules reach, and why");
        o.println("  " + out.resolve("rectification") + "/       one rectification list per county (整改清单)");
        o.println("  " + input + "/                     the inputs, to rerun with `lookback review`");
        return 0;
    }
}
