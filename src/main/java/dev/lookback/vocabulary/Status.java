package dev.lookback.vocabulary;

/** A household's status in the county's self-check register (自查台账). */
public enum Status implements Term {
    /** 贫困户: registered as poor, not yet exited. */
    POOR,
    /** 已脱贫: registered as poor and exited. */
    EXITED,
    /** 一般户: in the register, not poor. */
    NON_POOR,
    /** 未登记: found by the spot check, not in the register at all. */
    UNREGISTERED;

    /** Reads a register status: the English name, the Chinese word or a usual variant; {@code null} if unknown. */
    public static Status parse(String text) {
        switch (text) { // the usual spellings first: a register has millions of rows
            case "POOR":
                return POOR;
            case "EXITED":
                return EXITED;
            case "NON_POOR":
                return NON_POOR;
            default:
                Status s = Names.parse(Status.class, text);
                return s == UNREGISTERED ? null : s;
        }
    }
}
