package dev.lookback.check;

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
public enum Kind {
    MISSED("漏评", "missed (should be in, is not)"),
    WRONGLY_INCLUDED("错评", "wrongly included (should be out, is in)"),
    WRONGLY_EXITED("错退", "wrongly exited"),
    CORRECT("正确", "correct");

    private final String chinese;
    private final String english;

    Kind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The Chinese word, e.g. 漏评. */
    public String chinese() {
        return chinese;
    }

    /** A short English description. */
    public String english() {
        return english;
    }

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
