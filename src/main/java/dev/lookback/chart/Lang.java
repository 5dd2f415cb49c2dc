package dev.lookback.chart;

import java.util.Locale;

/** The language of chart and report labels: Chinese (the meeting's) or English. */
public enum Lang {
    /** 中文. */
    ZH,
    /** English. */
    EN;

    /** The Chinese or the English text, by this language. */
    public String pick(String chinese, String english) {
        return this == ZH ? chinese : english;
    }

    /** {@code zh} or {@code en}, any case. */
    public static Lang parse(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "zh":
            case "cn":
            case "中文":
                return ZH;
            case "en":
                return EN;
            default:
                throw new IllegalArgumentException("the language must be zh or en, got \"" + text + "\"");
        }
    }
}
