package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.TeamAssignment.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** Team assignments: no team checks its own county, constraints hold, and all derangements are equally likely. */
class TeamAssignmentTest {
    static final List<Team> TEAMS = List.of(new Team("T1", "C1"), new Team("T2", "C2"), new Team("T3", "C3"),
            new Team("T4", "C4"));
    static final List<String> COUNTIES = List.of("C1", "C2", "C3", "C4");

    @Test
    void uniformOverTheNineDerangementsOfFour() {
        int seeds = 4500;
        Map<String, Integer> counts = new HashMap<>();
        for (int s = 0; s < seeds; s++) {
            TeamAssignment a = TeamAssignment.assign(TEAMS, COUNTIES, "seed " + s, false, Set.of());
            for (Team t : TEAMS) {
                assertNotEquals(t.homeCounty(), a.county(t.team()));
            }
            counts.merge(a.countyByTeam().toString(), 1, Integer::sum);
        }
        assertEquals(9, counts.size(), counts.toString());
        double expected = seeds / 9.0;
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(8).survivalProbability(chi2);
        assertTrue(p > 0.001, "chi-square " + chi2 + " p " + p + " " + counts);
    }

    @Test
    void constraintsHoldAndTheDrawIsReproducible() {
        for (int s = 0; s < 200; s++) {
            TeamAssignment a = TeamAssignment.assign(TEAMS, COUNTIES, "s" + s, true, Set.of(List.of("C1", "C2")));
            assertNotEquals("C2", a.county("T1"));
            for (Team t : TEAMS) {
                String checked = a.county(t.team());
                String back = TEAMS.stream().filter(x -> x.homeCounty().equals(checked)).findFirst().map(x -> a.county(x.team()))
                        .orElse("");
                assertNotEquals(t.homeCounty(), back, "mutual check in " + a);
            }
        }
        assertEquals(TeamAssignment.assign(TEAMS, COUNTIES, "x", false, Set.of()).countyByTeam(),
                TeamAssignment.assign(TEAMS, COUNTIES, "x", false, Set.of()).countyByTeam());
        // the shuffle is defined by tickets: pinned to src/test/python/draw_reference.py
        assertEquals(List.of("C2", "C1", "C4", "C3"), TeamAssignment.shuffle(COUNTIES, "x", 0));
        TeamAssignment x = TeamAssignment.assign(TEAMS, COUNTIES, "x", false, Set.of());
        assertEquals(Map.of("T1", "C2", "T2", "C1", "T3", "C4", "T4", "C3"), x.countyByTeam());
        assertEquals(1, x.attempts());
    }

    @Test
    void impossibleRequestsAreRefused() {
        assertEquals("2 teams but only 1 counties to check", assertThrows(IllegalArgumentException.class,
                () -> TeamAssignment.assign(TEAMS.subList(0, 2), List.of("C1"), "s", false, Set.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TeamAssignment.assign(List.of(new Team("T1", "C1")),
                List.of("C1"), "s", false, Set.of())).getMessage().startsWith("no valid assignment"));
    }
}
