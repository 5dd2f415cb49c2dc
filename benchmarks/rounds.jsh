// Follow-up rounds (issue 13): the two-round procedure (2 rounds declared, each look at 1 − (1 − level)/2, the
// fragile counties extended by their villages to settle) against one round of the same total size spread evenly.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell --class-path target/lookback.jar benchmarks/rounds.jsh
// Prints a Markdown table for the README: 100 cities of 20 counties (-R-Dcities=N to change), seed 1.
import dev.lookback.sim.*;

int cities = Integer.getInteger("cities", 100);
System.out.println(RoundsStudy.Result.header());
for (var r : RoundsStudy.table(cities, 1)) {
    System.out.println(r.markdown());
}
/exit
