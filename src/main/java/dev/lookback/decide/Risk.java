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
 */
public record Risk(double pValue, double pAdjusted) {

    public Risk {
        if (!(Double.isNaN(pValue) || pValue >= 0 && pValue <= 1) || !(Double.isNaN(pAdjusted) || pAdjusted >= pValue
                && pAdjusted <= 1)) {
            throw new IllegalArgumentException("p-values must lie in [0, 1] with p_adjusted ≥ p, got " + pValue + ", "
                    + pAdjusted);
        }
    }
}
