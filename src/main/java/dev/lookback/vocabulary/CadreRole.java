package dev.lookback.vocabulary;

/** A poverty-alleviation cadre's role in a village (驻村帮扶). */
public enum CadreRole implements Term {
    /** 第一书记. */
    FIRST_SECRETARY,
    /** 工作队员. */
    TEAM_MEMBER;

    /** Reads a role: the constant's name or the Chinese title; {@code null} if unknown. */
    public static CadreRole parse(String text) {
        return Names.parse(CadreRole.class, text);
    }
}
