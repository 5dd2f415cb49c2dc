package dev.lookback.decide;

import dev.lookback.vocabulary.Role;
import java.util.List;

/**
 * What a decision rests on, as data (the sentences are written by {@code report}): the counts behind the
 * estimate, whether it is a census, whom the rule reaches, and how many more villages would settle a
 * fragile decision.
 *
 * @param count         the numerator: errors, failing cadres or satisfied answers, misused yuan, overdue projects
 * @param of            the denominator: units of the domain, cadres, answers, audited yuan, projects
 * @param villages      the villages the estimate rests on (0 for a census of projects)
 * @param census        true when every unit was checked (no sampling error: the interval is the value)
 * @param reached       the rule's roles, each with the names leaders.csv lists (none: the list lacks the role)
 * @param extraVillages for a fragile decision, the villages to add that would probably settle it (−1: none or
 *                      unknown)
 * @param withheld      whether the data were set aside as unusable (the county's spot check and register do not
 *                      match): no data, and more villages would not help; the data must be corrected
 */
public record Evidence(double count, double of, int villages, boolean census, List<Reached> reached,
        int extraVillages, boolean withheld) {

    /** Evidence from data that were not withheld. */
    public Evidence(double count, double of, int villages, boolean census, List<Reached> reached, int extraVillages) {
        this(count, of, villages, census, reached, extraVillages, false);
    }

    /** A role the rule reaches, with the leaders listed for it (empty when leaders.csv lists none). */
    public record Reached(Role role, List<String> names) {
        public Reached {
            names = List.copyOf(names);
        }

        /** Whether leaders.csv lists someone in this role. */
        public boolean listed() {
            return !names.isEmpty();
        }

        /** The names joined by "/", or "?" when none is listed. */
        public String joined() {
            return names.isEmpty() ? "?" : String.join("/", names);
        }
    }

    public Evidence {
        reached = List.copyOf(reached);
    }

    /** The roles leaders.csv lists no one for. */
    public List<Role> missing() {
        return reached.stream().filter(r -> !r.listed()).map(Reached::role).toList();
    }
}
