package dev.lookback.vocabulary;

/**
 * The files a review reads, by role: the option that names each ({@code --self-check}), the name it has in a
 * folder of inputs ({@code self_check.csv}, or {@code .xlsx}), and its Chinese and English names. The manifest
 * lists the inputs by these roles; {@code Review.ofFolder} finds them by these names.
 */
public enum InputFile implements Term {
    FRAME("frame", "villages"),
    SAMPLE("sample", "sample"),
    SELF_CHECK("self-check", "self_check"),
    SPOT_CHECK("spot-check", "spot_check"),
    TALLIES("tallies", "tallies"),
    DISCREPANCIES("discrepancies", "discrepancies"),
    DATA_QUALITY("data-quality", "data_quality"),
    LEADERS("leaders", "leaders"),
    CADRES("cadres", "cadres"),
    SATISFACTION("satisfaction", "satisfaction"),
    FUNDS("funds", "fund_checks"),
    REPORTS("reports", "reports"),
    RECHECK("recheck", "recheck"),
    /** The draw's certificate (JSON, not a table): beside the sample as {@code sample.certificate.json}. */
    CERTIFICATE("certificate", "sample.certificate");

    private final String code;
    private final String base;

    InputFile(String code, String base) {
        this.code = code;
        this.base = base;
    }

    /** The role as the manifest and the command line name it, e.g. {@code self-check}. */
    @Override
    public String label() {
        return code;
    }

    /** The command-line option that names the file, e.g. {@code --self-check}. */
    public String option() {
        return "--" + code;
    }

    /** The file's name in a folder of inputs, e.g. {@code self_check.csv} ({@code sample.certificate.json}). */
    public String fileName() {
        return this == CERTIFICATE ? base + ".json" : base + ".csv";
    }

    /** The same file as a workbook, e.g. {@code self_check.xlsx} (none for the certificate). */
    public String workbookName() {
        return this == CERTIFICATE ? null : base + ".xlsx";
    }
}
