package dev.lookback.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-check teams (交叉对检): each team checks one county other than its own, uniformly over all
 * valid assignments, from a published seed.
 *
 * <p>Whole-shuffle rejection: attempt a = 0, 1, … shuffles the counties by Fisher–Yates (for i from
 * the last position down to 1, swap i with j = ⌊u·(i + 1)⌋, where u = {@link Tickets#uniform} of the
 * ticket of {@code "teams/" + a + "/" + i}), gives team k the k-th county, and is kept only if no team
 * checks its home county, no forbidden pair occurs and (optionally) no two counties check each other.
 * Rejecting whole shuffles, rather than redrawing a conflicting team, keeps every valid assignment
 * equally likely.
 */
public final class TeamAssignment {
    private static final int MAX_ATTEMPTS = 100_000;

    private final String seed;
    private final int attempts;
    private final Map<String, String> countyByTeam;

    private TeamAssignment(String seed, int attempts, Map<String, String> countyByTeam) {
        this.seed = seed;
        this.attempts = attempts;
        this.countyByTeam = countyByTeam;
    }

    /** A team and the county it belongs to. */
    public record Team(String team, String homeCounty) {
        public Team {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(homeCounty, "homeCounty");
        }
    }

    /**
     * Assigns teams to counties.
     *
     * @param teams     the teams in file order
     * @param counties  the counties to check, in order (at least as many as teams)
     * @param seed      the published seed
     * @param noMutual  whether two counties may not check each other
     * @param forbidden pairs "team's home county → checked county" that may not occur
     */
    public static TeamAssignment assign(List<Team> teams, List<String> counties, String seed, boolean noMutual,
            Set<List<String>> forbidden) {
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("the seed must not be empty: publish it before the assignment");
        }
        if (counties.size() < teams.size()) {
            throw new IllegalArgumentException(teams.size() + " teams but only " + counties.size() + " counties to check");
        }
        Set<String> names = new HashSet<>();
        for (Team t : teams) {
            if (!names.add(t.team())) {
                throw new IllegalArgumentException("team " + t.team() + " is listed twice");
            }
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<String> order = shuffle(counties, seed, attempt);
            Map<String, String> result = new LinkedHashMap<>();
            Map<String, String> checks = new HashMap<>(); // home county → checked county
            boolean valid = true;
            for (int k = 0; k < teams.size() && valid; k++) {
                Team t = teams.get(k);
                String county = order.get(k);
                valid = !county.equals(t.homeCounty()) && !forbidden.contains(List.of(t.homeCounty(), county));
                result.put(t.team(), county);
                checks.put(t.homeCounty(), county);
            }
            if (valid && noMutual) {
                for (Map.Entry<String, String> e : checks.entrySet()) {
                    if (e.getKey().equals(checks.get(e.getValue()))) {
                        valid = false;
                        break;
                    }
                }
            }
            if (valid) {
                return new TeamAssignment(seed, attempt + 1, result);
            }
        }
        throw new IllegalArgumentException("no valid assignment in " + MAX_ATTEMPTS
                + " shuffles: the constraints leave (almost) none");
    }

    static List<String> shuffle(List<String> counties, String seed, int attempt) {
        List<String> order = new ArrayList<>(counties);
        for (int i = order.size() - 1; i >= 1; i--) {
            double u = Tickets.uniform(Tickets.ticket(seed, "teams/" + attempt + "/" + i));
            int j = (int) Math.floor(u * (i + 1));
            String tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        return order;
    }

    /** The county each team checks, in team order. */
    public Map<String, String> countyByTeam() {
        return Map.copyOf(countyByTeam);
    }

    /** The county a team checks. */
    public String county(String team) {
        return countyByTeam.get(team);
    }

    /** How many shuffles were made (the last one kept). */
    public int attempts() {
        return attempts;
    }

    /** The seed. */
    public String seed() {
        return seed;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Cross-check teams (seed \"" + seed + "\", shuffle " + attempts + "):");
        countyByTeam.forEach((team, county) -> sb.append("\n  ").append(team).append(" → ").append(county));
        return sb.toString();
    }
}
