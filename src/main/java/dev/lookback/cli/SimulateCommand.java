package dev.lookback.cli;

import dev.lookback.draw.SrsDraw;
import dev.lookback.frame.Sample;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookback simulate}: writes a synthetic city's input files, for benchmarks and trials. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the four input files of a synthetic city with known true rates:"
                + " villages.csv, self_check.csv, sample.csv and spot_check.csv."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--counties", defaultValue = "20", description = "counties (default: ${DEFAULT-VALUE})")
    int counties;

    @Option(names = "--villages", defaultValue = "200", description = "villages per county (default: ${DEFAULT-VALUE})")
    int villages;

    @Option(names = "--households", defaultValue = "250", description = "mean households per village (default: ${DEFAULT-VALUE})")
    int households;

    @Option(names = "--per-county", defaultValue = "20", description = "villages drawn per county (default: ${DEFAULT-VALUE})")
    int perCounty;

    @Option(names = "--seed", defaultValue = "lookback-simulate", description = "seed of the city and the draw (default: ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        long citySeed = Long.parseUnsignedLong(dev.lookback.draw.Tickets.ticket(seed, "city").substring(0, 15), 16);
        SyntheticCity city = SyntheticCity.generate(CitySpec.ofSize(counties, villages, households, citySeed));
        Sample sample = SrsDraw.perCounty(city.frame(), seed, perCounty);
        city.writeFrameAndRegister(out);
        city.writeSpotCheck(sample, out);
        spec.commandLine().getOut().println(city + "; " + sample + "; wrote " + out);
        return 0;
    }
}
