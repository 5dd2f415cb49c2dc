package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.decide.Decision;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Sureness;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the leading group must do after a review, as the summary, the report and the workbook say it: the counties to
 * follow up (a decision triggered but fragile, above the line but not proven, or without data), the projects and
 * leads to refer to discipline inspection, and the rectification items.
 *
 * @param followUp      the counties a follow-up round should check again, in order
 * @param fundReferrals projects with misused money (fund_referrals.csv)
 * @param leadReferrals confirmed leads about a cadre or a project (lead_referrals.csv)
 * @param items         rectification items in all (rectification/)
 * @param counties      the counties with something to rectify
 */
public record NextSteps(Set<String> followUp, int fundReferrals, int leadReferrals, int items, int counties) {

    public NextSteps {
        followUp = java.util.Collections.unmodifiableSet(new TreeSet<>(followUp));
    }

    /** The next steps of a result. */
    public static NextSteps of(ReviewResult result) {
        Set<String> followUp = new TreeSet<>();
        for (Decision d : result.decisions()) {
            if (d.triggered() && d.fragile() || aboveNotProven(d) || d.outcome() == Outcome.NO_DATA) {
                followUp.add(d.county());
            }
        }
        int[] items = ReviewFiles.rectificationCounts(result);
        return new NextSteps(followUp, ReviewFiles.referrals(result.fundChecks()).size(),
                ReviewFiles.leadReferrals(result).size(), items[0], items[1]);
    }

    /**
     * Whether a decision that reaches nobody is above the line but not proven: the follow-up's first candidates, listed
     * after who is reached on the first screen, the summary and the workbook.
     */
    static boolean aboveNotProven(Decision d) {
        return !d.triggered() && d.sureness() == Sureness.ABOVE_NOT_PROVEN;
    }

    /** Whether there is nothing to follow up, refer or rectify. */
    public boolean none() {
        return followUp.isEmpty() && fundReferrals + leadReferrals == 0 && items == 0;
    }

    /** Each step as {Chinese, English}, in order: follow up, refer, rectify. */
    public List<String[]> lines() {
        List<String[]> out = new java.util.ArrayList<>();
        if (!followUp.isEmpty()) {
            out.add(new String[] {"补充抽查：" + String.join("、", followUp) + "（超线但未证实、触发但不稳或无数据的判断；lookback"
                    + " follow-up 给出增抽方案）", "Follow up " + String.join(", ", followUp) + " (above the line but not"
                            + " proven, triggered but fragile, or no data; lookback follow-up proposes the villages)"});
        }
        if (fundReferrals + leadReferrals > 0) {
            out.add(new String[] {"移送纪检监察：" + fundReferrals + " 个资金项目（fund_referrals.csv）、" + leadReferrals
                    + " 条群众举报线索（lead_referrals.csv）", "Refer to discipline inspection: " + fundReferrals + " "
                            + Summary.plural(fundReferrals, "project") + ", " + leadReferrals + " "
                            + Summary.plural(leadReferrals, "lead")});
        }
        if (items > 0) {
            out.add(new String[] {"整改：" + counties + " 个县共 " + items + " 项（各县工作簿见 rectification/）", "Rectify: "
                    + items + " items in " + counties + " " + Summary.plural(counties, "county", "counties")
                    + " (each county's workbook in rectification/)"});
        }
        if (out.isEmpty()) {
            out.add(new String[] {"无需补充抽查、移送或整改。", "Nothing to follow up, refer or rectify."});
        }
        return out;
    }
}
