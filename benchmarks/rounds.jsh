// Two declared rounds against one (issue 21): the error spent by a Lan–DeMets O'Brien–Fleming-type function
// (99.69% then 95.31%), round 2 only where more villages could change the outcome (triggered but fragile, above the
// line but not proven), every county decided again at the second look; against one round of the same villages
// spread evenly, and against the former rule (97.5% a look, every fragile county extended). Counties of 40 (8
// drawn first) and 100–300 (20), ρ 0.05 and 0.3, persons and households, 10 counties a city. See RoundsStudy.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell -R-Dcities=60 --class-path target/lookback.jar benchmarks/rounds.jsh
// (cities: simulated cities a row), seed 1. Prints a Markdown table.
import dev.lookback.sim.*;

int cities = Integer.getInteger("cities", 60);
long t0 = System.nanoTime();
System.out.println(RoundsStudy.Result.header());
for (var r : RoundsStudy.table(cities, 1)) {
    System.out.println(r.markdown());
}
System.out.printf("%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
/exit
