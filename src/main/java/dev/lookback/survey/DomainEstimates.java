package dev.lookback.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * The one estimation path every rate of a review takes (error rates, cadre non-compliance, satisfaction): for a
 * measure's cluster totals y (cases) and x (domain units) on the review's design, the ratio of each stratum asked
 * for and of the whole population ({@link #ALL}), each with its interval by every method asked for, at one level.
 *
 * <p>Each row's estimate is {@link ClusterDesign#ratio} (linearised variance; a row across strata handles a lonely
 * cluster per {@link LonelyPsu}); with the clusters' independent units (households, or the units themselves) and ρ,
 * zero (or all) cases are bounded over n_b = H/d ({@link IntraclassCorrelation#independentUnits}); with bootstrap
 * factors ({@link RaoWuBootstrap#factors}) every row keeps its replicates, so that the {@code bootstrap} interval
 * exists at any level and the replicate variance can stand beside the linearised one
 * ({@link RatioEstimate#withReplicateVariance()}).
 */
public final class DomainEstimates {

    /** The label of the whole population's row (the city). */
    public static final String ALL = "ALL";

    private DomainEstimates() {
    }

    /**
     * A row: a stratum's (or the whole population's) estimate and its intervals.
     *
     * @param stratum   the stratum, or {@link #ALL}
     * @param estimate  the ratio estimate, with its replicates when a bootstrap was drawn
     * @param intervals one per method, in the order asked
     */
    public record Row(String stratum, RatioEstimate estimate, List<Interval> intervals) {
        public Row {
            intervals = List.copyOf(intervals);
        }
    }

    /** How a measure is estimated: the methods and level of its intervals, the lonely-cluster rule, the variance. */
    public record Options(List<IntervalMethod> methods, double level, LonelyPsu lonely, boolean replicateVariance) {
        public Options {
            methods = List.copyOf(methods);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("at least one interval method is needed");
            }
        }

        /** Whether the rows need bootstrap replicates: a bootstrap interval, or the replicate variance. */
        public boolean needsReplicates() {
            return replicateVariance || methods.contains(IntervalMethod.BOOTSTRAP);
        }
    }

    /**
     * The rows of {@code strata} (in that order) and then {@link #ALL}.
     *
     * @param design      the review's design (counties as strata, villages as clusters)
     * @param strata      the strata that get a row
     * @param y           cases per cluster, in the design's cluster order
     * @param x           domain units per cluster
     * @param independent independent units per cluster for the zero-case bound (households), or null: none
     * @param rho         the intraclass correlation of the cases in those units
     * @param options     methods, level, lonely-cluster rule, variance
     * @param factors     the bootstrap's replicate factors for {@code design}, or null when none are needed
     */
    public static List<Row> of(ClusterDesign design, List<String> strata, double[] y, double[] x, double[] independent,
            double rho, Options options, double[][] factors) {
        if (options.needsReplicates() && factors == null) {
            throw new IllegalArgumentException("a bootstrap interval or the replicate variance needs the bootstrap's"
                    + " replicate factors (RaoWuBootstrap.factors)");
        }
        double[][] replicates = options.needsReplicates() ? RaoWuBootstrap.ratios(design, factors, y, x) : null;
        List<String> all = design.strata();
        List<Row> rows = new ArrayList<>(strata.size() + 1);
        int n = design.clusters().size();
        for (String stratum : strata) {
            RatioEstimate e = design.ratio(stratum, y, x);
            if (independent != null) {
                int h = all.indexOf(stratum);
                double[] own = new double[n];
                for (int i = 0; i < n; i++) {
                    own[i] = design.clusterStratumIndex(i) == h ? independent[i] : 0;
                }
                e = e.withIndependentUnits(IntraclassCorrelation.independentUnits(own, rho));
            }
            rows.add(row(stratum, e, replicates, all.indexOf(stratum), options));
        }
        RatioEstimate e = design.ratio(y, x, options.lonely());
        if (independent != null) {
            e = e.withIndependentUnits(IntraclassCorrelation.independentUnits(independent, rho));
        }
        rows.add(row(ALL, e, replicates, all.size(), options));
        return rows;
    }

    private static Row row(String stratum, RatioEstimate e, double[][] replicates, int column, Options options) {
        RatioEstimate r = replicates == null ? e : e.withReplicates(Replicates.column(replicates, column));
        if (options.replicateVariance()) {
            r = r.withReplicateVariance();
        }
        List<Interval> intervals = new ArrayList<>(options.methods().size());
        for (IntervalMethod method : options.methods()) {
            intervals.add(r.interval(method, options.level()));
        }
        return new Row(stratum, r, intervals);
    }
}
