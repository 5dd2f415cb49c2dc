package dev.lookback;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.check.MatchGate;
import dev.lookback.draw.Plan;
import dev.lookback.draw.Tickets;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import dev.lookback.survey.RaoWuBootstrap;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Unit;
import dev.lookback.vocabulary.Variance;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a review is run, in one immutable place with one set of defaults ({@link #defaults()}), used by
 * {@link Review}, the command line's option defaults, the report's methods section and the charts'
 * reference lines. Each {@code with…} method returns a checked copy.
 *
 * @param unit      persons or households
 * @param level     confidence level, in (0, 1)
 * @param methods   interval methods; the first is the one decisions use
 * @param lonelyPsu what a county with one sampled village adds to the city row
 * @param bootstrap the bootstrap, used when {@code methods} has BOOTSTRAP or the variance is the bootstrap's
 * @param policy    how the interval enters decisions
 * @param lines     the line of every {@link Line}, each in (0, 1)
 * @param minimums  cadres' minimum months in the village
 * @param asOf      date after which unfinished projects past their planned date are overdue (may be null)
 * @param rho       the intraclass correlation of errors in households where the review cannot estimate it
 *                  (no error anywhere, fewer than two villages): the prior of the zero-error bound, in [0, 1]
 * @param rounds    the rounds declared in advance; 0 (the default) takes them from the draw's certificate, or 1
 *                  without one (a review's result always carries the rounds it decided with)
 * @param reportDays days within which a report from the public should be verified
 * @param gate      the match gate: the least shares of a sampled village's households that the spot check and the
 *                  register must share, and whether ids are matched after normalisation
 * @param variance  how every rate's variance is estimated: linearised (the default), or the bootstrap's replicate
 *                  variance, which every interval method, p-value and decision then reads
 */
public record ReviewSettings(Unit unit, double level, List<IntervalMethod> methods, LonelyPsu lonelyPsu,
        RaoWuBootstrap bootstrap, DecisionPolicy policy, Map<Line, Double> lines, AssistanceCheck.Minimums minimums,
        LocalDate asOf, double rho, int rounds, int reportDays, MatchGate gate, Variance variance) {

    /** The default public seed of the bootstrap, as text (the command line's {@code --seed}). */
    public static final String DEFAULT_SEED = "lookback";

    /**
     * {@link #seed seed}{@code (}{@value #DEFAULT_SEED}{@code )}, written out (a test derives it again): the defaults
     * need no SHA-256, whose providers take a cold JVM 20 ms to load.
     */
    static final long DEFAULT_SEED_VALUE = 0xccd3dbc2838cf9f2L;

    /** Replicates of each decision's risk simulation: a chance to about ±2.5 percentage points. */
    public static final int RISK_REPLICATES = 400;

    /** Days within which a report from the public should be verified (the --report-days default). */
    public static final int DEFAULT_REPORT_DAYS = 15;

    /** The default number of bootstrap replicates. */
    public static final int DEFAULT_REPLICATES = 1000;

    public ReviewSettings {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(variance, "variance");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one interval method is needed");
        }
        Objects.requireNonNull(lonelyPsu, "lonelyPsu");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(minimums, "minimums");
        Map<Line, Double> all = new EnumMap<>(Line.class);
        for (Line l : Line.values()) {
            double v = lines.getOrDefault(l, l.defaultValue());
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException("the " + l.english() + " (" + l.chinese() + ") must be in (0, 1), got "
                        + v);
            }
            all.put(l, v);
        }
        lines = Collections.unmodifiableMap(all);
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("the prior intraclass correlation rho must be in [0, 1], got " + rho);
        }
        if (reportDays < 1) {
            throw new IllegalArgumentException("the days to verify a report must be at least 1, got " + reportDays);
        }
        Objects.requireNonNull(gate, "gate");
        if (rounds < 0) {
            throw new IllegalArgumentException("the declared rounds must be at least 1 (0: the certificate's), got "
                    + rounds);
        }
    }

    /**
     * The level of the decisions of round {@code round}: with K rounds declared, the error (1 − level) is spent over
     * the looks by the Lan–DeMets O'Brien–Fleming-type function ({@link dev.lookback.decide.ErrorSpending}), so the
     * chance of a wrong accusation over all the rounds stays within what one look at {@code level} would risk;
     * {@code level} itself with one round. Level 0.95 over two rounds: 0.99695, then 0.95305.
     */
    public double decisionLevel(int round) {
        int k = Math.max(1, rounds);
        return dev.lookback.decide.ErrorSpending.lookLevel(level, Math.min(Math.max(1, round), k), k);
    }

    /** With another time limit for verifying a report from the public, in days. */
    public ReviewSettings withReportDays(int days) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds,
                days, gate, variance);
    }

    /** With K rounds declared in advance (the draw's certificate says how many; 0: take the certificate's). */
    public ReviewSettings withRounds(int k) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, k,
                reportDays, gate, variance);
    }

    /**
     * The defaults: persons, 95%, Korn–Graubard over the independent households ({@link
     * IntervalMethod#KORN_GRAUBARD_NB}: the bound that holds when errors cluster), lonely village ADJUST, 1000
     * bootstrap replicates from the seed {@value #DEFAULT_SEED}, the confident policy (a leader is reached on
     * evidence: the interval wholly at or beyond the line), every line at its {@link Line#defaultValue()}, 12/6
     * months, no as-of date, the prior ρ {@link Plan#TYPICAL_RHO}, the rounds the draw's certificate declares, the
     * default match gate ({@link MatchGate#defaults()}).
     */
    public static ReviewSettings defaults() {
        return new ReviewSettings(Unit.PERSONS, 0.95, List.of(IntervalMethod.DEFAULT), LonelyPsu.ADJUST,
                RaoWuBootstrap.of(DEFAULT_SEED_VALUE, DEFAULT_REPLICATES), DecisionPolicy.CONFIDENT, Map.of(),
                AssistanceCheck.Minimums.defaults(), null, Plan.TYPICAL_RHO, 0, DEFAULT_REPORT_DAYS, MatchGate.defaults(),
                Variance.LINEARISED);
    }

    /** A bootstrap seed from any published text: the first 16 hex digits of its ticket. */
    public static long seed(String text) {
        return Long.parseUnsignedLong(Tickets.ticket(text, "bootstrap").substring(0, 16), 16);
    }

    /** The value of a line. */
    public double line(Line line) {
        return lines.get(line);
    }

    /** The identification/exit threshold. */
    public double threshold() {
        return line(Line.ERROR_THRESHOLD);
    }

    /** The cadre non-compliance tolerance. */
    public double tolerance() {
        return line(Line.CADRE_TOLERANCE);
    }

    /** The satisfaction standard. */
    public double minimumSatisfaction() {
        return line(Line.SATISFACTION_STANDARD);
    }

    /** The fund materiality. */
    public double materiality() {
        return line(Line.MATERIALITY);
    }

    /** With another unit. */
    public ReviewSettings withUnit(Unit u) {
        return new ReviewSettings(u, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With another confidence level. */
    public ReviewSettings withLevel(double l) {
        return new ReviewSettings(unit, l, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With other interval methods (the first decides). */
    public ReviewSettings withMethods(List<IntervalMethod> m) {
        return new ReviewSettings(unit, level, m, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With another lonely-village policy. */
    public ReviewSettings withLonelyPsu(LonelyPsu p) {
        return new ReviewSettings(unit, level, methods, p, bootstrap, policy, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With another bootstrap. */
    public ReviewSettings withBootstrap(RaoWuBootstrap b) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, b, policy, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With another decision policy. */
    public ReviewSettings withPolicy(DecisionPolicy p) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, p, lines, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With one line changed. */
    public ReviewSettings withLine(Line line, double value) {
        Map<Line, Double> m = new EnumMap<>(lines);
        m.put(line, value);
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, m, minimums, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With other minimum months for cadres. */
    public ReviewSettings withMinimums(AssistanceCheck.Minimums m) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, m, asOf, rho, rounds, reportDays, gate, variance);
    }

    /** With another as-of date for overdue projects (null: only late finishes and unstarted projects count). */
    public ReviewSettings withAsOf(LocalDate date) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, date, rho, rounds, reportDays, gate, variance);
    }

    /** With another match gate (its shares, or ids matched after normalisation). */
    public ReviewSettings withGate(MatchGate g) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds,
                reportDays, g, variance);
    }

    /** With another prior intraclass correlation. */
    /**
     * With another variance estimator: {@link Variance#BOOTSTRAP} puts the bootstrap's replicate variance in every
     * rate's standard error, so that every interval method, p-value and decision reads it.
     */
    public ReviewSettings withVariance(Variance v) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, rho, rounds,
                reportDays, gate, v);
    }

    /** How every rate is estimated: the methods and level of its intervals, the lonely village, the variance. */
    public dev.lookback.survey.DomainEstimates.Options estimation() {
        return new dev.lookback.survey.DomainEstimates.Options(methods, level, lonelyPsu, variance == Variance.BOOTSTRAP);
    }

    public ReviewSettings withRho(double prior) {
        return new ReviewSettings(unit, level, methods, lonelyPsu, bootstrap, policy, lines, minimums, asOf, prior, rounds, reportDays, gate, variance);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Settings: ").append(unit.label()).append(", level ").append(level)
                .append(", ").append(methods.stream().map(IntervalMethod::label).toList()).append(", lonely village ")
                .append(lonelyPsu).append(", policy ").append(policy.label());
        lines.forEach((l, v) -> sb.append(", ").append(l.label()).append(' ').append(v));
        if (!gate.equals(MatchGate.defaults())) {
            sb.append(", ").append(gate);
        }
        if (variance != Variance.LINEARISED) {
            sb.append(", ").append(variance.label()).append(" variance");
        }
        return sb.append(", prior rho ").append(rho).append(asOf == null ? "" : ", as of " + asOf)
                .append(rounds == 0 ? ", the certificate's rounds" : rounds == 1 ? ""
                        : ", " + rounds + " rounds (decisions at " + decisionLevel(1) + " in the first, " + decisionLevel(rounds)
                                + " in the last)").toString();
    }
}
