package dev.lookback.cli;

import static dev.lookback.cli.PlanCommand.Previous.*;

import dev.lookback.ReviewSettings;
import dev.lookback.chart.ChartFonts;
import dev.lookback.chart.ChartFormat;
import dev.lookback.chart.Charts;
import dev.lookback.chart.Lang;
import dev.lookback.draw.Plan;
import dev.lookback.draw.ReviewPlan;
import dev.lookback.draw.RiskSimulation;
import dev.lookback.frame.Frame;
import dev.lookback.io.Column;
import dev.lookback.io.Columns;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.TabularSource;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.report.OutputFiles;
import dev.lookback.vocabulary.Field;
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Unit;
import java.io.PrintWriter;
import java.util.List;
import tech.tablesaw.api.Table;

/** {@code lookback plan}: how many villages a county needs. */
final class PlanCommand extends Command {

    @Override
    String name() {
        return "plan";
    }

    @Override
    List<String> description() {
        return List.of("How many villages a county must draw. --goal precision: a Korn–Graubard interval within"
                + " ±margin of the expected rate. --goal decision: a county whose own rate is --ok is wrongly"
                + " triggered with probability ≤ --alpha and one at --bad escapes with probability ≤ --beta, under"
                + " --policy, with errors clustered in villages, confirmed by an independent run; prints the operating"
                + " characteristic. --goal review: every county of --frame sized so, and the review-wide risk (for"
                + " the family-wise policy). --goal attribute: units for attribute sampling (AICPA), for comparison.",
                "In the review's unit (--unit, persons by default): villages of --households-per-village H̄ domain"
                        + " households (size cv --cv) of --persons-per-household s persons, or the villages of a previous"
                        + " review's tallies (--tallies-from); errors clustered in villages at --rho (in households):"
                        + " design effect 1 + ((cv²+1)·H̄ − 1)·ρ. An erring household carries 1 + Poisson(s − 1) persons.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.optional("--goal", "precision|decision|review|attribute", "precision", "what the sample must achieve"),
                Option.optional("--villages", "N", "200", "villages of the county in the frame"),
                Option.optional("--unit", "persons|households", ReviewSettings.defaults().unit().label(),
                        "the review's unit, as `lookback review --unit`"),
                Option.optional("--households-per-village", "H", "50", "mean domain households per village"),
                Option.optional("--persons-per-household", "S", "", "persons of a domain household (required with"
                        + " --unit persons unless --tallies-from)"),
                Option.optional("--tallies-from", "FILE", "", "a previous review's tallies.csv: its villages of --measure"
                        + " (domain households and units) are the planned county's (review: each county's persons per"
                        + " household)"),
                Option.optional("--units-per-village", "M", "", "refused: ambiguous (persons or households?); give"
                        + " --households-per-village and --persons-per-household"),
                Option.optional("--cv", "CV", "0.3", "coefficient of variation of the households per village"),
                Option.optional("--rho", "RHO", Double.toString(Plan.TYPICAL_RHO), "intra-village correlation of errors"),
                Option.optional("--rho-from", "FILE", "", "estimate ρ from a previous review's estimates.csv or"
                        + " tallies.csv (the median over its counties), instead of --rho"),
                Option.optional("--measure", "NAME", "identification", "with --rho-from or --tallies-from: the measure"
                        + " whose rows to use"),
                Option.optional("--level", "L", Double.toString(ReviewSettings.defaults().level()), "confidence level of the intervals"),
                Option.optional("--rate", "P", "0.02", "precision: the expected error rate"),
                Option.optional("--margin", "E", "0.01", "precision: the largest distance from the rate to a bound"),
                Option.optional("--threshold", "T", Double.toString(Line.ERROR_THRESHOLD.defaultValue()), "decision: the accountability threshold"),
                Option.optional("--policy", "point|confident|family-wise|precautionary",
                        ReviewSettings.defaults().policy().label(), "decision, review: how the interval decides"),
                Option.optional("--family", "M", "", "decision with --policy family-wise: the review's decisions the"
                        + " policy adjusts over (counties × measures)"),
                Option.optional("--ci-method", "M", ReviewSettings.defaults().methods().get(0).label(),
                        "decision, review: the decisions' interval method"),
                Option.optional("--frame", "FILE", "", "review: villages.csv, whose counties and village sizes"
                        + " (households) are planned"),
                Option.optional("--domain-share", "S", "1", "review: the share of a village's households in the"
                        + " measure's domain (1 for identification; the exited share for exit)"),
                Option.optional("--measures", "K", "2", "review: decisions per county (identification and exit)"),
                ReviewCommand.encodingOption("review: --frame"),
                Option.optional("--out", "FILE", "", "review: write the plan as CSV"),
                Option.optional("--ok", "P", "0.005", "decision: a compliant county's rate"),
                Option.optional("--bad", "P", "0.05", "decision: a failing county's rate"),
                Option.optional("--alpha", "A", "0.05", "decision: largest chance of triggering a compliant county"),
                Option.optional("--beta", "B", "0.10", "decision: largest chance that a failing county escapes"),
                Option.optional("--replicates", "R", "1000", "decision, review: simulated samples per rate of the search;"
                        + " the confirmation runs " + Plan.CONFIRMATION_FACTOR + " times as many"),
                Option.optional("--seed", "S", "1", "decision: seed of the Monte Carlo"),
                Option.optional("--tolerable", "T", "0.05", "attribute: tolerable rate"),
                Option.optional("--expected", "P", "0", "attribute: expected rate"),
                Option.optional("--confidence", "C", "0.95", "attribute: one-sided confidence"),
                Option.optional("--oc-out", "FILE", "", "decision: write the operating characteristic as CSV"),
                Option.optional("--chart", "FILE", "", "decision: draw the operating characteristic to FILE (.png at"
                        + " 300 dpi, .svg or .pdf)"),
                Option.optional("--lang", "zh|en", "zh", "language of the chart's labels"));
    }

