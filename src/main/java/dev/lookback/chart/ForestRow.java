package dev.lookback.chart;

/**
 * One row of a forest plot: a county's estimate and interval, and what the rule made of it.
 *
 * @param label     the county (the row's label)
 * @param estimate  the estimate (NaN: no data; the row is drawn empty)
 * @param lower     the interval's lower bound (NaN: no interval)
 * @param upper     its upper bound
 * @param triggered whether the county is on the wrong side of the line (drawn in the alarm colour)
 * @param fragile   whether the interval reaches across the line (drawn with a diamond and marked)
 */
public record ForestRow(String label, double estimate, double lower, double upper, boolean triggered,
        boolean fragile) {
}
