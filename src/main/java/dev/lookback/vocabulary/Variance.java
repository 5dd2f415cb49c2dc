package dev.lookback.vocabulary;

/**
 * How a rate's variance is estimated: by linearisation (Woodruff's Taylor series, as R's {@code svyratio}), or from
 * the Rao–Wu bootstrap's replicates of the ratio; every interval method, p-value and decision then reads it.
 */
public enum Variance implements Term {
    LINEARISED,
    BOOTSTRAP;

    /** Reads {@code linearised}/{@code bootstrap} (线性化/自助法). */
    public static Variance parse(String text) {
        Variance v = Names.parse(Variance.class, text);
        if (v == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a variance estimator; expected linearised or"
                    + " bootstrap");
        }
        return v;
    }
}
