// Zero-error bounds over what is independent: how often the upper 97.5% bound of a county's error rate in
// persons misses the county's own rate, with errors clustered in villages at a known ρ (DESIGN.md special case 4).
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell --class-path target/lookback.jar benchmarks/bound.jsh
// Prints a Markdown table for the README: 10 counties × 40 villages per city, 8 drawn per county, 400 cities
// per row (-R-Dcities=N to change), seed 1.
import dev.lookback.sim.*;

int cities = Integer.getInteger("cities", 400);
System.out.println(BoundStudy.Result.header());
for (var r : BoundStudy.table(cities, 1)) {
    System.out.println(r.markdown());
}
/exit
