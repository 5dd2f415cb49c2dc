package dev.lookback;

import dev.lookback.check.Unit;
import dev.lookback.survey.DecisionPolicy;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.LonelyPsu;
import java.time.LocalDate;
import java.util.List;

/**
 * How a review was run: what the report's methods section states and what the charts draw their
 * reference lines from.
 *
 * @param unit                persons or households
 * @param level               confidence level
 * @param methods             interval methods; the first is the one decisions use
 * @param lonelyPsu           what a county with one sampled village adds to the city row
 * @param bootstrap           the bootstrap (seed, replicates), used when {@code methods} has BOOTSTRAP
 * @param threshold           identification/exit threshold (≥ triggers)
 * @param policy              how the interval enters decisions
 * @param tolerance           cadre non-compliance that triggers the assistance rule
 * @param minimumSatisfaction satisfaction below which the assistance rule triggers
 * @param materiality         misused or overdue share that triggers the fund rule
 * @param asOf                date after which unfinished projects past their planned date are overdue (may be null)
 * @param inputs              the names of the inputs read, in the order frame, sample, register, spot check,
 *                            then any others
 */
public record ReviewSettings(Unit unit, double level, List<IntervalMethod> methods, LonelyPsu lonelyPsu,
        String bootstrap, double threshold, DecisionPolicy policy, double tolerance, double minimumSatisfaction,
        double materiality, LocalDate asOf, List<String> inputs) {

    public ReviewSettings {
        methods = List.copyOf(methods);
        inputs = List.copyOf(inputs);
    }

    /** The defaults of {@link Review}, for results built by hand. */
    public static ReviewSettings defaults() {
        return new ReviewSettings(Unit.PERSONS, 0.95, List.of(IntervalMethod.KORN_GRAUBARD), LonelyPsu.ADJUST,
                dev.lookback.rates.ErrorRates.DEFAULT_BOOTSTRAP.toString(), ReviewResult.DEFAULT_THRESHOLD,
                DecisionPolicy.POINT, 0.10, 0.90, 0.01, null, List.of());
    }
}
