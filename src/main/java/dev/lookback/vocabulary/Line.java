package dev.lookback.vocabulary;

/**
 * A configured line an indicator is held against, with its default. The plan's own figures are masked in
 * the published text: these defaults are configuration, set them.
 */
public enum Line implements Term {
    /** 问责线: identification and exit error rates at or above it trigger (default 2%). */
    ERROR_THRESHOLD(0.02),
    /** 容忍线: cadre non-compliance at or above it triggers (default 10%). */
    CADRE_TOLERANCE(0.10),
    /** 满意度标准: satisfaction below it triggers (default 90%). */
    SATISFACTION_STANDARD(0.90),
    /** 重要性水平: a misused or overdue share at or above it triggers (default 1%). */
    MATERIALITY(0.01);

    private final double defaultValue;

    Line(double defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** The default value. */
    public double defaultValue() {
        return defaultValue;
    }
}
