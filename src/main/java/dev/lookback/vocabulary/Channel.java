package dev.lookback.vocabulary;

/** How a report from the public came in (来源): the plan's hotline, letters, e-mail, visits and the web. */
public enum Channel implements Term {
    PHONE, LETTER, EMAIL, VISIT, ONLINE;

    /** Reads a channel: the constant's name, the Chinese word or another spelling; {@code null} if unknown. */
    public static Channel parse(String text) {
        return Names.parse(Channel.class, text);
    }
}
