package dev.lookback.vocabulary;

/** Where the verification of a report from the public stands (核实结果). */
public enum LeadStatus implements Term {
    PENDING, CONFIRMED, PARTLY, UNFOUNDED;

    /** Reads a status; {@code null} if unknown. */
    public static LeadStatus parse(String text) {
        return Names.parse(LeadStatus.class, text);
    }

    /** Whether the lead was found true, wholly or in part (属实, 部分属实). */
    public boolean confirmed() {
        return this == CONFIRMED || this == PARTLY;
    }
}
