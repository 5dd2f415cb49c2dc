package dev.lookback.check;

import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Status;
/**
 * A spot-checked household whose register status the check contradicts: one line of the county's
 * rectification list (整改清单).
 *
 * @param household  household id
 * @param county     county (of the sampled village where it was checked)
 * @param village    village where it was checked
 * @param kind       the verdict (never {@link Kind#CORRECT})
 * @param status     the register status ({@link Status#UNREGISTERED} if absent)
 * @param qualifies  whether it meets the poverty standard at the check
 * @param persons    persons counted for it
 * @param spotLine   its line in the spot-check file
 * @param registerLine its line in the register, 0 if unregistered
 */
public record Discrepancy(String household, String county, String village, Kind kind, Status status,
        boolean qualifies, int persons, long spotLine, long registerLine) {

    @Override
    public String toString() {
        return String.format("%s %s %s: %s %s, register %s, %s, %d persons", county, village, household,
                kind.chinese(), kind.name(), status, qualifies ? "qualifies" : "does not qualify", persons);
    }
}
