package dev.lookback.vocabulary;

import java.util.Optional;

/** What a report from the public alleges (反映问题). */
public enum Allegation implements Term {
    MISSED, WRONGLY_INCLUDED, WRONGLY_EXITED, ASSISTANCE, FUNDS, OTHER;

    /** Reads an allegation; {@code null} if unknown. */
    public static Allegation parse(String text) {
        return Names.parse(Allegation.class, text);
    }

    /** The spot check's verdict this allegation claims about a household, if it is one (漏评, 错评, 错退). */
    public Optional<Kind> verdict() {
        switch (this) {
            case MISSED:
                return Optional.of(Kind.MISSED);
            case WRONGLY_INCLUDED:
                return Optional.of(Kind.WRONGLY_INCLUDED);
            case WRONGLY_EXITED:
                return Optional.of(Kind.WRONGLY_EXITED);
            default:
                return Optional.empty();
        }
    }
}
