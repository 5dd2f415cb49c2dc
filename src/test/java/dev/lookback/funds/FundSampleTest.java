package dev.lookback.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.Tickets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monetary-unit sampling: systematic points from the seed, certainty for large projects, evaluation. */
class FundSampleTest {

    static List<Project> projects() {
        List<Project> list = new ArrayList<>();
        double[] amounts = {120_000, 5_000, 80_000, 1_000_000, 30_000, 45_000, 15_000, 200_000, 60_000, 9_000};
        for (int i = 0; i < amounts.length; i++) {
            list.add(new Project(String.format("P%02d", i), i < 5 ? "C1" : "C2", amounts[i], i == 2 ? 8_000 : 0, i + 2));
        }
        return list;
    }

    @Test
    void pointsAreSystematicFromTheSeedAndLargeProjectsAreCertain() {
        FundSample s = FundSample.draw(projects(), "2026-05-12", 10);
        double total = 1_564_000;
        assertEquals(total / 10, s.interval(), 1e-9);
        int hits = s.drawn().stream().mapToInt(FundSample.Drawn::hits).sum();
        assertEquals(10, hits);
        // P03 (1,000,000 ≥ J = 156,400) holds 6 or 7 points, whatever the start
        FundSample.Drawn big = s.drawn().stream().filter(d -> d.project().project().equals("P03")).findFirst().orElseThrow();
        assertTrue(big.hits() >= 6 && big.hits() <= 7, big.toString());
        assertEquals(1.0, big.inclusionProbability());
        // the start is u(ticket of "funds/start") · J: every point is r + kJ
        double r = Tickets.uniform(Tickets.ticket("2026-05-12", "funds/start")) * s.interval();
        for (FundSample.Drawn d : s.drawn()) {
            int inside = 0;
            for (int k = 0; k < 10; k++) {
                double point = r + k * s.interval();
                if (point >= d.from() && point < d.to()) {
                    inside++;
                }
            }
            assertEquals(inside, d.hits(), d.toString());
        }
    }

    @Test
    void evaluationUsesTheTaintsOfTheDrawnProjects() {
        List<Project> all = projects();
        FundSample s = FundSample.draw(all, "2026-05-12", 10);
        FundSample.Evaluation e = s.evaluate(0.95, Stringer.Bound.POISSON);
        boolean p02 = s.drawn().stream().anyMatch(d -> d.project().project().equals("P02"));
        assertEquals(p02 ? 1 : 0, e.misstatements());
        double[] taints = p02 ? new double[] {0.1} : new double[0];
        assertEquals(Stringer.upperMisstatementLimit(10, taints, 0.95, Stringer.Bound.POISSON) * 1_564_000, e.upperLimit(),
                1e-6);
    }
}
