package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole review sized for a family-wise risk: each county's power confirmed, the review-wide risk within its bound. */
class ReviewPlanTest {
    /** 5 counties of 30 villages of 25 to 54 households. */
    static Frame frame() {
        List<Village> villages = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            for (int v = 0; v < 30; v++) {
                villages.add(new Village("C" + c, "T", "C" + c + "-V" + v, 25 + (v * 7 + c) % 30));
            }
        }
        return Frame.of(villages);
    }

    @Test
    void familyWisePlansHoldTheReviewWideRiskAndEachCountysPower() {
        ReviewPlan plan = ReviewPlan.of(frame(), 1, county -> 1, 2, 0.05, IntervalMethod.KORN_GRAUBARD, 0.95, 0.02,
                DecisionPolicy.FAMILY_WISE, 0.005, 0.06, 0.05, 0.20, 400, 1);
        assertEquals(10, plan.family());
        assertEquals(5, plan.counties().size());
        assertEquals(5, plan.table().rowCount());
        for (ReviewPlan.CountyPlan c : plan.counties()) {
            assertTrue(c.plan().escapeUpper() <= 0.20 && c.plan().falseTriggerUpper() <= 0.05, c.toString());
            assertTrue(c.plan().villages() > 2 && c.plan().villages() <= 30, c.toString());
        }
        // every county on the line: the review accuses anyone within (1 − level)/2, plus simulation error
        assertTrue(plan.anyAtLine() <= 0.025 + 0.015, plan.toString());
        assertTrue(plan.anyAtOk() <= plan.anyAtLine(), plan.toString());
        // the point policy, sized the same way, accuses someone in most such reviews
        ReviewPlan point = ReviewPlan.of(frame(), 1, county -> 1, 2, 0.05, IntervalMethod.KORN_GRAUBARD, 0.95, 0.02,
                DecisionPolicy.POINT, 0.005, 0.06, 0.05, 0.20, 400, 1);
        assertEquals(1, point.family());
        assertTrue(point.anyAtLine() > 0.9, point.toString());
        assertTrue(point.villages() < plan.villages(), point.villages() + " vs " + plan.villages());
        assertTrue(plan.toString().startsWith("Review plan: " + plan.villages() + " villages over 5 counties"));
    }
}
