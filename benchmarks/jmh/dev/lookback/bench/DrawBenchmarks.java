package dev.lookback.bench;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.Plan;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drawing 10 villages per county from a national frame of 500,000 villages (500 counties × 1,000),
 * SRS and πps, and planning: the operating characteristic of a decision sample (25 rates × 1,000
 * replicates) under each policy.
 *
 * <p>Run: {@code mvn -q -B -Pjmh -DskipTests package && java -jar target/benchmarks.jar DrawBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DrawBenchmarks {
    Frame national;
    int seed;

    /** The draw method of {@link #drawNational}. */
    @State(Scope.Benchmark)
    public static class Method {
        @Param({"srs", "pps"})
        public String method;
    }

    @Setup(Level.Trial)
    public void setUp() {
        List<Village> villages = new ArrayList<>(500_000);
        for (int c = 1; c <= 500; c++) {
            String county = String.format(Locale.ROOT, "K%03d", c);
            for (int v = 1; v <= 1000; v++) {
                villages.add(new Village(county, county + "-T" + v % 7, String.format(Locale.ROOT, "%s-V%04d", county, v),
                        20 + (c * v) % 180));
            }
        }
        national = Frame.of(villages);
    }

    /** A draw with its tickets (SHA-256 per village), by county, from a new seed each time. */
    @Benchmark
    public DrawResult drawNational(Method m) {
        return Draw.draw(national, "seed " + seed++, DrawMethod.parse(m.method), Allocation.perCounty(national, 10));
    }

    /**
     * The operating characteristic of 12 villages of 200 (m̄ 50, cv 0.3, ρ 0.05), indexed by the county's own
     * rate: 25 rates × 1,000 replicates (every policy is decided on the same replicates, so one stands for all).
     */
    @Benchmark
    public double[] operatingCharacteristic() {
        double[] households = Plan.villageSizes(200, 50, 0.3);
        RiskSimulation county = RiskSimulation.planned(households, households, 200, 0.05,
                IntervalMethod.KORN_GRAUBARD, 0.95, 1000, 1);
        return Plan.operatingCharacteristic(county, 12, 0.02, DecisionPolicy.CONFIDENT, 1, Plan.grid(0.06, 24));
    }
}
