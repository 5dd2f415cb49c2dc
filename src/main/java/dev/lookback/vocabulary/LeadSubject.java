package dev.lookback.vocabulary;

/** What a report from the public is about (对象): a household, an assistance cadre or a project. */
public enum LeadSubject implements Term {
    HOUSEHOLD, CADRE, PROJECT;

    /** Reads a subject; {@code null} if unknown. */
    public static LeadSubject parse(String text) {
        return Names.parse(LeadSubject.class, text);
    }
}
