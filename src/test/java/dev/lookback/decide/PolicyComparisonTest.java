package dev.lookback.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.RiskSimulation;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The city-level picture: expected accusations on the line and half-way, and what each policy decides now. */
class PolicyComparisonTest {

    @Test
    void eachPolicyRisksAndDecidesWhatItSays() {
        List<Measurement> ms = new ArrayList<>();
        double[] rates = {0.0, 0.01, 0.015, 0.025, 0.06, 0.0};
        for (int i = 0; i < rates.length; i++) {
            double[] h = new double[8];
            double[] x = new double[8];
            Arrays.fill(h, 50);
            Arrays.fill(x, 175);
            RatioEstimate e = new RatioEstimate("C" + i, rates[i], rates[i] == 0 ? 0 : 0.006, 7, 1400, rates[i] * 1400, 8,
                    40, EstimateStatus.OK).withIndependentUnits(200);
            RiskSimulation s = new RiskSimulation(h, x, 40, 0.05, IntervalMethod.KORN_GRAUBARD, 0.95, 400, i);
            ms.add(new Measurement("C" + i, Measure.EXIT, rates[i], e.interval(IntervalMethod.KORN_GRAUBARD, 0.95),
                    rates[i] * 1400, 1400, e).withSimulation(s));
        }
        PolicyComparison pc = PolicyComparison.of(ms, Map.of());
        assertEquals(6, pc.decisions());
        assertEquals(6, pc.simulated());
        assertEquals(DecisionPolicy.values().length, pc.rows().size());
        Leaders nobody = Leaders.of(List.of());
        for (PolicyComparison.Row r : pc.rows()) {
            List<String> now = Decisions.decide(ms, nobody, Map.of(), r.policy()).stream().filter(Decision::triggered)
                    .map(d -> d.county() + " " + d.indicator().label()).toList();
            assertEquals(now, r.triggered(), r.policy().label());
            assertTrue(r.atHalf() <= r.atLine() + 0.2, r.toString());
        }
        PolicyComparison.Row point = pc.rows().get(DecisionPolicy.POINT.ordinal());
        PolicyComparison.Row confident = pc.rows().get(DecisionPolicy.CONFIDENT.ordinal());
        PolicyComparison.Row precautionary = pc.rows().get(DecisionPolicy.PRECAUTIONARY.ordinal());
        assertTrue(point.atLine() > 2 && point.atLine() < 4, point.toString());
        assertTrue(confident.atLine() < 0.3, confident.toString());
        assertTrue(precautionary.atLine() > 5, precautionary.toString());
        assertEquals(List.of("C3 exit", "C4 exit"), point.triggered());
    }
}
