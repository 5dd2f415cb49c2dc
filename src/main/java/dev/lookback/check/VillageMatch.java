package dev.lookback.check;

/**
 * How well a sampled village's spot check and register overlap: the register lists every rural household and the
 * spot check visits every household of a sampled village, so both shares are near 1 when the two files describe the
 * same households. Counted by the cross-check (or the engine that counted the tallies) and read by the
 * {@link MatchGate}.
 *
 * @param county             the county
 * @param village            the sampled village
 * @param spotHouseholds     spot-checked households of the village kept for the review (one record each)
 * @param spotInRegister     of those, the ones with a record in the register (usable or not, in any village)
 * @param registerHouseholds register households of the village (their first record usable)
 * @param registerInSpot     of those, the ones the spot check visited (in any village)
 */
public record VillageMatch(String county, String village, long spotHouseholds, long spotInRegister,
        long registerHouseholds, long registerInSpot) {

    public VillageMatch {
        if (spotInRegister < 0 || spotInRegister > spotHouseholds || registerInSpot < 0
                || registerInSpot > registerHouseholds) {
            throw new IllegalArgumentException("village " + village + ": " + spotInRegister + " of " + spotHouseholds
                    + " spot-checked households in the register, " + registerInSpot + " of " + registerHouseholds
                    + " register households visited: each count must lie between 0 and its total");
        }
    }

    /** The share of the spot-checked households found in the register (NaN with none). */
    public double registeredShare() {
        return spotHouseholds == 0 ? Double.NaN : (double) spotInRegister / spotHouseholds;
    }

    /** The share of the register households the spot check visited (NaN with none). */
    public double visitedShare() {
        return registerHouseholds == 0 ? Double.NaN : (double) registerInSpot / registerHouseholds;
    }

    @Override
    public String toString() {
        return county + " " + village + ": " + spotInRegister + " of " + spotHouseholds
                + " spot-checked households in the register, " + registerInSpot + " of " + registerHouseholds
                + " register households visited";
    }
}
