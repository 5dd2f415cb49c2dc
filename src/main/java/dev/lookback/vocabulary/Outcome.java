package dev.lookback.vocabulary;

/**
 * What a decision comes to: the rule is triggered (启动问责), not triggered (不问责), or there is no data to
 * decide on (无数据): what the policy reads is undefined, and the county's domain must be checked before
 * anything is decided.
 */
public enum Outcome implements Term {
    TRIGGERED,
    NOT_TRIGGERED,
    NO_DATA;

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
