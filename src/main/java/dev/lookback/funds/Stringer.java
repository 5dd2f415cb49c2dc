package dev.lookback.funds;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Monetary-unit sampling evaluation: the most likely misstatement and the Stringer upper
 * misstatement limit, as fractions of the book value (AICPA Audit Sampling guide; Stringer 1963).
 *
 * <p>With n monetary units sampled and the taints t₁ ≥ t₂ ≥ … (misstated share of each item found in
 * error), MLM = Σ t_k / n and
 * UML = UPL₀ + Σ_k (UPL_k − UPL_{k−1})·t_k, where UPL_k is the one-sided upper confidence limit of the
 * error rate with k errors in n: Beta⁻¹(c; k + 1, n − k) for the binomial bound, or the Poisson factor
 * Γ⁻¹(c; k + 1)/n. With no misstatement UML = UPL₀: 3.00/n (Poisson) at 95%.
 */
public final class Stringer {
    private Stringer() {
    }

    /** Which distribution gives the upper precision limits. */
    public enum Bound {
        BINOMIAL,
        POISSON;

        /** Reads {@code binomial} or {@code poisson}. */
        public static Bound parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** UPL_k: the one-sided upper limit of the error rate with k errors in n units. */
    public static double upperLimit(int k, int n, double confidence, Bound bound) {
        if (bound == Bound.POISSON) {
            return GammaDistribution.of(k + 1, 1).inverseCumulativeProbability(confidence) / n;
        }
        return k >= n ? 1 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(confidence);
    }

    /** The Stringer upper misstatement limit, as a fraction of the book value. */
    public static double upperMisstatementLimit(int n, double[] taints, double confidence, Bound bound) {
        if (!(n >= 1 && confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need n ≥ 1 and 0 < confidence < 1");
        }
        double[] t = taints.clone();
        for (double x : t) {
            if (!(x > 0 && x <= 1)) {
                throw new IllegalArgumentException("taints must be in (0, 1], got " + x);
            }
        }
        Arrays.sort(t);
        double previous = upperLimit(0, n, confidence, bound);
        double uml = previous;
        for (int k = 1; k <= t.length; k++) {
            double upl = upperLimit(k, n, confidence, bound);
            uml += (upl - previous) * t[t.length - k];
            previous = upl;
        }
        return Math.min(1, uml);
    }

    /** The most likely misstatement Σ t / n, as a fraction of the book value. */
    public static double mostLikelyMisstatement(int n, double[] taints) {
        double sum = 0;
        for (double t : taints) {
            sum += t;
        }
        return sum / n;
    }
}
