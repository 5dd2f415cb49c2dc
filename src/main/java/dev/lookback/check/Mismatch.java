package dev.lookback.check;

import dev.lookback.vocabulary.IdDifference;
import dev.lookback.vocabulary.MismatchCause;
import java.util.Objects;
import java.util.Set;

/**
 * A sampled village that fails the {@link MatchGate}: its counts, the likely cause, and, where the files could be
 * read again for it, one example of how its ids or its code are written in each file.
 *
 * @param match   the village's counts
 * @param cause   the likely cause
 * @param example an example pair from the two files, or {@code null} when there is none to show
 */
public record Mismatch(VillageMatch match, MismatchCause cause, Example example) {

    public Mismatch {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(cause, "cause");
    }

    /** The county. */
    public String county() {
        return match.county();
    }

    /** The village. */
    public String village() {
        return match.village();
    }

    /**
     * What was found and its likely cause, in one English sentence for data_quality.csv and the command line: the
     * counts, the cause, and the example pair, e.g. {@code sampled village C02-V003: 0 of 41 spot-checked households
     * are in the register, 0 of 43 register households were visited; household ids written differently (leading
     * zeros dropped): 41 would match after normalisation, e.g. spot_check.csv line 5 "043000000012" and
     * self_check.csv line 112 "43000000012"}.
     */
    public String explanation() {
        VillageMatch m = match;
        StringBuilder sb = new StringBuilder("sampled village ").append(m.village()).append(": ")
                .append(m.spotInRegister()).append(" of ").append(m.spotHouseholds())
                .append(" spot-checked households are in the register, ").append(m.registerInSpot()).append(" of ")
                .append(m.registerHouseholds()).append(" register households were visited; ").append(cause.english());
        if (example != null) {
            if (!example.differences().isEmpty()) {
                sb.append(" (").append(String.join(", ", example.differences().stream().sorted()
                        .map(IdDifference::english).toList())).append(")");
            }
            if (example.matching() > 0) {
                sb.append(": ").append(example.matching()).append(example.column().equals("village")
                        ? " rows write the code that way" : " would match after normalisation");
            }
            sb.append(", e.g. ").append(where(example.expectedFile(), example.expectedLine())).append(" \"")
                    .append(example.expectedValue()).append("\"");
            if (!example.foundValue().isEmpty()) {
                sb.append(" and ").append(where(example.foundFile(), example.foundLine())).append(" \"")
                        .append(example.foundValue()).append("\"");
            }
        }
        return sb.toString();
    }

    private static String where(String file, long line) {
        return line > 0 ? file + " line " + line : file;
    }

    /**
     * One value as two files write it: where the review looked it up, and the other file's writing of the same
     * value (a household id as the spot check and the register write it; a village code as the frame and the
     * register, or the spot check, write it).
     *
     * @param column        {@code household} or {@code village}
     * @param expectedFile  the file where the review looked the value up (the spot check for an id, the frame for a
     *                      village code)
     * @param expectedLine  the line there (0 for the frame, whose codes are unique)
     * @param expectedValue the value there
     * @param foundFile     the other file
     * @param foundLine     the line of its writing (0 when it has none to show)
     * @param foundValue    its writing ({@code ""} when none)
     * @param differences   how the two are written differently
     * @param matching      of the village's unmatched households (or of the rows, for a village code), how many
     *                      would match after normalisation
     */
    public record Example(String column, String expectedFile, long expectedLine, String expectedValue,
            String foundFile, long foundLine, String foundValue, Set<IdDifference> differences, long matching) {
        public Example {
            differences = Set.copyOf(differences);
        }

        /** The same example with its count of values that would match. */
        public Example withMatching(long n) {
            return new Example(column, expectedFile, expectedLine, expectedValue, foundFile, foundLine, foundValue,
                    differences, n);
        }
    }
}
