package dev.lookback.decide;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How the chance of a wrong accusation is spent over the rounds declared in advance: the Lan–DeMets (1983) error
 * spending function of O'Brien–Fleming type, α(t) = 2 − 2Φ(Φ⁻¹(1 − α/2)/√t), the one-sided error α spent by
 * information fraction t (gsDesign's {@code sfLDOF}), with the K declared rounds equally spaced (t_k = k/K: the
 * rounds are declared before the first draw, their sizes are not). Look k decides at the level whose one side is
 * the error spent there, 1 − 2(α(k/K) − α((k − 1)/K)), so the chance that any look wrongly accuses a county is at
 * most Σ_k (α(k/K) − α((k − 1)/K)) = α(1) = α whatever the estimator (Bonferroni's inequality over the looks; no
 * normal approximation of the looks' joint law is needed, which a cluster sample's Korn–Graubard bounds would not
 * give). With level 0.95 and two rounds: 0.99695 at the first look, 0.95305 at the second, against 0.975 each when
 * the error was split equally: the first round proves only clear failures and the last keeps nearly the whole
 * error, where the villages are.
 *
 * <p>Reference: Lan, K. K. G. and DeMets, D. L. (1983), Discrete sequential boundaries for clinical trials,
 * Biometrika 70(3), 659–663; Jennison, C. and Turnbull, B. W. (2000), Group Sequential Methods, §7.2.
 */
public final class ErrorSpending {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    private ErrorSpending() {
    }

    /** The one-sided error spent by information fraction t ∈ [0, 1]: 2 − 2Φ(Φ⁻¹(1 − α/2)/√t); 0 at t = 0. */
    public static double obrienFleming(double alpha, double t) {
        if (!(alpha > 0 && alpha < 1) || !(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("need 0 < α < 1 and 0 ≤ t ≤ 1, got " + alpha + ", " + t);
        }
        if (t == 0) {
            return 0;
        }
        return t == 1 ? alpha : 2 * Z.survivalProbability(Z.inverseSurvivalProbability(alpha / 2) / Math.sqrt(t));
    }

    /**
     * The level of look {@code look} of {@code looks} (1-based) for a two-sided {@code level}: one side of its
     * interval errs with the one-sided error spent at that look. {@code level} itself with one look.
     */
    public static double lookLevel(double level, int look, int looks) {
        if (looks < 1 || look < 1 || look > looks) {
            throw new IllegalArgumentException("look " + look + " of " + looks);
        }
        if (looks == 1) {
            return level;
        }
        double alpha = (1 - level) / 2;
        double spent = obrienFleming(alpha, (double) look / looks) - obrienFleming(alpha, (double) (look - 1) / looks);
        return 1 - 2 * spent;
    }
}
