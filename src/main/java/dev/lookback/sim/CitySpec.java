package dev.lookback.sim;

/**
 * The parameters of a synthetic city. Rates are per household of the status concerned, before each
 * county's multiplier and each village's random propensity (mean 1, log-normal with the given
 * spread), which makes errors cluster in villages as they do in practice.
 *
 * @param counties             number of counties
 * @param villagesPerCounty    villages in each county
 * @param minHouseholds        fewest households in a village
 * @param maxHouseholds        most households in a village
 * @param poorShare            share of registered households that are POOR
 * @param exitedShare          share that are EXITED
 * @param missedRate           chance that a NON_POOR household actually qualifies (漏评)
 * @param wrongInclusionRate   chance that a POOR household does not qualify (错评)
 * @param wrongExitRate        chance that an EXITED household still qualifies (错退)
 * @param unregisteredRate     unregistered households per registered household
 * @param villageSpread        σ of the log-normal village propensity (0: no clustering)
 * @param seed                 the random seed
 */
public record CitySpec(int counties, int villagesPerCounty, int minHouseholds, int maxHouseholds, double poorShare,
        double exitedShare, double missedRate, double wrongInclusionRate, double wrongExitRate,
        double unregisteredRate, double villageSpread, long seed) {

    public CitySpec {
        if (!(counties >= 1 && counties <= 999 && villagesPerCounty >= 1 && villagesPerCounty <= 99_999)) {
            throw new IllegalArgumentException("counties must be 1..999 and villages per county 1..99999");
        }
        if (!(minHouseholds >= 1 && maxHouseholds >= minHouseholds)) {
            throw new IllegalArgumentException("households per village must satisfy 1 ≤ min ≤ max");
        }
        if (!(poorShare >= 0 && exitedShare >= 0 && poorShare + exitedShare <= 1)) {
            throw new IllegalArgumentException("status shares must be ≥ 0 and sum to at most 1");
        }
    }

    /** The demo city: 8 counties of 40 villages, 20–80 households each, rates around the 2% line. */
    public static CitySpec demo(long seed) {
        return new CitySpec(8, 40, 20, 80, 0.08, 0.12, 0.004, 0.03, 0.02, 0.002, 0.8, seed);
    }

    /** A city of a given size, with the demo's rates. */
    public static CitySpec ofSize(int counties, int villagesPerCounty, int householdsPerVillage, long seed) {
        int spread = Math.max(1, householdsPerVillage / 5);
        return new CitySpec(counties, villagesPerCounty, Math.max(1, householdsPerVillage - spread),
                householdsPerVillage + spread, 0.08, 0.12, 0.004, 0.03, 0.02, 0.002, 0.8, seed);
    }

    /** The same city with another seed. */
    public CitySpec withSeed(long newSeed) {
        return new CitySpec(counties, villagesPerCounty, minHouseholds, maxHouseholds, poorShare, exitedShare,
                missedRate, wrongInclusionRate, wrongExitRate, unregisteredRate, villageSpread, newSeed);
    }
}
