// Drawing villages from a published seed, checking the draw, extending it, and planning its size.
// Run headless from the repository root:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/01-draw.jsh
import dev.lookback.draw.*;
import dev.lookback.frame.*;
import dev.lookback.sim.*;
import dev.lookback.survey.*;
import dev.lookback.vocabulary.*;
import java.util.Map;

boolean ok = false;

// 1. A frame: the villages of a synthetic city (8 counties × 40 villages).
var frame = SyntheticCity.generate(CitySpec.demo(2026)).frame();
System.out.println(frame);

// 2. The seed is published before the draw; the allocation shares 48 villages by county size, at least 4 each.
String seed = "2026-05-10 双色球 03 17 22 25 31";
var draw = Draw.draw(frame, seed, DrawMethod.PPS, Allocation.proportional(frame, 48, 4));
System.out.println(draw);
System.out.println(draw.table().first(6).print());

// 3. Anyone can check it: the same frame and seed give the same villages; a changed village is caught.
var sample = Draw.sample(draw);
System.out.println("differences: " + Draw.verify(frame, seed, DrawMethod.PPS, sample, Map.of()));

// 4. County C03 is too uncertain: two more villages, the next in the same order.
var more = Draw.draw(frame, seed, DrawMethod.PPS, Allocation.of(Map.of("C03", draw.villages("C03").size() + 2)));
var before = draw.villages("C03").stream().map(DrawnVillage::village).toList();
var after = more.villages("C03").stream().map(DrawnVillage::village).toList();
System.out.println("C03 now: " + after.size() + " villages, containing the " + before.size() + " drawn before: "
        + after.containsAll(before));

// 5. How many villages? For ±1% around 2%, and for a decision at the 2% line.
double deff = Plan.designEffect(50, 0.3, 0.05);
int precise = Plan.villagesForPrecision(0.02, 0.01, 0.95, 50, 0.3, 1, 0.05, 40);
var county = Plan.county(40, 50, 0.3, 1, 0.05);
int decide = Plan.villagesForDecision(county, 0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.POINT, 1).villages();
System.out.println("design effect " + deff + "; precision: " + precise + " villages; decision: " + decide + " villages");
double[] rates = Plan.grid(0.06, 12);
System.out.println(Plan.ocTable(rates, Plan.operatingCharacteristic(county, decide, 0.02, DecisionPolicy.POINT, 1,
        rates)).print());

// 6. Cross-check teams: each checks another county, uniformly over all valid assignments.
var teams = java.util.List.of(new TeamAssignment.Team("一组", "C01"), new TeamAssignment.Team("二组", "C02"),
        new TeamAssignment.Team("三组", "C03"));
System.out.println(TeamAssignment.assign(teams, java.util.List.of("C01", "C02", "C03"), seed, false, java.util.Set.of()));

ok = Draw.verify(frame, seed, DrawMethod.PPS, sample, Map.of()).isEmpty() && draw.villages().size() == 48 && after.containsAll(before) && precise > 1 && decide > 1;
/exit ok ? 0 : 1
