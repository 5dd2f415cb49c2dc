package dev.lookback.vocabulary;

/** A household's answer to the satisfaction question (群众满意度). */
public enum Answer implements Term {
    /** 满意. */
    SATISFIED,
    /** 基本满意. */
    FAIRLY_SATISFIED,
    /** 不满意. */
    DISSATISFIED;

    /** Whether the answer counts as satisfied (满意 and 基本满意). */
    public boolean satisfied() {
        return this != DISSATISFIED;
    }

    /** Reads an answer: the constant's name or the Chinese word; {@code null} if unknown. */
    public static Answer parse(String text) {
        return Names.parse(Answer.class, text);
    }
}
