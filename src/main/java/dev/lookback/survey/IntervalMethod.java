package dev.lookback.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence interval methods for a proportion estimated from a complex sample. Each constant
 * implements one formula; {@link RatioEstimate#interval} validates its input, applies the special
 * cases below, and delegates to the formula.
 *
 * <p>Notation: R̂ the estimate, SE its standard error, df the design degrees of freedom,
 * t = t_{1−α/2, df}, n the unweighted domain units, n_eff = R̂(1 − R̂)/SE².
 *
 * <p>Special cases, in order of precedence:
 * <ol>
 *   <li>empty domain: every bound {@code NaN};</li>
 *   <li>census: [R̂, R̂], there is no sampling error;</li>
 *   <li>single sampled cluster, or df ≤ 0: {@code NaN}, the design gives no variance estimate;</li>
 *   <li>R̂ = 0 (or 1), hence SE = 0: every method but {@link #WALD} gives the exact one-sided
 *       binomial bound over the n_b independent units ({@link RatioEstimate#independentUnits()}),
 *       [0, 1 − (α/2)^{1/n_b}] (or its mirror); {@code WALD} gives [R̂, R̂].
 *       This is the usual result of a review, where R survey's {@code svyciprop} returns {@code NaN}.</li>
 * </ol>
 */
public enum IntervalMethod {
    /** R̂ ± t·SE, clipped to [0, 1]: R survey's {@code svyciprop(method = "mean")}. */
    WALD("wald", "Wald") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            double t = tQuantile(df, level);
            return new double[] {Math.max(0, p - t * se), Math.min(1, p + t * se)};
        }
    },
    /**
     * expit(logit R̂ ± t·SE / (R̂(1 − R̂))): the Wald interval on the logit scale, R survey's
     * {@code svyciprop(method = "xlogit")}.
     */
    LOGIT("logit", "logit") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            double t = tQuantile(df, level);
            double logit = Math.log(p / (1 - p));
            double half = t * se / (p * (1 - p));
            return new double[] {expit(logit - half), expit(logit + half)};
        }
    },
    /**
     * Korn and Graubard (1998): a Clopper–Pearson interval at the effective sample size adjusted for
     * the design's degrees of freedom, n* = min(n, n_eff·(t_{α/2,n−1}/t_{α/2,df})²), x* = R̂·n*:
     * lower = Beta⁻¹(α/2; x*, n* − x* + 1), upper = Beta⁻¹(1 − α/2; x* + 1, n* − x*).
     * R survey's {@code svyciprop(method = "beta")}, with n_eff capped at n.
     */
    KORN_GRAUBARD("korn-graubard", "KG") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            return kornGraubard(p, se, n, n, df, level);
        }

        @Override
        boolean boundReaches(double p, double se, double n, double nb, double df, double level, double threshold,
                boolean lower) {
            return kornGraubardReaches(p, se, n, n, df, level, threshold, lower);
        }
    },
    /**
     * Korn–Graubard with the effective sample size capped at n_b, the independent units of the zero-error
     * bound ({@link RatioEstimate#independentUnits()}), instead of n: n* = min(n_b, n_eff·(t_{α/2,n−1}/t_{α/2,df})²),
     * then as {@link #KORN_GRAUBARD}. Where a household's members share one verdict and errors cluster in
     * villages, n persons overstate what a few errors in 8 villages can show: the variance of a county with
     * few errors rests on the villages that happened to hold them, and the cap at n lets the bound sit
     * below the true rate far more often than α/2 (see the bound study in docs/statistics.md). The cap at n_b makes the
     * bound continuous with the zero-error bound: as R̂ → 0 the upper bound tends to 1 − (α/2)^{1/n_b}.
     * Not in R's {@code survey}; equal to {@link #KORN_GRAUBARD} whenever n_eff·(t ratio)² ≤ n_b.
     */
    KORN_GRAUBARD_NB("korn-graubard-nb", "KG(n_b)") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            return kornGraubard(p, se, n, nb, df, level);
        }

        @Override
        boolean boundReaches(double p, double se, double n, double nb, double df, double level, double threshold,
                boolean lower) {
            return kornGraubardReaches(p, se, n, nb, df, level, threshold, lower);
        }
    },
    /**
     * Wilson's score interval at ñ = min(n, n_eff) with the design's t in place of z:
     * (R̂ + t²/2ñ ± (t/2ñ)·√(4ñR̂(1 − R̂) + t²)) / (1 + t²/ñ) (Kott and Carr 1997).
     */
    WILSON("wilson", "Wilson") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            double t = tQuantile(df, level);
            double nEff = se == 0 ? Double.POSITIVE_INFINITY : p * (1 - p) / (se * se);
            double m = Math.min(n, nEff);
            double centre = p + t * t / (2 * m);
            double half = t / (2 * m) * Math.sqrt(4 * m * p * (1 - p) + t * t);
            double denominator = 1 + t * t / m;
            return new double[] {Math.max(0, (centre - half) / denominator), Math.min(1, (centre + half) / denominator)};
        }
    },
    /**
     * Percentiles of the Rao–Wu bootstrap replicates of the ratio ({@link RaoWuBootstrap}, kept in
     * {@link RatioEstimate#replicates()}): the α/2 and 1 − α/2 type-7 quantiles of the replicates with domain units,
     * not a formula in (R̂, SE, n, df); the special cases apply as to every method. An estimate without replicates
     * has no bootstrap interval (an {@link IllegalArgumentException} says so).
     */
    BOOTSTRAP("bootstrap", "boot") {
        @Override
        double[] bounds(double p, double se, double n, double nb, double df, double level) {
            throw new IllegalStateException("a bootstrap interval is taken from the replicates");
        }
    };

    /**
     * The default: {@link #KORN_GRAUBARD_NB}, whose upper bound keeps its level when errors cluster in villages
     * (R's Korn–Graubard, {@link #KORN_GRAUBARD}, missed the county's own rate in up to 15% of county rows).
     */
    public static final IntervalMethod DEFAULT = KORN_GRAUBARD_NB;

    private final String label;
    private final String abbreviation;

    IntervalMethod(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    /** The name used on the command line and in output files, e.g. {@code korn-graubard}. */
    public String label() {
        return label;
    }

    /** A short name for summaries, e.g. {@code KG}. */
    public String abbreviation() {
        return abbreviation;
    }

    /** The bounds of the ordinary case: 0 &lt; R̂ &lt; 1, df ≥ 1. */
    abstract double[] bounds(double p, double se, double n, double nb, double df, double level);

    /** Whether the lower (or upper) bound of the ordinary case is at least {@code threshold}. */
    boolean boundReaches(double p, double se, double n, double nb, double df, double level, double threshold,
            boolean lower) {
        double[] b = bounds(p, se, n, nb, df, level);
        return (lower ? b[0] : b[1]) >= threshold;
    }

    /**
     * Whether the lower (or upper) bound of an estimate's interval is at least {@code threshold}:
     * what a decision needs, sometimes far cheaper than the interval (Korn–Graubard needs one Beta
     * CDF instead of a quantile). An undefined bound is not.
     */
    public boolean boundReaches(RatioEstimate e, double level, double threshold, boolean lower) {
        Interval special = specialCase(e, this, level);
        if (special != null) {
            return (lower ? special.lower() : special.upper()) >= threshold;
        }
        if (this == BOOTSTRAP) {
            Interval i = percentile(e, level);
            return (lower ? i.lower() : i.upper()) >= threshold;
        }
        return boundReaches(e.estimate(), e.standardError(), e.units(), e.independentUnits(), e.df(), level, threshold,
                lower);
    }

    /**
     * Reads a method name: the {@link #label()} or the constant's name, case-insensitive; also
     * {@code kg}/{@code beta} for Korn–Graubard, {@code kg-nb} for its n_b-capped form, {@code mean} for Wald, {@code xlogit} for logit.
     */
    public static IntervalMethod parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (s) {
            case "kg":
            case "beta":
                return KORN_GRAUBARD;
            case "kg-nb":
                return KORN_GRAUBARD_NB;
            case "mean":
                return WALD;
            case "xlogit":
                return LOGIT;
            case "boot":
            case "rao-wu":
                return BOOTSTRAP;
            default:
                for (IntervalMethod m : values()) {
                    if (m.label.equals(s)) {
                        return m;
                    }
                }
                throw new IllegalArgumentException("\"" + text + "\" is not an interval method; expected one of "
                        + Arrays.stream(values()).map(IntervalMethod::label).collect(Collectors.joining(", ")));
        }
    }

    /** The single validating entry point; see the class documentation for the special cases. */
    static Interval interval(RatioEstimate e, IntervalMethod method, double level) {
        Interval special = specialCase(e, method, level);
        if (special != null) {
            return special;
        }
        if (method == BOOTSTRAP) {
            return percentile(e, level);
        }
        double[] b = method.bounds(e.estimate(), e.standardError(), e.units(), e.independentUnits(), e.df(), level);
        return new Interval(b[0], b[1], method, level, "");
    }

    /** The percentile interval of the ordinary case from the estimate's replicates. */
    private static Interval percentile(RatioEstimate e, double level) {
        Replicates r = e.replicates();
        if (r == null) {
            throw new IllegalArgumentException("the estimate of " + e.domain() + " has no bootstrap replicates: a"
                    + " bootstrap interval needs the review's bootstrap (RaoWuBootstrap) to have drawn them");
        }
        if (r.defined() < 2) {
            return new Interval(Double.NaN, Double.NaN, BOOTSTRAP, level,
                    "fewer than two bootstrap replicates have units of the domain");
        }
        double alpha = 1 - level;
        String note = r.defined() < r.total() ? (r.total() - r.defined()) + " replicates without domain units left out"
                : "";
        return new Interval(r.quantile(alpha / 2), r.quantile(1 - alpha / 2), BOOTSTRAP, level, note);
    }

    /** The interval of a special case (empty, census, no variance, zero or all errors), or null. */
    static Interval specialCase(RatioEstimate e, IntervalMethod method, double level) {
        Checks.level(level);
        double p = e.estimate();
        switch (e.status()) {
            case EMPTY_DOMAIN:
            case WITHHELD:
            case SINGLE_CLUSTER:
            case NO_DEGREES_OF_FREEDOM:
                return new Interval(Double.NaN, Double.NaN, method, level, e.status().reason());
            case CENSUS:
                return new Interval(p, p, method, level, "census");
            default:
                break;
        }
        if (p == 0 || p == 1) {
            if (method == WALD) {
                return new Interval(p, p, method, level, p == 0 ? "no errors" : "all errors");
            }
            double nb = e.independentUnits();
            double bound = -Math.expm1(Math.log((1 - level) / 2) / nb);
            String over = nb == e.units() ? "" : String.format(Locale.ROOT, " over %s independent units",
                    Formats.number(nb));
            return p == 0 ? new Interval(0, bound, method, level, "exact bound, no errors" + over)
                    : new Interval(1 - bound, 1, method, level, "exact bound, all errors" + over);
        }
        return null;
    }

    /** n* = min(cap, n_eff·(t_{α/2,n−1}/t_{α/2,df})²): the Korn–Graubard effective sample size. */
    private static double kornGraubardSize(double p, double se, double n, double cap, double df, double level) {
        double nEff = se == 0 ? Double.POSITIVE_INFINITY : p * (1 - p) / (se * se);
        double ratio = tQuantile(n - 1, level) / tQuantile(df, level);
        return Math.min(cap, nEff * ratio * ratio);
    }

    /** The Clopper–Pearson bounds at (x*, n*): lower Beta⁻¹(α/2; x*, n*−x*+1), upper Beta⁻¹(1−α/2; x*+1, n*−x*). */
    private static double[] kornGraubard(double p, double se, double n, double cap, double df, double level) {
        double alpha = 1 - level;
        double nStar = kornGraubardSize(p, se, n, cap, df, level);
        double xStar = p * nStar;
        double lower = xStar <= 0 ? 0
                : BetaDistribution.of(xStar, nStar - xStar + 1).inverseCumulativeProbability(alpha / 2);
        double upper = xStar >= nStar ? 1
                : BetaDistribution.of(xStar + 1, nStar - xStar).inverseCumulativeProbability(1 - alpha / 2);
        return new double[] {lower, upper};
    }

    /** One Beta CDF instead of a quantile: Beta⁻¹(q) ≥ T exactly when CDF(T) ≤ q. */
    private static boolean kornGraubardReaches(double p, double se, double n, double cap, double df, double level,
            double threshold, boolean lower) {
        double alpha = 1 - level;
        double nStar = kornGraubardSize(p, se, n, cap, df, level);
        double xStar = p * nStar;
        if (lower) {
            return threshold <= 0 || xStar > 0
                    && BetaDistribution.of(xStar, nStar - xStar + 1).cumulativeProbability(threshold) <= alpha / 2;
        }
        return xStar >= nStar
                || BetaDistribution.of(xStar + 1, nStar - xStar).cumulativeProbability(threshold) <= 1 - alpha / 2;
    }

    /** Quantiles already computed for whole df at one level: a pure function asked the same values often. */
    private record TCache(double level, double[] quantiles) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<TCache> T_CACHE =
            new java.util.concurrent.atomic.AtomicReference<>(new TCache(Double.NaN, new double[0]));

    static double tQuantile(double df, double level) {
        if (df == Math.rint(df) && df >= 1 && df < 1 << 16) {
            TCache cache = T_CACHE.get();
            if (cache.level() != level) {
                double[] fresh = new double[1 << 16];
                java.util.Arrays.fill(fresh, Double.NaN);
                cache = new TCache(level, fresh);
                T_CACHE.set(cache);
            }
            int i = (int) df;
            double t = cache.quantiles()[i];
            if (Double.isNaN(t)) { // a race only computes the same value twice
                t = TDistribution.of(df).inverseCumulativeProbability(1 - (1 - level) / 2);
                cache.quantiles()[i] = t;
            }
            return t;
        }
        return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    static double expit(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
