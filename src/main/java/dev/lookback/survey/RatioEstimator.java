package dev.lookback.survey;

/**
 * The ratio estimator and its linearised (Taylor) variance for a {@link ClusterDesign}.
 *
 * <pre>
 *   R̂ = Σ w·y / Σ w·x,          z_hi = w_hi (y_hi − R̂ x_hi) / X̂,   X̂ = Σ w·x
 *   v(R̂) = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)²
 * </pre>
 * summing over all n_h sampled clusters of each stratum (clusters without domain units have z = 0).
 * A stratum with one sampled cluster contributes per {@link LonelyPsu}. Degrees of freedom are
 * (clusters with x &gt; 0) − (strata having such clusters). This is Woodruff's linearisation as in
 * R survey's {@code svyratio} with {@code svyrecvar} (Lumley 2010, §3.2; Wolter 2007, ch. 6).
 */
final class RatioEstimator {
    private RatioEstimator() {
    }

    static RatioEstimate estimate(ClusterDesign d, String label, String onlyStratum, double[] y, double[] x,
            LonelyPsu lonely) {
        int n = d.clusters().size();
        if (y.length != n || x.length != n) {
            throw new IllegalArgumentException("expected " + n + " cluster totals (one per sampled cluster), got y: "
                    + y.length + ", x: " + x.length);
        }
        int only = onlyStratum == null ? -1 : d.indexOfStratum(onlyStratum);
        int strata = d.stratumCount();
        double wy = 0;
        double wx = 0;
        double units = 0;
        double errors = 0;
        int sampled = 0;
        int population = 0;
        boolean[] inRow = new boolean[strata];
        for (int h = 0; h < strata; h++) {
            inRow[h] = only < 0 || h == only;
            if (inRow[h]) {
                sampled += d.sampledClustersAt(h);
                population += d.populationClustersAt(h);
            }
        }
        boolean[] stratumHasUnits = new boolean[strata];
        int clustersWithUnits = 0;
        for (int i = 0; i < n; i++) {
            int h = d.clusterStratumIndex(i);
            if (!inRow[h]) {
                continue;
            }
            if (!(x[i] >= 0 && x[i] < Double.POSITIVE_INFINITY)) { // the message only when it fails
                Checks.nonNegative("x of cluster " + d.clusters().get(i), x[i]);
            }
            if (!(y[i] >= 0 && y[i] < Double.POSITIVE_INFINITY)) {
                Checks.nonNegative("y of cluster " + d.clusters().get(i), y[i]);
            }
            if (y[i] > x[i]) {
                throw new IllegalArgumentException("cluster " + d.clusters().get(i) + " has more errors (" + y[i]
                        + ") than units (" + x[i] + ")");
            }
            double w = d.weight(i);
            wy += w * y[i];
            wx += w * x[i];
            units += x[i];
            errors += y[i];
            if (x[i] > 0) {
                clustersWithUnits++;
                stratumHasUnits[h] = true;
            }
        }
        int strataWithUnits = 0;
        boolean census = true;
        for (int h = 0; h < strata; h++) {
            if (inRow[h]) {
                strataWithUnits += stratumHasUnits[h] ? 1 : 0;
                census &= d.sampledClustersAt(h) == d.populationClustersAt(h);
            }
        }
        if (!(wx > 0)) {
            return new RatioEstimate(label, Double.NaN, Double.NaN, Double.NaN, 0, 0, sampled, population,
                    EstimateStatus.EMPTY_DOMAIN);
        }
        double r = wy / wx;
        double df = clustersWithUnits - strataWithUnits;
        if (census) {
            return new RatioEstimate(label, r, 0.0, df, units, errors, sampled, population, EstimateStatus.CENSUS);
        }
        if (only >= 0 && d.sampledClustersAt(only) == 1) {
            return new RatioEstimate(label, r, Double.NaN, df, units, errors, sampled, population,
                    EstimateStatus.SINGLE_CLUSTER);
        }
        double variance = variance(d, inRow, y, x, r, wx, lonely);
        EstimateStatus status = df > 0 ? EstimateStatus.OK : EstimateStatus.NO_DEGREES_OF_FREEDOM;
        return new RatioEstimate(label, r, Math.sqrt(variance), df, units, errors, sampled, population, status);
    }

    private static double variance(ClusterDesign d, boolean[] inRow, double[] y, double[] x, double r, double wx,
            LonelyPsu lonely) {
        int strata = d.stratumCount();
        double[] sum = new double[strata];
        double[] sumSq = new double[strata];
        int n = y.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int h = d.clusterStratumIndex(i);
            if (inRow[h]) {
                z[i] = d.weight(i) * (y[i] - r * x[i]) / wx;
                sum[h] += z[i];
            }
        }
        double[] mean = new double[strata];
        for (int h = 0; h < strata; h++) {
            mean[h] = d.sampledClustersAt(h) > 0 ? sum[h] / d.sampledClustersAt(h) : 0;
        }
        for (int i = 0; i < n; i++) {
            int h = d.clusterStratumIndex(i);
            if (inRow[h]) {
                double dev = z[i] - mean[h];
                sumSq[h] += dev * dev;
            }
        }
        double v = 0;
        for (int h = 0; h < strata; h++) {
            if (!inRow[h]) {
                continue;
            }
            int nh = d.sampledClustersAt(h);
            double fpc = 1 - d.samplingFractionAt(h);
            if (nh >= 2) {
                v += fpc * nh / (nh - 1.0) * sumSq[h];
            } else if (fpc > 0) {
                switch (lonely) {
                    case ADJUST:
                        v += fpc * sum[h] * sum[h];
                        break;
                    case CERTAINTY:
                        break;
                    case FAIL:
                    default:
                        throw new IllegalArgumentException("stratum " + d.strata().get(h)
                                + " has a single sampled cluster, which gives no variance estimate: the lonely-PSU"
                                + " policy FAIL refuses a row across strata (choose ADJUST or CERTAINTY)");
                }
            }
        }
        return v;
    }
}
