// A follow-up round (回头看第二轮): round 1 on the demo city, the counties whose decisions it could not settle
// get more villages (the next tickets of the same public seed), the synthetic checkers visit them, and the
// combined sample is reviewed with the error spent over the 2 declared rounds.
// Run headless from the repository root:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/05-follow-up.jsh
boolean ok = false;

// 1. Round 1: 8 of 40 villages per county, 2 rounds declared in the certificate: the error spent
//    O'Brien–Fleming-wise, round 1 at 99.69% (only clear failures proven), round 2 at 95.31%.
var dir = Files.createTempDirectory("lookback-rounds");
var first = Demo.run(dir.resolve("round-1"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS);
summary(first.result());
var unsettled = Decisions.unsettled(first.result().decisions());
System.out.println(unsettled.size() + " decisions unsettled after round 1");

// 2. What round 2 would add, county by county: only where more villages could change the outcome (triggered but
//    fragile, above the line but not proven), the largest villages-to-settle of those decisions.
var certificate = Certificate.read(dir.resolve("round-1/sample.certificate.json"));
System.out.println(certificate);
System.out.println("to add: " + FollowUp.additions(unsettled, certificate.villagesPerCounty()));

// 3. The whole loop: draw the extension, visit, review the combined sample.
var second = first.followUp(dir.resolve("round-2"));
summary(second.result());
var again = Certificate.read(dir.resolve("round-2/sample.certificate.json"));
System.out.println(again + "; it cites the first: " + again.previousSha256());

// 4. Anyone can check the combined sample against the round's certificate, from the seed alone.
var sample = dev.lookback.frame.Sample.read(dev.lookback.io.TabularSource.of(dir.resolve("round-2/sample.csv")),
        second.city().frame());
var check = Draw.verify(second.city().frame(), sample, java.util.Map.of(), Demo.SEED, null, 0, again);
System.out.println("verification: " + (check.differences().isEmpty() ? "the sample is the draw" : check.differences()));

long settledBefore = first.result().decisions().stream().filter(d -> !d.fragile()).count();
long settledAfter = second.result().decisions().stream().filter(d -> !d.fragile()).count();
System.out.println("settled decisions: " + settledBefore + " after round 1, " + settledAfter + " after round 2");

ok = again.round() == 2 && check.differences().isEmpty() && settledAfter > settledBefore &&
        second.result().settings().decisionLevel(2) == ErrorSpending.lookLevel(0.95, 2, 2);
/exit ok ? 0 : 1
