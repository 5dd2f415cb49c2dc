// A review on a synthetic city, step by step. Run headless from the repository root:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/02-review.jsh
import dev.lookback.*;
import dev.lookback.check.*;
import dev.lookback.report.*;
import dev.lookback.draw.*;
import dev.lookback.sim.*;
import dev.lookback.survey.*;
import dev.lookback.vocabulary.*;
import java.nio.file.*;

boolean ok = false;

// 1. A synthetic city with known true rates, and a verifiable draw of 8 villages per county.
var city = SyntheticCity.generate(CitySpec.demo(2026));
var sample = Draw.sample(Draw.draw(city.frame(), "2026-05-10 lottery 03 17 22 25 31", DrawMethod.SRS, Allocation.perCounty(city.frame(), 8)));
var dir = Files.createTempDirectory("lookback-notebook");
city.writeFrameAndRegister(dir);
city.writeSpotCheck(sample, dir);

// 2. The review: cross-check, then error rates with Korn–Graubard and logit intervals.
var result = Review.ofFolder(dir).unit(Unit.HOUSEHOLDS).methods(IntervalMethod.KORN_GRAUBARD, IntervalMethod.LOGIT).run();
System.out.println(result);

// 3. One rate, printed like R; its interval; the city's truth beside it.
var exit = result.rate("ALL", Measure.EXIT);
System.out.println(exit);
System.out.println("true exit error rate: " + Formats.percent(city.trueRate("ALL", Measure.EXIT, Unit.HOUSEHOLDS)));

// 4. Tablesaw views for further work.
var table = Tables.estimates(result);
System.out.println(table.where(table.stringColumn("measure").isEqualTo("exit")).print());
System.out.println(Tables.discrepancies(result).first(5).print());
System.out.println(Summary.of(result));

ok = exit.interval().isDefined() && result.rates().size() == 9 * 4;
/exit ok ? 0 : 1
