package dev.lookback.cli;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Sample;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code lookback simulate}: writes a synthetic city's input files, for benchmarks and trials. */
final class SimulateCommand extends Command {

    @Override
    String name() {
        return "simulate";
    }

    @Override
    List<String> description() {
        return List.of("Writes the four input files of a synthetic city with known true rates: villages.csv,"
                + " self_check.csv, sample.csv and spot_check.csv.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.required("--out", "DIR", "output folder"),
                Option.optional("--counties", "N", "20", "counties"),
                Option.optional("--villages", "N", "200", "villages per county"),
                Option.optional("--households", "N", "250", "mean households per village"),
                Option.optional("--per-county", "N", "20", "villages drawn per county"),
                Option.optional("--seed", "TEXT", "lookback-simulate", "seed of the city and the draw"));
    }

    @Override
    int run(Arguments a, PrintWriter o) throws Exception {
        Path out = a.path("--out");
        String seed = a.text("--seed");
        int counties = a.integer("--counties", 1);
        int villages = a.integer("--villages", 1);
        int households = a.integer("--households", 1);
        int perCounty = a.integer("--per-county", 1);
        long citySeed = SyntheticCity.seedOf(seed);
        SyntheticCity city = SyntheticCity.generate(CitySpec.ofSize(counties, villages, households, citySeed));
        Sample sample = Draw.sample(Draw.draw(city.frame(), seed, DrawMethod.SRS, Allocation.perCounty(city.frame(), perCounty)));
        city.writeFrameAndRegister(out);
        city.writeSpotCheck(sample, out);
        o.println(city + "; " + sample + "; wrote " + out);
        return 0;
    }
}
