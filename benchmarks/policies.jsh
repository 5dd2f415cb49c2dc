// What each decision policy risks: how often it accuses a compliant county (true rate below the line), and
// how many reviews accuse at least one. Simulated reviews of 20 counties × 40 villages, 8 drawn per county,
// errors clustered in villages (ρ = 0.05), every county at the same propensity, T = 2%, Korn–Graubard 95%.
// Run from the repository root after `mvn -q -B -DskipTests package`:
//   jshell --class-path target/lookback.jar benchmarks/policies.jsh
// Prints a Markdown table for the README (-R-Dcities=N to change the 200 reviews per row), seed 1.
import dev.lookback.sim.*;

int cities = Integer.getInteger("cities", 200);
System.out.println("| every county's propensity | ρ | households per village | policy | compliant counties accused | false accusations per review | reviews with any |");
System.out.println("|---|---|---|---|---|---|---|");
for (var r : PolicyStudy.table(cities, 1)) {
    System.out.println(r.markdown());
}
/exit
