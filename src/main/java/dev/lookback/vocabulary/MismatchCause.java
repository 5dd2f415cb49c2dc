package dev.lookback.vocabulary;

/**
 * Why a sampled village's spot check and register do not describe the same households (the match gate): the likely
 * cause a message names, from the counts and, where the files can be read again, from the ids themselves.
 */
public enum MismatchCause implements Term {
    /** The household ids would match after a normalisation (leading zeros, spaces, full-width digits, case, E+ notation). */
    IDS_WRITTEN_DIFFERENTLY,
    /** Ids written in scientific notation (4.30121E+11) have lost their last digits: nothing can match them. */
    IDS_LOST_DIGITS,
    /** The register writes the village's code differently (e.g. without its leading zero). */
    VILLAGE_CODE_DIFFERS,
    /** The register has no record of the village. */
    NO_REGISTER_RECORDS,
    /** Few of the village's spot-checked households are in the register. */
    NOT_IN_REGISTER,
    /** Few (or none) of the village's register households were visited by the spot check. */
    NOT_VISITED;

    /** As in data_quality.csv and the manifest: the constant's name. */
    @Override
    public String label() {
        return name();
    }
}
