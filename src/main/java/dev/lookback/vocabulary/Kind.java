package dev.lookback.vocabulary;

/**
 * The verdict on one spot-checked household, from its register status and whether it meets the
 * poverty standard at the check.
 *
 * <pre>
 *   NON_POOR or UNREGISTERED, qualifies     → MISSED            漏评 (应进未进)
 *   POOR, does not qualify                  → WRONGLY_INCLUDED  错评 (应退未退)
 *   EXITED, qualifies                       → WRONGLY_EXITED    错退
 *   otherwise                               → CORRECT
 * </pre>
 */
public enum Kind implements Term {
    MISSED,
    WRONGLY_INCLUDED,
    WRONGLY_EXITED,
    CORRECT;

    /** The verdict for a register status and the spot check's finding. */
    public static Kind of(Status status, boolean qualifies) {
        switch (status) {
            case NON_POOR:
            case UNREGISTERED:
                return qualifies ? MISSED : CORRECT;
            case POOR:
                return qualifies ? CORRECT : WRONGLY_INCLUDED;
            case EXITED:
                return qualifies ? WRONGLY_EXITED : CORRECT;
            default:
                throw new AssertionError(status);
        }
    }
}
