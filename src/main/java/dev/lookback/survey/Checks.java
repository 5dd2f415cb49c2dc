package dev.lookback.survey;

/** Argument checks in positive form, so that NaN fails them. */
final class Checks {
    private Checks() {
    }

    static double probability(String name, double value) {
        if (value > 0 && value <= 1) {
            return value;
        }
        throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }

    static double level(double level) {
        if (level > 0 && level < 1) {
            return level;
        }
        throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }

    static double nonNegative(String name, double value) {
        if (value >= 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
    }
}
