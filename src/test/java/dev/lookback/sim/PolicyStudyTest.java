package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.decide.DecisionPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the policies risk, on 20 simulated reviews of 20 compliant-ish counties (every county's propensity
 * 1.5% against T = 2%, ρ = 0.05): the point policy accuses about a fifth of compliant counties and almost
 * every review accuses someone; confident and family-wise hold the line. The README's table is the same
 * study with 200 reviews a row (benchmarks/policies.jsh).
 */
class PolicyStudyTest {

    @Test
    void thePoliciesRiskWhatTheySay() {
        Map<DecisionPolicy, PolicyStudy.Result> r = new EnumMap<>(DecisionPolicy.class);
        List<PolicyStudy.Result> results = PolicyStudy.run(0.05, 20, 0.015, 0.02, 20, 20, 40, 8, 0.95, 0.05, 7);
        results.forEach(x -> r.put(x.policy(), x));
        assertEquals(DecisionPolicy.values().length, results.size());
        PolicyStudy.Result point = r.get(DecisionPolicy.POINT);
        assertTrue(point.countyRate() > 0.1 && point.reviewRate() > 0.8, point.toString());
        assertTrue(r.get(DecisionPolicy.CONFIDENT).countyRate() <= 0.025, r.get(DecisionPolicy.CONFIDENT).toString());
        assertTrue(r.get(DecisionPolicy.FAMILY_WISE).reviewRate() <= 0.05, r.get(DecisionPolicy.FAMILY_WISE).toString());
        assertTrue(r.get(DecisionPolicy.PRECAUTIONARY).countyRate() > point.countyRate(), results.toString());
        assertTrue(r.get(DecisionPolicy.FAMILY_WISE).falseTriggers() <= r.get(DecisionPolicy.CONFIDENT).falseTriggers());
    }
}
