// Planning the sample before the review: how many villages per county for a precise estimate, for a
// reliable decision (with its operating-characteristic curve), and ρ learnt from a previous review.
// Run headless from the repository root:
//   jshell --class-path target/lookback.jar --startup DEFAULT --startup notebooks/predef.jsh notebooks/04-plan.jsh
boolean ok = false;

// A county of 200 villages, about 50 households of the domain per village (cv 0.3) of 3.2 persons each, errors
// clustered in villages with intra-class correlation ρ = 0.05 (in households): each village is worth deff fewer
// independent households, and in persons every person of an erring household errs with it.
int villages = 200;
double m = 50, cv = 0.3, rho = 0.05, s = 3.2;
System.out.println("design effect: " + Formats.fixed(Plan.designEffect(m, cv, rho), 2) + " in households, ×"
        + Formats.fixed(Plan.personsFactor(s) * s, 2) + " more in persons");

// 1. Precision: a 2% rate estimated within ±1% (Korn–Graubard, 95%).
int precise = Plan.villagesForPrecision(0.02, 0.01, 0.95, m, cv, s, rho, villages);
System.out.println(precise + " villages give " + Plan.plannedInterval(0.02, precise, 0.95, m, cv, s, rho, villages));

// 2. Decision: a county whose own rate is 0.5% triggered at most 5% of the time, one at 5% escaping at most 10%,
//    confirmed by an independent run of 4,000 replicates (its 95% upper bounds are printed).
var county = Plan.county(villages, m, cv, s, rho);
var plan = Plan.villagesForDecision(county, 0.005, 0.05, 0.05, 0.10, 0.02, DecisionPolicy.POINT, 1);
System.out.println(plan);
int n = plan.villages();
double[] rates = Plan.grid(0.06, 24);
double[] oc = Plan.operatingCharacteristic(county, n, 0.02, DecisionPolicy.POINT, 1, rates);
System.out.println(n + " villages; operating characteristic against the county's own rate:");
System.out.println(Plan.ocTable(rates, oc).print());

// 3. The curve for the meeting, and the same sample under the confident policy (trigger only when sure):
//    fewer false alarms, more failing counties escape.
var out = Files.createTempDirectory("lookback-plan");
save(Charts.operatingCharacteristic(rates, oc, 0.02, n + " 个村，点估计", Lang.ZH), out.resolve("oc-point.png").toString());
double[] confident = Plan.operatingCharacteristic(county, n, 0.02, DecisionPolicy.CONFIDENT, 1, rates);
save(Charts.operatingCharacteristic(rates, confident, 0.02, n + " 个村，区间下限", Lang.ZH), out.resolve("oc-confident.png").toString());
System.out.println("P(trigger) at 3%: point " + oc[12] + ", confident " + confident[12]);

// 4. ρ from last year's review: the demo city's estimates give each county's design effect.
var last = Demo.review();
var rhos = new java.util.ArrayList<Double>();
for (var rate : last.rates()) {
    if (rate.measure() == Measure.IDENTIFICATION && !rate.county().equals("ALL")) {
        double r = Plan.rhoFromEstimate(rate.rate(), rate.estimate().standardError(), rate.estimate().units(),
                rate.villagesSampled(), rate.villagesInFrame());
        if (!Double.isNaN(r)) rhos.add(r);
    }
}
System.out.println("ρ by county: " + rhos);

// 5. The whole review at once, for the family-wise policy: every county of last year's frame sized so that a
//    county at 6% is proven failing 80% of the time across all 16 decisions, with the review-wide risk
//    (the demo city's frame: 8 counties of 40 villages).
var frame = SyntheticCity.generate(CitySpec.demo(SyntheticCity.seedOf(Demo.SEED))).frame();
var review = ReviewPlan.of(frame, 1, c -> s, 2, rho, IntervalMethod.KORN_GRAUBARD, 0.95, 0.02,
        DecisionPolicy.FAMILY_WISE, 0.005, 0.06, 0.05, 0.20, 1000, 1);
System.out.println(review);

// 6. Attribute sampling (AICPA table) for independent units, for comparison: whole villages need deff times as many.
System.out.println("attribute sample for 5% tolerable, 0 expected, 95%: " + Plan.attributeSampleSize(0.05, 0, 0.95));

ok = precise > 2 && precise < villages && n > 2 && plan.falseTriggerUpper() <= 0.05 && plan.escapeUpper() <= 0.10 &&
        confident[12] <= oc[12] && !rhos.isEmpty() && review.anyAtLine() <= 0.04 &&
        Files.size(out.resolve("oc-point.png")) > 50_000;
/exit ok ? 0 : 1
