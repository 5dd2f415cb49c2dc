package dev.lookback.frame;

import java.util.Objects;

/**
 * A village of the sampling frame.
 *
 * @param county     county code (text, leading zeros kept)
 * @param township   township code, or {@code ""} when the frame has none
 * @param village    village code, unique in the frame
 * @param households households in the village (the size measure of a πps draw)
 */
public record Village(String county, String township, String village, int households) {
    public Village {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(village, "village");
        township = township == null ? "" : township;
        if (households < 0) {
            throw new IllegalArgumentException("village " + village + ": households must be ≥ 0, got " + households);
        }
    }
}
