package dev.lookback.decide;

/**
 * The risk a decision carries, as data (DESIGN.md "Decision risk").
 *
 * @param pValue    one-sided p-value by inverting the decision's interval method: the smallest α/2 in (0, ½)
 *                  at which the interval at level 1 − 2·(α/2) lies wholly beyond the line (its lower bound ≥ T
 *                  for a rate that is bad when high, its upper bound &lt; T for one bad when low); 1 when there
 *                  is none; for a census 0 beyond the line, else 1; {@code NaN} without data
 * @param pAdjusted Holm's adjustment of {@code pValue} over all decisions of the same rule in the review
 *                  ({@code NaN} without data)
 * @param triggerChanceAtThreshold the chance that the decision's policy triggers if the county's own rate were
 *                  exactly the line, for this county's sample ({@link dev.lookback.draw.RiskSimulation}); for a census 1 when a
 *                  value on the line triggers, else 0; {@code NaN} where it cannot be simulated
 */
public record Risk(double pValue, double pAdjusted, double triggerChanceAtThreshold) {

    public Risk {
        if (!(Double.isNaN(pValue) || pValue >= 0 && pValue <= 1) || !(Double.isNaN(pAdjusted) || pAdjusted >= pValue
                && pAdjusted <= 1)) {
            throw new IllegalArgumentException("p-values must lie in [0, 1] with p_adjusted ≥ p, got " + pValue + ", "
                    + pAdjusted);
        }
        if (!(Double.isNaN(triggerChanceAtThreshold) || triggerChanceAtThreshold >= 0 && triggerChanceAtThreshold <= 1)) {
            throw new IllegalArgumentException("a chance lies in [0, 1], got " + triggerChanceAtThreshold);
        }
    }
}
