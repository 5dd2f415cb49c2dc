package dev.lookback.decide;

import dev.lookback.survey.Formats;
import java.util.List;

/**
 * One county × rule × measure decision, with its evidence.
 *
 * @param county        county code
 * @param rule          {@code identification_exit}, {@code assistance} or {@code funds}
 * @param measure       the measure decided on
 * @param estimate      the estimate
 * @param lower         the interval's lower bound (first interval method)
 * @param upper         its upper bound
 * @param threshold     the threshold
 * @param policy        how uncertainty entered
 * @param triggered     whether the rule triggers
 * @param fragile       whether the other outcome lies inside the interval
 * @param extraVillages for a fragile decision, the villages to add that would probably settle it
 *                      (−1 when not fragile or unknown)
 * @param roles         the roles the rule reaches
 * @param names         the leaders' names ({@code "?"} where the file lists none for a role)
 * @param evidence      one sentence in Chinese and English
 */
public record Decision(String county, String rule, String measure, double estimate, double lower, double upper,
        double threshold, String policy, boolean triggered, boolean fragile, int extraVillages, List<Role> roles,
        List<String> names, String evidence) {

    public Decision {
        roles = List.copyOf(roles);
        names = List.copyOf(names);
    }

    /** {@code TRIGGERED} or {@code NOT_TRIGGERED}. */
    public String outcome() {
        return triggered ? "TRIGGERED" : "NOT_TRIGGERED";
    }

    @Override
    public String toString() {
        return county + " " + rule + " " + measure + ": " + outcome() + (fragile ? " (fragile)" : "") + ", "
                + Formats.percent(estimate) + " [" + Formats.percent(lower) + ", " + Formats.percent(upper) + "] vs "
                + Formats.percent(threshold) + ", " + policy + " — " + String.join("; ", names);
    }
}
