package dev.lookback.vocabulary;

/** What an error rate counts: persons (as the national exit assessment does) or households. */
public enum Unit implements Term {
    PERSONS,
    HOUSEHOLDS;

    /** Reads {@code persons}/{@code households} (人/户). */
    public static Unit parse(String text) {
        Unit u = Names.parse(Unit.class, text);
        if (u == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a unit; expected persons or households");
        }
        return u;
    }
}
