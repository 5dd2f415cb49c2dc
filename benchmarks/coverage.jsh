// Coverage study: how often each 95% interval covers the true rate of synthetic cities.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell --class-path target/lookback.jar benchmarks/coverage.jsh
// Prints a Markdown table for the README. Cities: 6 counties × 30 villages of 15–50 households,
// 8 villages drawn per county, errors clustered in villages (log-normal propensity, σ = 0.8).
import dev.lookback.vocabulary.Unit;
import dev.lookback.sim.*;

var spec = new CitySpec(6, 30, 15, 50, 0.08, 0.12, 0.01, 0.05, 0.04, 0.003, 0.8, 1);
int cities = Integer.getInteger("cities", 400);
for (var unit : new Unit[] {Unit.HOUSEHOLDS, Unit.PERSONS}) {
    var study = CoverageStudy.run(spec, cities, 8, unit, 0.95);
    System.out.println("\n" + unit.label() + ", " + cities + " cities:\n");
    System.out.println("| method | county rows | city rows | mean width (county) |");
    System.out.println("|---|---|---|---|");
    int n = study.size() / 2;
    for (int i = 0; i < n; i++) {
        var c = study.get(i);
        var a = study.get(i + n);
        System.out.println(String.format(java.util.Locale.ROOT, "| %s | %.1f%% of %d | %.1f%% of %d | %.3f |",
                c.method().label(), 100 * c.rate(), c.defined(), 100 * a.rate(), a.defined(), c.meanWidth()));
    }
}
/exit
