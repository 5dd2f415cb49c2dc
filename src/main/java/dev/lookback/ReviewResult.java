package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.decide.Decision;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.funds.FundChecks;
import dev.lookback.rates.ErrorRate;
import dev.lookback.vocabulary.Measure;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The outcome of a {@link Review}, as data: the cross-check (tallies, discrepancies, findings), every
 * error rate, the assistance and fund links, the decisions, and how the review was run. Immutable; it
 * depends on no renderer: the summary, Tablesaw views, files, report and charts are made from it by
 * {@code dev.lookback.report} and {@code dev.lookback.chart} (e.g. {@code Summary.of(result)},
 * {@code Tables.estimates(result)}, {@code ReviewFiles.write(result, dir)}).
 *
 * @param crossCheck what the cross-check found
 * @param rates      county × measure rows, counties sorted, then the {@code ALL} rows
 * @param decisions  the accountability decisions (empty when no leaders were given)
 * @param fundChecks the fund checks read (empty when none were given)
 * @param assistance the assistance rates, with the failing cadres and dissatisfied answers (empty when none)
 * @param settings   how the review was run (lines, policy, methods)
 * @param inputs     the names of the inputs read: frame, sample, register, spot check (or tallies), then any others
 * @param policies   what each decision policy would risk and decide in this review (null without decisions)
 * @param leads      the reports from the public read (empty when none): never in a rate or a decision
 * @param recheck    the third-party re-check's agreement with the spot check (null when none was given)
 */
public record ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates, List<Decision> decisions,
        List<FundChecks.Check> fundChecks, List<AssistanceCheck.Rate> assistance, ReviewSettings settings,
        List<String> inputs, PolicyComparison policies, List<dev.lookback.leads.Leads.Lead> leads,
        dev.lookback.check.Recheck.Result recheck) {

    public ReviewResult {
        Objects.requireNonNull(crossCheck, "crossCheck");
        rates = List.copyOf(rates);
        decisions = List.copyOf(decisions);
        fundChecks = List.copyOf(fundChecks);
        assistance = List.copyOf(assistance);
        Objects.requireNonNull(settings, "settings");
        inputs = List.copyOf(inputs);
        leads = List.copyOf(leads);
    }

    /** A result without decisions, with the default settings. */
    public ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates) {
        this(crossCheck, rates, List.of(), List.of(), List.of(), ReviewSettings.defaults(), List.of(), null, List.of(),
                null);
    }

    /** The date as of which unfinished projects past their planned date are overdue (may be null). */
    public LocalDate asOf() {
        return settings.asOf();
    }

    /** The rate of one county (or {@code ALL}) and measure. */
    public ErrorRate rate(String county, Measure measure) {
        for (ErrorRate r : rates) {
            if (r.county().equals(county) && r.measure() == measure) {
                return r;
            }
        }
        throw new NoSuchElementException("no " + measure.label() + " rate for county " + county);
    }

    /** The discrepancies: the rectification list. */
    public List<Discrepancy> discrepancies() {
        return crossCheck.discrepancies();
    }

    /** The data-quality findings. */
    public List<Finding> findings() {
        return crossCheck.findings();
    }

    /** The decisions that trigger a rule. */
    public List<Decision> triggered() {
        return decisions.stream().filter(Decision::triggered).toList();
    }

    /**
     * A short print, like R's of a fitted object: the design, the city's rates, the counts of
     * discrepancies and findings, and the decisions' outcomes. {@code Summary.of(result)} (in
     * {@code dev.lookback.report}) is the one-screen summary per county, with who is reached and why.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Review result: ").append(crossCheck.sample().villages().size())
                .append(" sampled villages, ").append(settings.unit().label()).append(", ")
                .append(settings.methods().get(0).label()).append(' ').append(settings.level()).append('\n');
        for (ErrorRate r : rates) {
            if (ErrorRate.ALL.equals(r.county())) {
                sb.append("  ").append(r).append('\n');
            }
        }
        sb.append("  ").append(crossCheck.discrepancies().size()).append(" discrepancies, ")
                .append(crossCheck.findings().size()).append(" data-quality findings");
        if (!decisions.isEmpty()) {
            sb.append("; ").append(decisions.size()).append(" decisions (").append(settings.policy().label())
                    .append(" policy): ").append(triggered().size()).append(" triggered, ")
                    .append(decisions.stream().filter(Decision::fragile).count()).append(" fragile");
        }
        crossCheck.mostlyLeftOut().ifPresent(l -> sb.append("\n  NOT USABLE: ").append(l.leftOut())
                .append(" records left out, ").append(l.kept()).append(" kept; ").append(l.count()).append(" in ")
                .append(l.file()).append(": ").append(l.type().label()));
        return sb.append('\n').toString();
    }
}
