package dev.lookback.frame;

/**
 * A village in the sample.
 *
 * @param county               county code
 * @param village              village code
 * @param inclusionProbability π, or {@code NaN} for n_h/N_h (a simple random sample of villages)
 */
public record SampledVillage(String county, String village, double inclusionProbability) {
    public SampledVillage {
        if (!Double.isNaN(inclusionProbability) && !(inclusionProbability > 0 && inclusionProbability <= 1)) {
            throw new IllegalArgumentException("village " + village + ": inclusion probability must be in (0, 1], got "
                    + inclusionProbability);
        }
    }
}
