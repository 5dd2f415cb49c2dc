package dev.lookback.bench;

import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.Column;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.ErrorRate;
import dev.lookback.rates.ErrorRates;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The review's stages on a city of 20 counties × 200 villages × ~250 households (a 1,000,000-household
 * register, 20 villages drawn per county): reading the register, the cross-check (matching and
 * tallying), and the estimation with each interval method; and the Rao–Wu bootstrap with 1,000
 * replicates on a province design (100 counties × 20 sampled villages).
 *
 * <p>Run: {@code mvn -q -B -Pjmh -DskipTests package && java -jar target/benchmarks.jar ReviewBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class ReviewBenchmarks {
    Path dir;
    Frame frame;
    Sample sample;
    CrossCheckResult cross;
    CrossCheckResult province;

    /** The interval method of {@link #estimate}: a state of its own, so that only it runs once per method. */
    @State(Scope.Benchmark)
    public static class Interval {
        @Param({"korn-graubard", "wald", "logit", "wilson"})
        public String method;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("lookback-jmh");
        SyntheticCity city = SyntheticCity.generate(CitySpec.ofSize(20, 200, 250, 1));
        sample = Draw.sample(Draw.draw(city.frame(), "jmh", DrawMethod.SRS, Allocation.perCounty(city.frame(), 20)));
        city.writeFrameAndRegister(dir);
        city.writeSpotCheck(sample, dir);
        frame = city.frame();
        cross = crossCheck();
        SyntheticCity big = SyntheticCity.generate(CitySpec.ofSize(100, 200, 25, 2));
        Sample drawn = Draw.sample(Draw.draw(big.frame(), "jmh", DrawMethod.SRS, Allocation.perCounty(big.frame(), 20)));
        Path p = dir.resolve("province");
        big.writeFrameAndRegister(p);
        big.writeSpotCheck(drawn, p);
        province = CrossCheck.run(big.frame(), drawn, TabularSource.of(p.resolve("self_check.csv")),
                TabularSource.of(p.resolve("spot_check.csv")));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Reads and splits the whole register, every column kept. */
    @Benchmark
    public long readRegister() {
        LongAdder rows = new LongAdder();
        TabularSource.of(dir.resolve("self_check.csv")).read(List.of(Column.required("household"),
                Column.required("county"), Column.required("village"), Column.required("persons"),
                Column.required("status")), row -> rows.increment());
        return rows.sum();
    }

    /** Reads both files, matches spot-checked households to the register and tallies villages. */
    @Benchmark
    public CrossCheckResult crossCheck() {
        return CrossCheck.run(frame, sample, TabularSource.of(dir.resolve("self_check.csv")),
                TabularSource.of(dir.resolve("spot_check.csv")));
    }

    /** Every county × measure estimate with one interval method. */
    @Benchmark
    public List<ErrorRate> estimate(Interval interval) {
        return ErrorRates.estimate(cross, Unit.PERSONS, 0.95, List.of(IntervalMethod.parse(interval.method)),
                LonelyPsu.ADJUST, dev.lookback.ReviewSettings.defaults().bootstrap(),
                dev.lookback.ReviewSettings.defaults().rho());
    }

    /** Korn–Graubard and 1,000 Rao–Wu bootstrap replicates for 100 counties (2,000 sampled villages). */
    @Benchmark
    public List<ErrorRate> bootstrapProvince() {
        return ErrorRates.estimate(province, Unit.PERSONS, 0.95,
                List.of(IntervalMethod.KORN_GRAUBARD, IntervalMethod.BOOTSTRAP), LonelyPsu.ADJUST,
                RaoWuBootstrap.of(1, 1000), dev.lookback.ReviewSettings.defaults().rho());
    }
}