    /**
     * The columns of a previous review's estimates.csv or tallies.csv, as their files declare them: in a class of their
     * own, so that the output files' declarations are made when a plan reads them, not whenever a command line starts.
     */
    static final class Previous {
        static final Column COUNTY = OutputFiles.ESTIMATES.reading(Field.COUNTY);
        static final Column MEASURE = OutputFiles.ESTIMATES.reading(Field.MEASURE);
        static final Column UNITS = OutputFiles.ESTIMATES.reading(Field.UNITS);
        static final Column ESTIMATE = OutputFiles.ESTIMATES.readingOptional(Field.ESTIMATE);
        static final Column STD_ERROR = OutputFiles.ESTIMATES.readingOptional(Field.STD_ERROR);
        static final Column VILLAGES_SAMPLED = OutputFiles.ESTIMATES.readingOptional(Field.VILLAGES_SAMPLED);
        static final Column VILLAGES_IN_FRAME = OutputFiles.ESTIMATES.readingOptional(Field.VILLAGES_IN_FRAME);
        static final Column VILLAGE = MeasureTallies.FILE.readingOptional(Field.VILLAGE);
        static final Column ERRORS = MeasureTallies.FILE.readingOptional(Field.ERRORS);
        static final Column HOUSEHOLD_ERRORS = MeasureTallies.FILE.readingOptional(Field.HOUSEHOLD_ERRORS);
        static final Column DOMAIN_HOUSEHOLDS = MeasureTallies.FILE.readingOptional(Field.DOMAIN_HOUSEHOLDS);

        private Previous() {
        }
    }

