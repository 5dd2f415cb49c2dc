package dev.lookback.check;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import dev.lookback.vocabulary.MismatchCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The match gate: the two files of a review must describe the same households. The register lists every rural
 * household and the spot check visits every household of a sampled village, so in a sampled village nearly every
 * spot-checked household is in the register and nearly every register household was visited. A village where either
 * share falls below its minimum, or where the register has no record although its households were checked, is
 * mismatched: its households enter no estimate, list or decision, and its county has no data ({@code NO_DATA}).
 * (Without the gate, ids that Excel stripped of their leading zeros make every spot-checked household
 * "unregistered" and every qualifying one 漏评: a city's leaders all reached by a spreadsheet quirk.)
 *
 * <p>A village with no household in either file is mismatched when the frame gives it households: it was sampled
 * but neither file has it. A village whose unmatched households remain below the minimums passes; those households
 * are the review's findings ({@code UNREGISTERED}, not covered) as before.
 *
 * @param minRegistered the least share of a village's spot-checked households that must be in the register, in
 *                      [0, 1] (default {@value #DEFAULT_SHARE}; 0 turns this check off)
 * @param minVisited    the least share of a village's register households that the spot check must have visited, in
 *                      [0, 1] (default {@value #DEFAULT_SHARE}; 0 turns this check off)
 * @param normalisedIds whether household ids are matched after {@link Ids#normalise}: an explicit option, recorded in
 *                      the manifest, never a silent repair
 */
public record MatchGate(double minRegistered, double minVisited, boolean normalisedIds) {

    /** The default minimum shares: fewer than half matched is no longer a few households' error. */
    public static final double DEFAULT_SHARE = 0.5;

    public MatchGate {
        for (double share : new double[] {minRegistered, minVisited}) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a match gate's minimum share must be in [0, 1], got " + share);
            }
        }
    }

    /** Half of each, exact ids. */
    public static MatchGate defaults() {
        return new MatchGate(DEFAULT_SHARE, DEFAULT_SHARE, false);
    }

    /** The same gate with ids matched exactly or after normalisation. */
    public MatchGate withNormalisedIds(boolean normalised) {
        return new MatchGate(minRegistered, minVisited, normalised);
    }

    /** The same gate with other minimum shares. */
    public MatchGate withShares(double registered, double visited) {
        return new MatchGate(registered, visited, normalisedIds);
    }

    /**
     * Why a village fails the gate, from its counts alone (the cross-check may name a likelier cause from the ids);
     * empty when it passes.
     *
     * @param frameHouseholds the village's households by the frame
     */
    public Optional<MismatchCause> assess(VillageMatch m, long frameHouseholds) {
        if (m.spotHouseholds() == 0 && m.registerHouseholds() == 0) {
            return frameHouseholds > 0 && minVisited > 0 ? Optional.of(MismatchCause.NOT_VISITED) : Optional.empty();
        }
        if (m.spotHouseholds() > 0 && m.registerHouseholds() == 0 && minRegistered > 0) {
            return Optional.of(MismatchCause.NO_REGISTER_RECORDS);
        }
        if (m.spotHouseholds() > 0 && m.registeredShare() < minRegistered) {
            return Optional.of(MismatchCause.NOT_IN_REGISTER);
        }
        if (m.registerHouseholds() > 0 && m.visitedShare() < minVisited) {
            return Optional.of(MismatchCause.NOT_VISITED);
        }
        return Optional.empty();
    }

    /** The villages that fail the gate, in the order given, each with its cause from the counts. */
    public List<Mismatch> mismatches(List<VillageMatch> matches, Frame frame) {
        List<Mismatch> out = new ArrayList<>();
        for (VillageMatch m : matches) {
            Village v = frame.village(m.village());
            assess(m, v == null ? 0 : v.households()).ifPresent(c -> out.add(new Mismatch(m, c, null)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "match gate: at least " + minRegistered + " of a village's spot-checked households in the register and "
                + minVisited + " of its register households visited; ids " + (normalisedIds ? "normalised" : "exact");
    }
}
