package dev.lookback.cli;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.ESTIMATE;
import static dev.lookback.io.Columns.MEASURE;
import static dev.lookback.io.Columns.STD_ERROR;
import static dev.lookback.io.Columns.UNITS;
import static dev.lookback.io.Columns.VILLAGES_IN_FRAME;
import static dev.lookback.io.Columns.VILLAGES_SAMPLED;

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
import dev.lookback.survey.Formats;
import dev.lookback.survey.Interval;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.DecisionPolicy;
import dev.lookback.vocabulary.Line;
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
                "Clustering: design effect 1 + ((cv²+1)·m̄ − 1)·ρ from --units-per-village m̄, --cv and --rho.");
    }

    @Override
    List<Option> options() {
        return List.of(
                Option.optional("--goal", "precision|decision|review|attribute", "precision", "what the sample must achieve"),
                Option.optional("--villages", "N", "200", "villages of the county in the frame"),
                Option.optional("--units-per-village", "M", "50", "mean domain units (persons or households) per village"),
                Option.optional("--cv", "CV", "0.3", "coefficient of variation of the units per village"),
                Option.optional("--rho", "RHO", Double.toString(Plan.TYPICAL_RHO), "intra-village correlation of errors"),
                Option.optional("--rho-from", "FILE", "", "estimate ρ from a previous review's estimates.csv or"
                        + " tallies.csv (the median over its counties), instead of --rho"),
                Option.optional("--measure", "NAME", "identification", "with --rho-from: the measure whose rows to use"),
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

    static final Column VILLAGE = Columns.VILLAGE.asOptional();
    static final Column ERRORS = Columns.ERRORS.asOptional();

    /**
     * The median ρ over the counties of a previous review: from its estimates.csv (each county's STD_ERROR
     * against the binomial one) or from its tallies.csv (the ANOVA estimator over each county's villages).
     */
    static double rhoFrom(Arguments a, PrintWriter out) {
        String measure = a.text("--measure");
        java.util.Map<String, Double> byCounty = new java.util.TreeMap<>();
        java.util.Map<String, List<double[]>> tallies = new java.util.TreeMap<>();
        TabularSource.of(a.path("--rho-from")).read(List.of(COUNTY, MEASURE, UNITS, ESTIMATE, STD_ERROR, VILLAGES_SAMPLED, VILLAGES_IN_FRAME,
                VILLAGE, ERRORS), row -> {
                    if (!measure.equals(row.text(MEASURE)) || "ALL".equals(row.text(COUNTY))) {
                        return;
                    }
                    if (row.text(VILLAGE) != null) { // tallies.csv: one village per row
                        double units = row.number(UNITS, 0, Double.MAX_VALUE);
                        double errors = row.number(ERRORS, 0, Double.MAX_VALUE);
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
        int villages = a.integer("--villages", 2);
        double m = a.number("--units-per-village");
        double cv = a.number("--cv");
        double rho = a.text("--rho-from").isEmpty() ? a.number("--rho") : rhoFrom(a, out);
        double level = a.number("--level");
        if (!(rho >= 0 && rho < 1 && m >= 1 && cv >= 0 && level > 0 && level < 1)) {
            throw new IllegalArgumentException("need 0 ≤ --rho < 1, --units-per-village ≥ 1, --cv ≥ 0, 0 < --level < 1");
        }
        double deff = Plan.designEffect(m, cv, rho);
        switch (a.text("--goal")) {
            case "precision": {
                double p = a.number("--rate");
                double e = a.number("--margin");
                int n = Plan.villagesForPrecision(p, e, level, m, cv, rho, villages);
                Interval ci = Plan.plannedInterval(p, n, level, m, cv, rho, villages);
                out.println("Precision: " + n + " of " + villages + " villages (about " + Formats.number(Math.round(n * m))
                        + " units; design effect " + Formats.fixed(deff, 2) + ") give a Korn–Graubard "
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
                RiskSimulation county = RiskSimulation.planned(Plan.villageSizes(villages, m, cv), villages, rho,
                        IntervalMethod.parse(a.text("--ci-method")), level, replicates, seed);
                Plan.DecisionPlan plan = Plan.villagesForDecision(county, a.number("--ok"), a.number("--bad"),
                        a.number("--alpha"), a.number("--beta"), t, policy, family);
                int n = plan.villages();
                double[] rates = Plan.grid(Math.max(3 * t, a.number("--bad") * 1.2), 24);
                double[] oc = n >= villages ? null : Plan.operatingCharacteristic(county, n, t, policy, family, rates);
                out.println("Decision: " + n + " of " + villages + " villages (" + policy.label() + " policy"
                        + (family > 1 ? " over " + family + " decisions" : "") + ", threshold " + Formats.percent(t)
                        + ", design effect " + Formats.fixed(deff, 2) + "): a county whose own rate is "
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
                ReviewPlan plan = ReviewPlan.of(frame, a.number("--domain-share"), a.integer("--measures", 1), rho,
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
                        + "% confidence with " + Formats.percent(a.number("--expected")) + " expected; whole villages"
                        + " need about deff = " + Formats.fixed(deff, 2) + " times as many units.");
                return 0;
            }
            default:
                throw new IllegalArgumentException("--goal: \"" + a.text("--goal") + "\" is not precision, decision,"
                        + " review or attribute");
        }
    }
}