    /**
     * The median ρ over the counties of a previous review: from its estimates.csv (each county's STD_ERROR
     * against the binomial one) or from its tallies.csv (the ANOVA estimator over each county's villages).
     */
    static double rhoFrom(Arguments a, PrintWriter out) {
        String measure = a.text("--measure");
        java.util.Map<String, Double> byCounty = new java.util.TreeMap<>();
        java.util.Map<String, List<double[]>> tallies = new java.util.TreeMap<>();
        TabularSource.of(a.path("--rho-from")).read(List.of(COUNTY, MEASURE, UNITS, ESTIMATE, STD_ERROR, VILLAGES_SAMPLED, VILLAGES_IN_FRAME,
                VILLAGE, ERRORS, HOUSEHOLD_ERRORS, DOMAIN_HOUSEHOLDS), row -> {
                    if (!measure.equals(row.text(MEASURE)) || "ALL".equals(row.text(COUNTY))) {
                        return;
                    }
                    if (row.text(VILLAGE) != null) { // tallies.csv: one village per row, ρ in households where it can
                        boolean inHouseholds = row.text(DOMAIN_HOUSEHOLDS) != null && row.text(HOUSEHOLD_ERRORS) != null;
                        double units = row.number(inHouseholds ? DOMAIN_HOUSEHOLDS : UNITS, 0, Double.MAX_VALUE);
                        double errors = row.number(inHouseholds ? HOUSEHOLD_ERRORS : ERRORS, 0, Double.MAX_VALUE);
                        if (Double.isNaN(errors) || Double.isNaN(units)) {
                            throw row.error(Double.isNaN(errors) ? ERRORS : UNITS, "", "a tally needs errors and units");
                        }
                        tallies.computeIfAbsent(row.text(COUNTY), k -> new java.util.ArrayList<>())
                                .add(new double[] {errors, units});
                        return;
                    }
                    if (row.text(ESTIMATE) == null || row.text(STD_ERROR) == null || row.text(VILLAGES_SAMPLED) == null
                            || row.text(VILLAGES_IN_FRAME) == null) {
                        throw row.error(ESTIMATE, "", "expected a review's estimates.csv (estimate, std_error, units,"
                                + " villages_sampled, villages_in_frame) or tallies.csv (village, errors, units)");
                    }
                    if ("NaN".equals(row.text(ESTIMATE)) || "NaN".equals(row.text(STD_ERROR))) {
                        return; // an empty domain or no variance estimate: nothing to learn from
                    }
                    double r = Plan.rhoFromEstimate(row.number(ESTIMATE, 0, 1), row.number(STD_ERROR, 0, 1),
                            row.number(UNITS, 0, Double.MAX_VALUE), row.integer(VILLAGES_SAMPLED, 0), row.integer(VILLAGES_IN_FRAME, 1));
                    if (!Double.isNaN(r)) {
                        byCounty.putIfAbsent(row.text(COUNTY), r);
                    }
                });
        tallies.forEach((county, villages) -> {
            double r = Plan.rhoFromTallies(villages.stream().mapToDouble(v -> v[0]).toArray(),
                    villages.stream().mapToDouble(v -> v[1]).toArray());
            if (!Double.isNaN(r)) {
                byCounty.put(county, r);
            }
        });
        if (byCounty.isEmpty()) {
            throw new IllegalArgumentException("--rho-from: no county row of measure " + measure + " in "
                    + a.text("--rho-from") + " has errors and a standard error (or villages with errors) to estimate ρ from");
        }
        double[] values = byCounty.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        out.println("ρ from " + a.text("--rho-from") + " (" + measure + "), by county: " + byCounty.entrySet().stream()
                .map(e -> e.getKey() + " " + Formats.fixed(e.getValue(), 3)).collect(java.util.stream.Collectors.joining(", "))
                + "; median " + Formats.fixed(median, 3));
        return median;
    }

    /**
     * The planned county's villages in the review's unit: domain households and units (persons, or the households
     * themselves) per village.
     */
    record Villages(double[] households, double[] units) {
        double meanHouseholds() {
            return java.util.Arrays.stream(households).average().orElse(0);
        }

        double personsPerHousehold() {
            return java.util.Arrays.stream(units).sum() / java.util.Arrays.stream(households).sum();
        }

        /** The coefficient of variation of the households per village. */
        double cv() {
            double mean = meanHouseholds();
            double ss = java.util.Arrays.stream(households).map(h -> (h - mean) * (h - mean)).sum();
            return households.length > 1 ? Math.sqrt(ss / (households.length - 1)) / mean : 0;
        }
    }

    /**
     * The unit asked for, refusing what cannot be told apart: {@code --units-per-village} (persons or households?),
     * and a review in persons with neither persons per household nor a previous review's tallies.
     */
    static Unit unit(Arguments a, boolean attribute) {
        if (!a.text("--units-per-village").isEmpty()) {
            throw new IllegalArgumentException("--units-per-village is ambiguous: persons or households? Errors fall on"
                    + " households and every person of an erring household errs with it, so the plan needs both: give"
                    + " --households-per-village H and, for a review in persons (the default --unit), --persons-per-household S"
                    + " or --tallies-from a previous review's tallies.csv / --units-per-village 含义不明（人还是户？）：请给出"
                    + " --households-per-village 与 --persons-per-household");
        }
        Unit unit = Unit.parse(a.text("--unit"));
        boolean noPersons = a.text("--persons-per-household").isEmpty() && a.text("--tallies-from").isEmpty();
        if (attribute && noPersons) {
            return Unit.HOUSEHOLDS; // units taken as independent: the design effect is then stated for households
        }
        if (unit == Unit.PERSONS && noPersons) {
            throw new IllegalArgumentException("--unit persons (the review's default) needs the persons of a household:"
                    + " give --persons-per-household S (e.g. 3.2), or --tallies-from a previous review's tallies.csv, or"
                    + " plan a review in households with --unit households / 按人计算需给出户均人数 --persons-per-household");
        }
        if (unit == Unit.HOUSEHOLDS && !a.text("--persons-per-household").isEmpty()) {
            throw new IllegalArgumentException("--persons-per-household " + a.text("--persons-per-household") + " with --unit"
                    + " households: a review in households counts no persons; drop one of them");
        }
        return unit;
    }

