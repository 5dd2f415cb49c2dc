package dev.lookback.draw;

/**
 * A village of a draw.
 *
 * @param county               county code
 * @param village              village code
 * @param households           households (the size of a πps draw)
 * @param inclusionProbability π
 * @param ticket               its SHA-256 ticket under the draw's seed
 * @param certainty            whether a πps draw took it with certainty (λ ≥ 1)
 */
public record DrawnVillage(String county, String village, int households, double inclusionProbability, String ticket,
        boolean certainty) {
}
