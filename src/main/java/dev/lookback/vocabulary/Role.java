package dev.lookback.vocabulary;

/** A county leader's role in the plan's accountability rules (section 三(三)). */
public enum Role implements Term {
    /** 党委书记: with the government head, answers for identification and exit errors. */
    PARTY_SECRETARY,
    /** 政府主要负责人: answers for identification and exit errors and for fund use. */
    GOVERNMENT_HEAD,
    /** 分管帮扶工作领导: answers for assistance not in place and low satisfaction. */
    ASSISTANCE_LEAD;

    /** Reads a role: the constant's name, the Chinese title or a usual variant; {@code null} if unknown. */
    public static Role parse(String text) {
        return Names.parse(Role.class, text);
    }
}
