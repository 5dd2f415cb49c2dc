package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.CrossCheckResult;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.Mismatch;
import dev.lookback.decide.Decision;
import dev.lookback.decide.PolicyComparison;
import dev.lookback.draw.CertificateCheck;
import dev.lookback.funds.FundChecks;
import dev.lookback.rates.ErrorRate;
import dev.lookback.vocabulary.InputFile;
import dev.lookback.vocabulary.Measure;
import java.nio.file.Path;
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
 * @param inputs     the inputs read, by role, in the order of {@link InputFile}: what the manifest lists
 * @param policies   what each decision policy would risk and decide in this review (null without decisions)
 * @param leads      the reports from the public read (empty when none): never in a rate or a decision
 * @param recheck    the third-party re-check's agreement with the spot check (null when none was given)
 * @param draw       what the review found of the sample's draw: verified against its certificate, not verifiable,
 *                   or not checked as asked
 * @param mismatches the sampled villages whose spot check and register do not match (the match gate): their
 *                   counties have no data, and the review is not usable for them
 */
public record ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates, List<Decision> decisions,
        List<FundChecks.Check> fundChecks, List<AssistanceCheck.Rate> assistance, ReviewSettings settings,
        List<Input> inputs, PolicyComparison policies, List<dev.lookback.leads.Leads.Lead> leads,
        dev.lookback.check.Recheck.Result recheck, CertificateCheck draw, List<Mismatch> mismatches) {

    /**
     * An input the review read.
     *
     * @param role     what it is
     * @param name     its name in messages (the file name)
     * @param file     the file, or null when the records came from a stream or a table
     * @param encoding how its text was read: the CSV encoding (detected or named), {@code xlsx}, {@code json} or
     *                 {@code table}
     */
    public record Input(InputFile role, String name, Path file, String encoding,
            java.util.Optional<dev.lookback.io.TabularSource.FileDigest> digest) {
        public Input {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(digest, "digest");
        }

        /** An input whose bytes were not hashed as they were read. */
        public Input(InputFile role, String name, Path file, String encoding) {
            this(role, name, file, encoding, java.util.Optional.empty());
        }

        @Override
        public String toString() {
            return role.label() + " " + name + " (" + encoding + ")";
        }
    }

    public ReviewResult {
        Objects.requireNonNull(crossCheck, "crossCheck");
        rates = List.copyOf(rates);
        decisions = List.copyOf(decisions);
        fundChecks = List.copyOf(fundChecks);
        assistance = List.copyOf(assistance);
        Objects.requireNonNull(settings, "settings");
        inputs = List.copyOf(inputs);
        leads = List.copyOf(leads);
        Objects.requireNonNull(draw, "draw");
        mismatches = List.copyOf(mismatches);
    }

    /** A result without decisions, with the default settings. */
    public ReviewResult(CrossCheckResult crossCheck, List<ErrorRate> rates) {
        this(crossCheck, rates, List.of(), List.of(), List.of(), ReviewSettings.defaults(), List.of(), null, List.of(),
                null, CertificateCheck.noCertificate(), List.of());
    }

    /**
     * The counties whose data the review withheld as unusable (sorted): those with a village that failed the match
     * gate, or every county when more records were left out than kept. The review is not usable for them, and every
     * decision resting on their spot check is {@code NO_DATA}.
     */
    public java.util.SortedSet<String> countiesWithoutData() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (ErrorRate r : rates) {
            if (!ErrorRate.ALL.equals(r.county())
                    && r.estimate().status() == dev.lookback.survey.EstimateStatus.WITHHELD) {
                out.add(r.county());
            }
        }
        return java.util.Collections.unmodifiableSortedSet(out);
    }

    /**
     * Whether the review can be acted on: no village failed the match gate and no more records were left out than
     * kept. The files of an unusable review are still written, for inspection, and say NOT USABLE.
     */
    public boolean usable() {
        return mismatches.isEmpty() && crossCheck.mostlyLeftOut().isEmpty();
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
        if (!mismatches.isEmpty()) {
            sb.append("\n  NOT USABLE for ").append(String.join(", ", countiesWithoutData())).append(": ")
                    .append(mismatches.size()).append(mismatches.size() == 1 ? " village's" : " villages'")
                    .append(" spot check and register do not match (").append(mismatches.get(0).match()).append(", ")
                    .append(mismatches.get(0).cause().label()).append(")");
        }
        crossCheck.mostlyLeftOut().ifPresent(l -> sb.append("\n  NOT USABLE: ").append(l.leftOut())
                .append(" records left out, ").append(l.kept()).append(" kept; ").append(l.count()).append(" in ")
                .append(l.file()).append(": ").append(l.type().label()));
        return sb.append('\n').toString();
    }
}
