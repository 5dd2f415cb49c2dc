package dev.lookback.survey;

/** Which special case of the estimation contract applies to a ratio estimate. */
public enum EstimateStatus {
    /** A usable estimate with a design-based variance. */
    OK("estimated"),
    /** No domain unit in the sample: estimate, SE, df and interval are NaN. */
    EMPTY_DOMAIN("empty domain: no unit of the domain in the sample"),
    /** Every cluster of every stratum was sampled: no sampling error, interval [R̂, R̂]. */
    CENSUS("census: every village sampled, no sampling error"),
    /** A single sampled cluster: the design gives no variance estimate. */
    SINGLE_CLUSTER("single sampled village: the design gives no variance estimate"),
    /** Degrees of freedom ≤ 0 (at most one cluster with domain units per stratum). */
    NO_DEGREES_OF_FREEDOM("df ≤ 0: too few villages with units of the domain to estimate a variance"),
    /**
     * The stratum's data were withheld as unusable (e.g. two files that should describe the same units do not):
     * estimate, SE, df and interval are NaN, so that nothing is concluded from them.
     */
    WITHHELD("no data: the data of this stratum were withheld as unusable");

    private final String reason;

    EstimateStatus(String reason) {
        this.reason = reason;
    }

    /** One phrase saying why, for output files and summaries. */
    public String reason() {
        return reason;
    }

    /** Whether the interval of such an estimate is undefined ({@code NaN}). */
    public boolean intervalUndefined() {
        return this == EMPTY_DOMAIN || this == SINGLE_CLUSTER || this == NO_DEGREES_OF_FREEDOM || this == WITHHELD;
    }
}
