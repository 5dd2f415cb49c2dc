package dev.lookback.survey;

/**
 * The intraclass correlation of a binary outcome within clusters, and the sample size it leaves
 * independent: what the exact bound at zero (or all) errors counts, since units of one cluster are not
 * independent draws.
 *
 * <p>One-way ANOVA estimator over the k clusters with m_i &gt; 0 units, y_i of them with the outcome
 * (M = Σm_i, p_i = y_i/m_i, p̄ = Σy_i/M):
 * <pre>
 *   MSB = Σ m_i (p_i − p̄)² / (k − 1)
 *   MSW = Σ m_i p_i (1 − p_i) / (M − k)
 *   m0  = (M − Σ m_i² / M) / (k − 1)
 *   ρ̂   = (MSB − MSW) / (MSB + (m0 − 1)·MSW), truncated to [0, 1]
 * </pre>
 * undefined ({@code NaN}) when no unit has the outcome, when every unit has it, when k &lt; 2 or M = k
 * (Donner 1986; Snedecor and Cochran 1989, section 13.6; Lohr 2022, section 5.2.2).
 *
 * <p>A row of m̄ = H/k' units per cluster (H units in k' clusters) then has the design effect
 * d = 1 + (m̄ − 1)·ρ and n_b = H/d independent units (Kish 1965).
 */
public final class IntraclassCorrelation {
    private IntraclassCorrelation() {
    }

    /**
     * ρ̂ by one-way ANOVA.
     *
     * @param m units per cluster (clusters with none are ignored)
     * @param y units with the outcome per cluster (0 ≤ y_i ≤ m_i)
     * @return ρ̂ in [0, 1], or {@code NaN} where undefined
     */
    public static double anova(double[] m, double[] y) {
        if (m.length != y.length) {
            throw new IllegalArgumentException("m and y differ in length: " + m.length + " and " + y.length);
        }
        int k = 0;
        double big = 0;
        double hits = 0;
        double squares = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                if (!(y[i] >= 0 && y[i] <= m[i])) {
                    throw new IllegalArgumentException("cluster " + i + ": " + y[i] + " of " + m[i] + " units");
                }
                k++;
                big += m[i];
                hits += y[i];
                squares += m[i] * m[i];
            }
        }
        if (k < 2 || big == k || hits == 0 || hits == big) {
            return Double.NaN;
        }
        double mean = hits / big;
        double between = 0;
        double within = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                double p = y[i] / m[i];
                between += m[i] * (p - mean) * (p - mean);
                within += m[i] * p * (1 - p);
            }
        }
        double msb = between / (k - 1);
        double msw = within / (big - k);
        double m0 = (big - squares / big) / (k - 1);
        double denominator = msb + (m0 - 1) * msw;
        if (!(denominator > 0)) {
            return Double.NaN;
        }
        return Math.min(1, Math.max(0, (msb - msw) / denominator));
    }

    /**
     * n_b = H/d with d = 1 + (m̄ − 1)·ρ and m̄ = H/k', over the clusters of one row.
     *
     * @param units units per cluster of the row (clusters with none are ignored)
     * @param rho   the intraclass correlation, in [0, 1]
     * @return n_b, or {@code NaN} when the row has no unit
     */
    public static double independentUnits(double[] units, double rho) {
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1], got " + rho);
        }
        double h = 0;
        int k = 0;
        for (double u : units) {
            if (u > 0) {
                h += u;
                k++;
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        double design = 1 + (h / k - 1) * rho;
        return h / design;
    }
}
