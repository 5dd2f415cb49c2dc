package dev.lookback.check;

import java.util.Locale;

/** A household's status in the county's self-check register (自查台账). */
public enum Status {
    /** 贫困户: registered as poor, not yet exited. */
    POOR("贫困户"),
    /** 已脱贫: registered as poor and exited. */
    EXITED("已脱贫"),
    /** 一般户: in the register, not poor. */
    NON_POOR("一般户"),
    /** 未登记: found by the spot check, not in the register at all. */
    UNREGISTERED("未登记");

    private final String chinese;

    Status(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese word. */
    public String chinese() {
        return chinese;
    }

    /** Reads a register status: the English name or a Chinese word; {@code null} if unknown. */
    static Status parse(String text) {
        switch (text) { // the usual spellings, without normalising
            case "POOR":
                return POOR;
            case "EXITED":
                return EXITED;
            case "NON_POOR":
                return NON_POOR;
            default:
                break;
        }
        switch (text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "POOR":
            case "贫困户":
            case "未脱贫":
            case "未脱贫户":
            case "贫困":
                return POOR;
            case "EXITED":
            case "已脱贫":
            case "脱贫户":
            case "已脱贫户":
            case "脱贫":
                return EXITED;
            case "NON_POOR":
            case "NONPOOR":
            case "一般户":
            case "非贫困户":
            case "一般":
                return NON_POOR;
            default:
                return null;
        }
    }
}
