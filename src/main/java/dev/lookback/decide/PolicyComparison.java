package dev.lookback.decide;

import dev.lookback.survey.Formats;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The city-level picture a leading group reads before it acts: for every policy, how many counties the
 * review would accuse if every county sat exactly on its line, and if every county sat half-way to the good
 * side (half the line for a rate bad when high) — the sums of the decisions' simulated trigger chances — and
 * which of this review's decisions the policy triggers. Only sampled decisions carry a sampling risk: a
 * census (funds) is left out of the expected accusations, and decisions without a simulation (the assistance
 * link) are counted apart.
 *
 * @param rows       one per policy, in {@link DecisionPolicy} order
 * @param decisions  sampled decisions with data
 * @param simulated  of those, decisions whose chances were simulated
 */
public record PolicyComparison(List<Row> rows, int decisions, int simulated) {

    /**
     * One policy.
     *
     * @param policy     the policy
     * @param atLine     expected accusations if every county sat exactly on its line
     * @param atHalf     expected accusations if every county sat half-way to the good side
     * @param triggered  this review's decisions the policy triggers ("county measure")
     * @param leaderAtLine the chance that a leader is reached if each of the rule's measures of the county sat on its
     *                   line (a leader is reached when any of them triggers): 1 − Π(1 − c_k) over the county × rule's
     *                   simulated decisions, averaged over the county × rule pairs; {@code NaN} when none was simulated
     * @param reviewAtLine the chance that the review reaches any leader if every county sat on its lines:
     *                   1 − Π over the county × rule pairs of (1 − their chance); the measures taken as independent
     */
    public record Row(DecisionPolicy policy, double atLine, double atHalf, List<String> triggered, double leaderAtLine,
            double reviewAtLine) {
        public Row {
            triggered = List.copyOf(triggered);
        }
    }

    public PolicyComparison {
        rows = List.copyOf(rows);
    }

    /** The comparison over a review's measurements (with their simulations). */
    public static PolicyComparison of(List<Measurement> measurements, Map<Line, Double> lines) {
        DecisionPolicy[] policies = DecisionPolicy.values();
        Decisions.Core any = Decisions.core(measurements, lines);
        List<Measurement> decided = any.decided();
        int n = decided.size();
        double[][] atLine = new double[n][];
        double[][] atHalf = new double[n][];
        List<DecisionPolicy> all = List.of(DecisionPolicy.values()); // indexed by ordinal, from the same replicates
        java.util.stream.IntStream.range(0, n).parallel().forEach(k -> {
            Measurement m = decided.get(k);
            double t = any.line()[k];
            boolean high = m.indicator().badWhenHigh();
            if (Double.isNaN(any.p()[k]) || m.census()) {
                return;
            }
            if (m.simulation() != null) {
                atLine[k] = m.simulation().triggerChances(t, t, high, any.family()[k], all);
                atHalf[k] = m.simulation().triggerChances(high ? t / 2 : (1 + t) / 2, t, high, any.family()[k], all);
            }
        });
        List<Row> rows = new ArrayList<>();
        for (DecisionPolicy p : policies) {
            Outcome[] outcomes = Decisions.outcomes(any, p);
            List<String> triggered = new ArrayList<>();
            double line = 0;
            double half = 0;
            Map<String, Double> spared = new java.util.LinkedHashMap<>(); // county × rule: chance that no measure triggers
            for (int k = 0; k < n; k++) {
                Measurement m = decided.get(k);
                if (outcomes[k] == Outcome.TRIGGERED) {
                    triggered.add(m.county() + " " + m.indicator().label());
                }
                if (atLine[k] != null) {
                    line += atLine[k][p.ordinal()];
                    half += atHalf[k][p.ordinal()];
                    spared.merge(m.county() + "\t" + m.indicator().rule().get().label(), 1 - atLine[k][p.ordinal()],
                            (a, b) -> a * b);
                }
            }
            double leader = spared.values().stream().mapToDouble(v -> 1 - v).average().orElse(Double.NaN);
            double none = spared.values().stream().reduce(1.0, (a, b) -> a * b);
            rows.add(new Row(p, line, half, triggered, leader, spared.isEmpty() ? Double.NaN : 1 - none));
        }
        int withData = 0;
        int simulated = 0;
        for (int k = 0; k < n; k++) {
            if (!Double.isNaN(any.p()[k]) && !decided.get(k).census()) {
                withData++;
                if (atLine[k] != null) {
                    simulated++;
                }
            }
        }
        return new PolicyComparison(rows, withData, simulated);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Policies over " + decisions + " decisions (" + simulated + " simulated):\n");
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "  %-14s on the line %5.1f, half-way %5.1f, now %d; a leader on the line reached %s, any in the review %s%n",
                    r.policy().label(), r.atLine(), r.atHalf(), r.triggered().size(), Formats.percent(r.leaderAtLine()),
                    Formats.percent(r.reviewAtLine())));
        }
        return sb.toString();
    }
}
