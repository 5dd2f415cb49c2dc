package dev.lookback.chart;

/**
 * One county on a funnel plot.
 *
 * @param label     the county
 * @param units     units checked (households or persons in the measure's domain)
 * @param estimate  the county's estimate
 * @param triggered whether the county is on the wrong side of the line
 */
public record FunnelPoint(String label, double units, double estimate, boolean triggered) {
}
