package dev.lookback.decide;

import java.util.Locale;

/** A county leader's role in the plan's accountability rules (section 三(三)). */
public enum Role {
    /** 党委书记: with the government head, answers for identification and exit errors. */
    PARTY_SECRETARY("党委书记", "party secretary"),
    /** 政府主要负责人: answers for identification and exit errors and for fund use. */
    GOVERNMENT_HEAD("政府主要负责人", "government head"),
    /** 分管帮扶工作领导: answers for assistance not in place and low satisfaction. */
    ASSISTANCE_LEAD("分管帮扶工作领导", "leader in charge of assistance");

    private final String chinese;
    private final String english;

    Role(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The Chinese title. */
    public String chinese() {
        return chinese;
    }

    /** The English title. */
    public String english() {
        return english;
    }

    /** Reads a role: the constant's name or the Chinese title (a few usual variants); {@code null} if unknown. */
    static Role parse(String text) {
        String s = text.strip();
        switch (s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
            case "PARTY_SECRETARY":
            case "党委书记":
            case "县委书记":
            case "书记":
                return PARTY_SECRETARY;
            case "GOVERNMENT_HEAD":
            case "政府主要负责人":
            case "县长":
            case "区长":
            case "市长":
                return GOVERNMENT_HEAD;
            case "ASSISTANCE_LEAD":
            case "分管帮扶工作领导":
            case "分管领导":
            case "分管扶贫领导":
                return ASSISTANCE_LEAD;
            default:
                return null;
        }
    }
}
