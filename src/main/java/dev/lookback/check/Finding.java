package dev.lookback.check;

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
        Type type, boolean leftOut, String message) {

    /** The kinds of finding. */
    public enum Type {
        /** A record that could not be read (bad value, missing value); it is left out. */
        BAD_RECORD("记录无法读取"),
        /** A household id that appears twice in one file; the later record is left out. */
        DUPLICATE("户编号重复"),
        /** A register household of a sampled village that the spot check did not cover. */
        NOT_COVERED("抽查未覆盖"),
        /** A spot-checked household whose county or village differs from the register's. */
        LOCATION_DIFFERS("所在村不一致"),
        /** A spot-checked household in a village that is not in the sample; it is left out. */
        NOT_IN_SAMPLE("村不在样本中"),
        /** The verified persons differ from the register's. */
        PERSONS_DIFFER("人数不一致"),
        /** A sampled village with no spot-checked household. */
        VILLAGE_NOT_CHECKED("样本村未抽查"),
        /** A county of the frame with no sampled village: the city row does not cover it. */
        COUNTY_NOT_SAMPLED("县未抽样"),
        /** Many spot-checked households are not in the register: ids that do not match, or a partial register. */
        MANY_UNREGISTERED("大量抽查户不在台账中"),
        /** Equal inclusion probabilities that look like a rounded n_h/N_h but are not equal to it. */
        PROBABILITY_ROUNDED("入样概率疑似四舍五入");

        private final String chinese;

        Type(String chinese) {
            this.chinese = chinese;
        }

        /** The Chinese name. */
        public String chinese() {
            return chinese;
        }
    }

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + (column.isEmpty() ? "" : ", column " + column) + ": "
                + message;
    }
}
