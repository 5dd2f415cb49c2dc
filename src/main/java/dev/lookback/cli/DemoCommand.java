package dev.lookback.cli;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.check.Measure;
import dev.lookback.check.Unit;
import dev.lookback.draw.SrsDraw;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Sample;
import dev.lookback.rates.ErrorRate;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.Formats;
import dev.lookback.survey.IntervalMethod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookback demo}: a synthetic city with known true rates, drawn, spot-checked and reviewed. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates a synthetic city with known true error rates, draws villages from a public seed,"
                + " spot-checks them, and runs the review on the files it wrote.",
                "Inputs go to DIR/input, the review's outputs to DIR."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "lookback-demo", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "lookback-demo-2026", description = "public seed of the city and the draw (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--per-county", defaultValue = "8", description = "villages drawn per county (default: ${DEFAULT-VALUE})")
    int perCounty;

    @Option(names = "--unit", defaultValue = "persons", paramLabel = "persons|households", description = "what the rates count (default: ${DEFAULT-VALUE})")
    String unit;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        long citySeed = Long.parseUnsignedLong(Tickets.ticket(seed, "city").substring(0, 15), 16);
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(citySeed));
        Sample sample = SrsDraw.perCounty(city.frame(), seed, perCounty);
        Path input = out.resolve("input");
        city.writeFrameAndRegister(input);
        city.writeSpotCheck(sample, input);
        o.println(city + "; drew " + sample.villages().size() + " villages with seed \"" + seed + "\"");
        Unit u = Unit.parse(unit);
        ReviewResult result = Review.of(input.resolve("villages.csv"), input.resolve("sample.csv"),
                input.resolve("self_check.csv"), input.resolve("spot_check.csv"))
                .unit(u).methods(IntervalMethod.KORN_GRAUBARD, IntervalMethod.LOGIT, IntervalMethod.WILSON,
                        IntervalMethod.WALD).run();
        result.write(out);
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
        o.println("  " + out.resolve("estimates.csv") + "       error rates with intervals, per county and city");
        o.println("  " + out.resolve("discrepancies.csv") + "   the rectification list (整改清单)");
        o.println("  " + out.resolve("data_quality.csv") + "    data-quality findings");
        o.println("  " + input + "/                     the inputs, to rerun with `lookback review`");
        o.flush();
        return 0;
    }
}