    /** Persons per domain household: --persons-per-household, 1 in households. */
    static double personsPerHousehold(Arguments a, Unit unit) {
        if (unit == Unit.HOUSEHOLDS) {
            return 1;
        }
        double s = a.number("--persons-per-household");
        if (!(s >= 1 && s <= 50)) {
            throw new IllegalArgumentException("--persons-per-household: " + a.text("--persons-per-household")
                    + " is not a number of persons between 1 and 50");
        }
        return s;
    }

    /** The villages of --measure in a previous review's tallies.csv, by county, each {domain households, units}. */
    static java.util.Map<String, List<double[]>> tallies(Arguments a) {
        String measure = a.text("--measure");
        java.util.Map<String, List<double[]>> byCounty = new java.util.TreeMap<>();
        TabularSource.of(a.path("--tallies-from")).read(List.of(COUNTY, MeasureTallies.FILE.reading(Field.VILLAGE), MEASURE, UNITS,
                DOMAIN_HOUSEHOLDS), row -> {
                    if (!measure.equals(row.text(MEASURE))) {
                        return;
                    }
                    if (row.text(DOMAIN_HOUSEHOLDS) == null) {
                        throw row.error(DOMAIN_HOUSEHOLDS, "", "tallies that say how many households hold the units"
                                + " (domain_households), as every review and lookback-spark write them: without it persons"
                                + " and households cannot be told apart");
                    }
                    double h = row.number(DOMAIN_HOUSEHOLDS, 0, Double.MAX_VALUE);
                    double u = row.number(UNITS, h, Double.MAX_VALUE);
                    if (h > 0) {
                        byCounty.computeIfAbsent(row.text(COUNTY), k -> new java.util.ArrayList<>()).add(new double[] {h, u});
                    }
                });
        if (byCounty.isEmpty()) {
            throw new IllegalArgumentException("--tallies-from " + a.text("--tallies-from") + ": no village of measure "
                    + measure + " with domain households");
        }
        return byCounty;
    }

    /** The planned county's villages: from --tallies-from, or N villages of H̄ households (cv) and s persons each. */
    static Villages villages(Arguments a, Unit unit, int villages) {
        if (!a.text("--tallies-from").isEmpty()) {
            List<double[]> all = tallies(a).values().stream().flatMap(List::stream)
                    .sorted(java.util.Comparator.comparingDouble((double[] v) -> v[0]).thenComparingDouble(v -> v[1]))
                    .toList();
            if (all.size() > villages) { // more villages than the county has: N of them evenly over their sizes
                List<double[]> pool = all;
                all = java.util.stream.IntStream.range(0, villages).mapToObj(i -> pool.get((int) ((i + 0.5) * pool.size()
                        / villages))).toList();
            }
            double[] h = all.stream().mapToDouble(v -> v[0]).toArray();
            double[] u = all.stream().mapToDouble(v -> unit == Unit.HOUSEHOLDS ? v[0] : v[1]).toArray();
            return new Villages(h, u);
        }
        double m = a.number("--households-per-village");
        double cv = a.number("--cv");
        if (!(m >= 1 && cv >= 0)) {
            throw new IllegalArgumentException("need --households-per-village ≥ 1 and --cv ≥ 0");
        }
        double[] h = Plan.villageSizes(villages, m, cv);
        return new Villages(h, Plan.persons(h, personsPerHousehold(a, unit)));
    }

    /**
     * Each county's persons per domain household: --persons-per-household, or from --tallies-from (the county's own
     * villages, else all of them); 1 in households.
     */
    static java.util.function.ToDoubleFunction<String> personsByCounty(Arguments a, Unit unit) {
        if (unit == Unit.HOUSEHOLDS) {
            return county -> 1;
        }
        if (a.text("--tallies-from").isEmpty()) {
            double s = personsPerHousehold(a, unit);
            return county -> s;
        }
        java.util.Map<String, List<double[]>> byCounty = tallies(a);
        java.util.function.Function<List<double[]>, Double> ratio = vs -> vs.stream().mapToDouble(v -> v[1]).sum()
                / vs.stream().mapToDouble(v -> v[0]).sum();
        double all = ratio.apply(byCounty.values().stream().flatMap(List::stream).toList());
        return county -> byCounty.containsKey(county) ? ratio.apply(byCounty.get(county)) : all;
    }

