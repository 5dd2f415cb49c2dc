package dev.lookback.survey;

import java.util.Locale;

/**
 * A design-based ratio estimate R̂ = Σ w·y / Σ w·x with its linearised standard error.
 *
 * @param domain            what the estimate covers (a stratum, or {@code ALL})
 * @param estimate          R̂; {@code NaN} for an empty domain
 * @param standardError     √v(R̂); 0 for a census, {@code NaN} where the design gives no variance
 * @param df                degrees of freedom: clusters with x &gt; 0 minus strata having such clusters
 * @param units             n = Σ x, the unweighted domain units in the sample
 * @param errors            Σ y, the unweighted errors in the sample
 * @param clustersSampled   sampled clusters of the strata covered
 * @param clustersInPopulation clusters in the population of those strata
 * @param status            which special case of the estimation contract applies
 * @param independentUnits  n_b, the independent units the exact bound at zero (or all) errors counts
 *                          ({@link IntraclassCorrelation#independentUnits}); {@code units} when units are
 *                          independent
 * @param replicates        the bootstrap replicates of R̂ beside the linearised variance ({@link RaoWuBootstrap}),
 *                          or {@code null} when none were drawn: {@link IntervalMethod#BOOTSTRAP} needs them
 */
public record RatioEstimate(String domain, double estimate, double standardError, double df, double units,
        double errors, int clustersSampled, int clustersInPopulation, EstimateStatus status, double independentUnits,
        Replicates replicates) {

    /** An estimate whose units are independent (n_b = n). */
    public RatioEstimate(String domain, double estimate, double standardError, double df, double units, double errors,
            int clustersSampled, int clustersInPopulation, EstimateStatus status) {
        this(domain, estimate, standardError, df, units, errors, clustersSampled, clustersInPopulation, status, units,
                null);
    }

    /** An estimate with n_b independent units and no bootstrap replicates. */
    public RatioEstimate(String domain, double estimate, double standardError, double df, double units, double errors,
            int clustersSampled, int clustersInPopulation, EstimateStatus status, double independentUnits) {
        this(domain, estimate, standardError, df, units, errors, clustersSampled, clustersInPopulation, status,
                independentUnits, null);
    }

    /** The same estimate with n_b independent units for the exact bound (e.g. households over the design effect). */
    public RatioEstimate withIndependentUnits(double nb) {
        return new RatioEstimate(domain, estimate, standardError, df, units, errors, clustersSampled,
                clustersInPopulation, status, nb, replicates);
    }

    /** The same estimate with its bootstrap replicates, so that a {@link IntervalMethod#BOOTSTRAP} interval exists at any level. */
    public RatioEstimate withReplicates(Replicates r) {
        return new RatioEstimate(domain, estimate, standardError, df, units, errors, clustersSampled,
                clustersInPopulation, status, independentUnits, r);
    }

    /**
     * The same estimate with the bootstrap's replicate variance as its variance instead of the linearised one
     * (√{@link Replicates#variance()}), so that every interval method, the p-values and the decisions read the
     * replicate variance: the bootstrap as a variance estimator beside the linearisation (Rao and Wu 1988), not
     * only a percentile interval. The special cases keep their variance (a census 0; no variance where the design
     * gives none), and an estimate without replicates is refused.
     */
    public RatioEstimate withReplicateVariance() {
        if (replicates == null) {
            throw new IllegalArgumentException("the replicate variance of " + domain + " needs its bootstrap replicates");
        }
        if (status != EstimateStatus.OK && status != EstimateStatus.NO_DEGREES_OF_FREEDOM) {
            return this;
        }
        return new RatioEstimate(domain, estimate, Math.sqrt(replicates.variance()), df, units, errors, clustersSampled,
                clustersInPopulation, status, independentUnits, replicates);
    }

    /**
     * An estimate whose data were withheld as unusable (status {@link EstimateStatus#WITHHELD}): every number
     * {@code NaN} but the clusters, so that no interval, p-value or decision rests on it.
     */
    public static RatioEstimate withheld(String domain, int clustersSampled, int clustersInPopulation) {
        return new RatioEstimate(domain, Double.NaN, Double.NaN, Double.NaN, 0, 0, clustersSampled,
                clustersInPopulation, EstimateStatus.WITHHELD, 0, null);
    }

    /** v(R̂) = SE². */
    public double variance() {
        return standardError * standardError;
    }

    /** n_eff = R̂(1 − R̂)/v: the simple random sample size with the same precision (+∞ when v = 0). */
    public double effectiveSampleSize() {
        double pq = estimate * (1 - estimate);
        double v = variance();
        if (v == 0) {
            return pq >= 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return pq / v;
    }

    /** Design effect: v over the variance R̂(1 − R̂)/n of a simple random sample of n units. */
    public double designEffect() {
        return variance() / (estimate * (1 - estimate) / units);
    }

    /**
     * The confidence interval by {@code method} at confidence {@code level}, with every special case of
     * the estimation contract applied; see {@link IntervalMethod}.
     */
    public Interval interval(IntervalMethod method, double level) {
        return IntervalMethod.interval(this, method, level);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ratio %s: %s (SE %s), df %s, %s errors in %s units, %d/%d clusters%s",
                domain, Formats.percent(estimate), Formats.percent(standardError), Formats.number(df),
                Formats.number(errors), Formats.number(units), clustersSampled, clustersInPopulation,
                status == EstimateStatus.OK ? "" : " [" + status.reason() + "]");
    }
}
