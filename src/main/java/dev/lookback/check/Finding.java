package dev.lookback.check;

import dev.lookback.vocabulary.FindingType;

/**
 * A data-quality finding: something in the input that the review noticed, worked around or left
 * out. Findings never stop the review; each says where it is and what was done.
 *
 * @param file      the input file
 * @param line      the line (header = 1), or 0 for the file as a whole
 * @param column    the column concerned, or {@code ""}
 * @param household the household id, or {@code ""}
 * @param county    the county, or {@code ""}
 * @param village   the village, or {@code ""}
 * @param type      what kind of finding
 * @param leftOut   whether the record was left out of the estimates
 * @param message   what was found and what was done, in English
 */
public record Finding(String file, long line, String column, String household, String county, String village,
        FindingType type, boolean leftOut, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + (column.isEmpty() ? "" : ", column " + column) + ": "
                + message;
    }
}
