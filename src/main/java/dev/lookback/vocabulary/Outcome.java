package dev.lookback.vocabulary;

/** What a decision comes to: the rule is triggered (启动问责) or not (不问责). */
public enum Outcome implements Term {
    TRIGGERED,
    NOT_TRIGGERED;

    /** The outcome of a yes/no. */
    public static Outcome of(boolean triggered) {
        return triggered ? TRIGGERED : NOT_TRIGGERED;
    }

    /** As in decisions.csv: {@code TRIGGERED} or {@code NOT_TRIGGERED}. */
    @Override
    public String label() {
        return name();
    }
}
