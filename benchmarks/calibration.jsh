// Whether what a review prints at its defaults comes true (issue 21): false accusations per decision, per leader
// and per review with every county's propensity just below the line (1.9%, T = 2%); the upper bounds' misses of
// the county's own rate; and whether adding exactly the villages a fragile decision states settles it (counties'
// propensities uniform in 0.5%–4%). Counties of 40 villages (8 drawn) and of 100–300 (20 drawn), ρ 0.05 and 0.3,
// in persons and in households; 10 counties a review. See CalibrationStudy for the model.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell -R-Dreviews=400 -R-Dsettle=20 --class-path target/lookback.jar benchmarks/calibration.jsh
// (reviews: simulated reviews a row of the first table; settle: of the second), seed 1. Prints two Markdown tables.
import dev.lookback.sim.*;

int reviews = Integer.getInteger("reviews", 400);
int settle = Integer.getInteger("settle", 20);
var scenarios = CalibrationStudy.Scenario.table();
long t0 = System.nanoTime();
var accusations = scenarios.parallelStream().map(s -> CalibrationStudy.accusations(s, 0.019, reviews, 10, 1)).toList();
System.out.println(CalibrationStudy.Accusations.header());
accusations.forEach(r -> System.out.println(r.markdown()));
System.out.println();
var settling = scenarios.parallelStream().map(s -> CalibrationStudy.settling(s, settle, 10, 1)).toList();
System.out.println(CalibrationStudy.Settling.header());
settling.forEach(r -> System.out.println(r.markdown()));
System.out.printf("%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
/exit
