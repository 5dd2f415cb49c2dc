package dev.lookback.funds;

import static dev.lookback.io.Columns.AMOUNT;
import static dev.lookback.io.Columns.AUDITED_MISUSED;
import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.PROJECT;

import dev.lookback.draw.Tickets;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A monetary-unit sample of fund projects, verifiable from a published seed: projects in code order
 * (string order), their book values laid end to end, and n selection points r, r + J, …, r + (n − 1)J
 * with J = X/n and r = u·J, u the uniform of the ticket of {@code "funds/start"}; a project is drawn
 * once for each point that falls in its span, so a project of at least J yuan is drawn with certainty.
 * π = min(1, n·x/X).
 */
public final class FundSample {

    /** A drawn project: how many selection points fell in it, and where its span lies. */
    public record Drawn(Project project, int hits, double inclusionProbability, double from, double to) {
    }

    private final String seed;
    private final int points;
    private final double interval;
    private final double start;
    private final double total;
    private final List<Drawn> drawn;

    private FundSample(String seed, int points, double interval, double start, double total, List<Drawn> drawn) {
        this.seed = seed;
        this.points = points;
        this.interval = interval;
        this.start = start;
        this.total = total;
        this.drawn = List.copyOf(drawn);
    }

    /**
     * Reads the projects of {@code fund_checks.csv} ({@code project}, {@code county}, {@code amount},
     * {@code audited_misused} optional); a bad record stops the reading, since the draw rests on every
     * amount.
     */
    public static List<Project> read(TabularSource source) {
        List<Project> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        source.read(List.of(PROJECT, COUNTY, AMOUNT, AUDITED_MISUSED), row -> {
            String code = row.requireText(PROJECT);
            if (!seen.add(code)) {
                throw row.error(PROJECT, code, "appears twice; project codes must be unique");
            }
            double amount = row.number(AMOUNT, 0, Double.MAX_VALUE);
            if (Double.isNaN(amount)) {
                throw row.error(AMOUNT, "", "a book value is required");
            }
            double misused = row.number(AUDITED_MISUSED, 0, Double.MAX_VALUE);
            if (misused > amount) {
                throw row.error(AUDITED_MISUSED, row.text(AUDITED_MISUSED), "is more than the project's amount " + amount);
            }
            list.add(new Project(code, row.requireText(COUNTY), amount, misused, row.line()));
        });
        if (list.isEmpty()) {
            throw new InputException(source.name(), 0, null, "no project");
        }
        return list;
    }

    /** Draws n monetary units. */
    public static FundSample draw(List<Project> projects, String seed, int n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException("the sample needs at least one monetary unit, got " + n);
        }
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("the seed must not be empty: publish it before the draw");
        }
        List<Project> ordered = new ArrayList<>(projects);
        ordered.sort(Comparator.comparing(Project::project));
        double total = 0;
        for (Project p : ordered) {
            total += p.amount();
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the projects have no money to sample");
        }
        double interval = total / n;
        double start = Tickets.uniform(Tickets.ticket(seed, "funds/start")) * interval;
        List<Drawn> drawn = new ArrayList<>();
        double from = 0;
        int k = 0;
        for (Project p : ordered) {
            double to = from + p.amount();
            int hits = 0;
            while (k < n && start + k * interval < to) {
                if (start + k * interval >= from) {
                    hits++;
                }
                k++;
            }
            if (hits > 0) {
                drawn.add(new Drawn(p, hits, Math.min(1, n * p.amount() / total), from, to));
            }
            from = to;
        }
        return new FundSample(seed, n, interval, start, total, drawn);
    }

    /** The drawn projects, in code order. */
    public List<Drawn> drawn() {
        return drawn;
    }

    /** n, the selection points. */
    public int points() {
        return points;
    }

    /** J = X/n, yuan. */
    public double interval() {
        return interval;
    }

    /** X, the book value of the population, yuan. */
    public double total() {
        return total;
    }

    /**
     * The evaluation: taints (audited misused / amount, once per selection point) of the drawn
     * projects, the most likely misstatement and the Stringer upper limit, in yuan.
     *
     * @throws IllegalArgumentException when a drawn project has no audited amount yet
     */
    public Evaluation evaluate(double confidence, Stringer.Bound bound) {
        List<Double> taints = new ArrayList<>();
        for (Drawn d : drawn) {
            if (Double.isNaN(d.project().auditedMisused())) {
                throw new IllegalArgumentException("project " + d.project().project() + " (line " + d.project().line()
                        + ") is in the sample but has no audited_misused amount yet");
            }
            double taint = d.project().amount() > 0 ? d.project().auditedMisused() / d.project().amount() : 0;
            for (int h = 0; h < d.hits() && taint > 0; h++) {
                taints.add(taint);
            }
        }
        double[] t = taints.stream().mapToDouble(Double::doubleValue).toArray();
        return new Evaluation(points, t.length, Stringer.mostLikelyMisstatement(points, t) * total,
                Stringer.upperMisstatementLimit(points, t, confidence, bound) * total, total, confidence, bound);
    }

    /**
     * A monetary-unit sample's evaluation.
     *
     * @param points          n
     * @param misstatements   selection points in misstated projects
     * @param mostLikely      most likely misstatement, yuan
     * @param upperLimit      upper misstatement limit, yuan
     * @param total           book value, yuan
     * @param confidence      one-sided confidence
     * @param bound           binomial or Poisson limits
     */
    public record Evaluation(int points, int misstatements, double mostLikely, double upperLimit, double total,
            double confidence, Stringer.Bound bound) {

        /** Whether the upper limit stays below materiality (a share of the book value). */
        public boolean acceptable(double materiality) {
            return upperLimit < materiality * total;
        }
    }

    /** Writes the sample: project, county, amount, hits, inclusion_probability, from, to. */
    public void write(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("project", "county", "amount", "hits", "inclusion_probability", "cumulative_from", "cumulative_to");
            for (Drawn d : drawn) {
                w.row(d.project().project(), d.project().county(), d.project().amount(), d.hits(), d.inclusionProbability(),
                        d.from(), d.to());
            }
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Monetary-unit sample (seed \"%s\"): %d points of %.2f yuan, interval"
                + " %.2f, start %.2f; %d projects drawn", seed, points, total, interval, start, drawn.size());
    }
}