    /** The family a family-wise decision adjusts over: --family, required for that policy. */
    private static int family(Arguments a, DecisionPolicy policy) {
        if (policy != DecisionPolicy.FAMILY_WISE) {
            return 1;
        }
        if (a.text("--family").isEmpty()) {
            throw new IllegalArgumentException("--policy family-wise decides over a whole review: give --family M, the"
                    + " review's decisions (counties × measures), or plan every county at once with --goal review");
        }
        return a.integer("--family", 1);
    }

    @Override
    int run(Arguments a, PrintWriter out) throws Exception {
        if (!a.text("--chart").isEmpty()) { // a typo in the file name's format should cost nothing
            String name = a.path("--chart").getFileName().toString();
            try {
                ChartFormat.ofFile(a.outputFile("--chart"));
                Lang.parse(a.text("--lang"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--chart " + name + ": " + e.getMessage());
            }
        }
        String goal = a.text("--goal");
        if (!List.of("precision", "decision", "review", "attribute").contains(goal)) {
            throw new IllegalArgumentException("--goal: \"" + goal + "\" is not precision, decision, review or attribute");
        }
        int villages = a.integer("--villages", 2);
        Unit unit = unit(a, goal.equals("attribute"));
        double rho = a.text("--rho-from").isEmpty() ? a.number("--rho") : rhoFrom(a, out);
        double level = a.number("--level");
        if (!(rho >= 0 && rho < 1 && level > 0 && level < 1)) {
            throw new IllegalArgumentException("need 0 ≤ --rho < 1 and 0 < --level < 1");
        }
        Villages county = goal.equals("review") ? null : villages(a, unit, villages);
        double m = county == null ? 0 : county.meanHouseholds();
        double cv = county == null ? 0 : county.cv();
        double persons = county == null ? 1 : county.personsPerHousehold();
        // the design effect against the review's units taken as independent: villages (ρ), then persons of a household
        double deff = Plan.designEffect(m, cv, rho) * Plan.personsFactor(persons) * persons;
        String inUnit = unit == Unit.HOUSEHOLDS ? "in households, " + Formats.fixed(m, 1) + " a village"
                : "in persons, " + Formats.fixed(m, 1) + " households a village of " + Formats.fixed(persons, 2)
                        + " persons";
        switch (goal) {
            case "precision": {
                double p = a.number("--rate");
                double e = a.number("--margin");
                int n = Plan.villagesForPrecision(p, e, level, m, cv, persons, rho, villages);
                Interval ci = Plan.plannedInterval(p, n, level, m, cv, persons, rho, villages);
                out.println("Precision: " + n + " of " + villages + " villages (" + inUnit + ": about "
                        + Formats.number(Math.round(n * m)) + " households" + (unit == Unit.PERSONS ? ", "
                        + Formats.number(Math.round(n * m * persons)) + " persons" : "") + "; design effect "
                        + Formats.fixed(deff, 2) + ") give a Korn–Graubard "
                        + Formats.number(100 * level) + "% interval of " + ci + " at an expected rate of "
                        + Formats.percent(p) + ", within ±" + Formats.percent(e) + ".");
                return 0;
            }
            case "decision": {
                double t = a.number("--threshold");
                DecisionPolicy policy = DecisionPolicy.parse(a.text("--policy"));
                int family = family(a, policy);
                int replicates = a.integer("--replicates", 100);
                long seed = Long.parseLong(a.text("--seed"));
                RiskSimulation sim = RiskSimulation.planned(county.households(), county.units(), villages, rho,
                        IntervalMethod.parse(a.text("--ci-method")), level, replicates, seed);
                Plan.DecisionPlan plan = Plan.villagesForDecision(sim, a.number("--ok"), a.number("--bad"),
                        a.number("--alpha"), a.number("--beta"), t, policy, family);
                int n = plan.villages();
                double[] rates = Plan.grid(Math.max(3 * t, a.number("--bad") * 1.2), 24);
                double[] oc = n >= villages ? null : Plan.operatingCharacteristic(sim, n, t, policy, family, rates);
                out.println("Decision: " + n + " of " + villages + " villages (" + inUnit + "; " + policy.label()
                        + " policy" + (family > 1 ? " over " + family + " decisions" : "") + ", threshold "
                        + Formats.percent(t) + ", ρ " + Formats.fixed(rho, 3) + "): a county whose own rate is "
                        + Formats.percent(a.number("--ok")) + " is triggered with probability ≤ " + a.text("--alpha")
                        + ", one at " + Formats.percent(a.number("--bad")) + " escapes with probability ≤ "
                        + a.text("--beta") + (n >= villages ? " only by checking every village." : "."));
                if (oc != null) {
                    out.println(String.format(java.util.Locale.ROOT, "Confirmed by %d independent replicates: triggered"
                            + " at %s %.4f (%.0f%% upper bound %.4f), escapes at %s %.4f (upper bound %.4f).",
                            plan.confirmation(), Formats.percent(plan.ok()), plan.falseTrigger(),
                            100 * Plan.CONFIRMATION_CONFIDENCE, plan.falseTriggerUpper(), Formats.percent(plan.bad()),
                            plan.escape(), plan.escapeUpper()));
                    out.println("Operating characteristic (probability of triggering against the county's own rate):");
                    for (int i = 0; i < rates.length; i++) {
                        out.println(String.format(java.util.Locale.ROOT, "  %7s  %5.3f  %s", Formats.percent(rates[i]),
                                oc[i], "#".repeat((int) Math.round(40 * oc[i]))));
                    }
                    if (!a.text("--oc-out").isEmpty()) {
                        try (CsvWriter w = CsvWriter.create(a.outputFile("--oc-out"))) {
                            w.row("rate", "probability_triggered", "villages", "policy", "threshold");
                            for (int i = 0; i < rates.length; i++) {
                                w.row(rates[i], oc[i], n, policy.label(), t);
                            }
                        }
                        out.println("Wrote " + a.text("--oc-out"));
                    }
                    if (!a.text("--chart").isEmpty()) {
                        Lang lang = ChartFonts.usable(Lang.parse(a.text("--lang")));
                        String subtitle = lang.pick(n + " 个村，ρ = ", n + " villages, ρ = ") + Formats.fixed(rho, 3)
                                + lang.pick("，", ", ") + policy.label();
                        Charts.save(Charts.operatingCharacteristic(rates, oc, t, subtitle, lang), a.outputFile("--chart"));
                        out.println("Wrote " + a.text("--chart"));
                    }
                }
                return 0;
            }
            case "review": {
                if (a.text("--frame").isEmpty()) {
                    throw new IllegalArgumentException("--goal review needs --frame villages.csv");
                }
                Frame frame = Frame.read(TabularSource.of(a.path("--frame"), ReviewCommand.charset(a.text("--encoding"))));
                ReviewPlan plan = ReviewPlan.of(frame, a.number("--domain-share"), personsByCounty(a, unit),
                        a.integer("--measures", 1), rho,
                        IntervalMethod.parse(a.text("--ci-method")), level, a.number("--threshold"),
                        DecisionPolicy.parse(a.text("--policy")), a.number("--ok"), a.number("--bad"), a.number("--alpha"),
                        a.number("--beta"), a.integer("--replicates", 100), Long.parseLong(a.text("--seed")));
                out.println(plan);
                if (!a.text("--out").isEmpty()) {
                    try (CsvWriter w = CsvWriter.create(a.outputFile("--out"))) {
                        Table t = plan.table();
                        w.row(t.columnNames().toArray());
                        for (int i = 0; i < t.rowCount(); i++) {
                            Object[] cells = new Object[t.columnCount()];
                            for (int j = 0; j < cells.length; j++) {
                                cells[j] = t.column(j).get(i);
                            }
                            w.row(cells);
                        }
                    }
                    out.println("Wrote " + a.text("--out"));
                }
                return 0;
            }
            case "attribute": {
                int n = Plan.attributeSampleSize(a.number("--tolerable"), a.number("--expected"), a.number("--confidence"));
                out.println("Attribute sampling: " + n + " independent units find a tolerable rate of "
                        + Formats.percent(a.number("--tolerable")) + " at " + Formats.number(100 * a.number("--confidence"))
                        + "% confidence with " + Formats.percent(a.number("--expected")) + " expected; whole villages ("
                        + inUnit + ") need about deff = " + Formats.fixed(deff, 2) + " times as many "
                        + unit.label() + ".");
                return 0;
            }
            default:
                throw new IllegalArgumentException("--goal: \"" + a.text("--goal") + "\" is not precision, decision,"
                        + " review or attribute");
        }
    }
}
