// Whether the planner's promise comes true (issue 21): `lookback plan --goal decision` at the defaults (a county at
// 0.5% triggered with chance ≤ 5%, one at 5% escaping with chance ≤ 10%, T = 2%), planned in the review's unit, and
// the review it plans simulated and decided by the review's own code; counties of 40 and 200 villages, ρ 0.05 and
// 0.3, persons and households, 10 counties a review. See PlannerStudy for the model.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell -R-Dreviews=300 --class-path target/lookback.jar benchmarks/planner.jsh
// (reviews: simulated reviews per rate and row), planner seed 1, 1,000 replicates a question. Prints a Markdown table.
import dev.lookback.sim.*;

int reviews = Integer.getInteger("reviews", 300);
long t0 = System.nanoTime();
var rows = PlannerStudy.Scenario.table().parallelStream().map(s -> PlannerStudy.run(s, reviews, 10, 1000, 1)).toList();
System.out.println(PlannerStudy.Row.header());
rows.forEach(r -> System.out.println(r.markdown()));
System.out.printf("%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
/exit
