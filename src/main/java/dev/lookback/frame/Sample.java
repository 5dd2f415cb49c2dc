package dev.lookback.frame;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.INCLUSION_PROBABILITY;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.io.Column;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The villages drawn for the city's spot check, each a sampled village of the {@link Frame}.
 * Immutable.
 */
public final class Sample {
    private static final List<Column> COLUMNS = List.of(COUNTY, VILLAGE, INCLUSION_PROBABILITY,
            dev.lookback.io.Columns.ROUND, dev.lookback.io.Columns.TICKET);

    private final List<SampledVillage> villages;
    private final Map<String, SampledVillage> byCode;
    private final Map<String, Integer> rounds;
    private final Map<String, String> tickets;

    private Sample(List<SampledVillage> villages) {
        this(villages, Map.of(), Map.of());
    }

    private Sample(List<SampledVillage> villages, Map<String, Integer> rounds, Map<String, String> tickets) {
        this.rounds = Map.copyOf(rounds);
        this.tickets = Map.copyOf(tickets);
        this.villages = List.copyOf(villages);
        Map<String, SampledVillage> codes = new LinkedHashMap<>();
        for (SampledVillage v : this.villages) {
            if (codes.putIfAbsent(v.village(), v) != null) {
                throw new IllegalArgumentException("village " + v.village() + " is in the sample twice");
            }
        }
        this.byCode = java.util.Collections.unmodifiableMap(codes);
    }

    /** A sample of the given villages. */
    public static Sample of(List<SampledVillage> villages) {
        return new Sample(villages);
    }

    /** A sample whose villages were drawn over rounds ({@code rounds}: village → round; absent: round 1). */
    public static Sample of(List<SampledVillage> villages, Map<String, Integer> rounds) {
        return new Sample(villages, rounds, Map.of());
    }

    /** The tickets sample.csv gives (village → ticket; empty when it has no ticket column), for verifying the draw. */
    public Map<String, String> tickets() {
        return tickets;
    }

    /** The round a village was drawn in (1 for a one-round sample). */
    public int round(String village) {
        return rounds.getOrDefault(village, 1);
    }

    /** The last round of a county: the round of its latest village (1 for a one-round sample). */
    public int lastRound(String county) {
        return villages.stream().filter(v -> v.county().equals(county)).mapToInt(v -> round(v.village())).max().orElse(1);
    }

    /** The villages drawn in the last round, counted by county (counties sorted; empty for a one-round sample). */
    public Map<String, Integer> lastRoundAdditions() {
        Map<String, Integer> out = new TreeMap<>();
        int last = lastRound();
        if (last > 1) {
            villages.stream().filter(v -> round(v.village()) == last).forEach(v -> out.merge(v.county(), 1, Integer::sum));
        }
        return out;
    }

    /** The last round of the sample. */
    public int lastRound() {
        return rounds.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /**
     * Reads {@code sample.csv} ({@code county}, {@code village}, optional {@code inclusion_probability})
     * and checks it against the frame: every village must be in the frame, in the same county, once.
     * Any bad record stops the reading, since the weights rest on it.
     */
    public static Sample read(TabularSource source, Frame frame) {
        List<SampledVillage> list = new ArrayList<>();
        Map<String, Integer> rounds = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        Map<String, String> tickets = new HashMap<>();
        source.read(COLUMNS, row -> {
            String code = row.requireText(VILLAGE);
            String county = row.requireText(COUNTY);
            Village v = frame.village(code);
            if (v == null) {
                throw row.error(VILLAGE, code, "is not a village of the frame");
            }
            if (!v.county().equals(county)) {
                throw row.error(COUNTY, county, "does not match the frame, where village " + code + " is in county "
                        + v.county());
            }
            Long previous = lines.putIfAbsent(code, row.line());
            if (previous != null) {
                throw row.error(VILLAGE, code, "is in the sample twice (first on line " + previous + ")");
            }
            double pi = row.number(INCLUSION_PROBABILITY, Double.MIN_VALUE, 1);
            if (row.text(dev.lookback.io.Columns.ROUND) != null) {
                rounds.put(code, row.integer(dev.lookback.io.Columns.ROUND, 1));
            }
            String ticket = row.text(dev.lookback.io.Columns.TICKET);
            if (ticket != null) {
                tickets.put(code, ticket);
            }
            list.add(new SampledVillage(county, code, pi));
        });
        if (list.isEmpty()) {
            throw new InputException(source.name(), 0, null, "the sample has no village");
        }
        return new Sample(list, rounds, tickets);
    }

    /** Every sampled village, in file order. */
    public List<SampledVillage> villages() {
        return villages;
    }

    /** Whether a village is in the sample. */
    public boolean contains(String village) {
        return byCode.containsKey(village);
    }

    /** The sampled village with this code, or {@code null}. */
    public SampledVillage village(String code) {
        return byCode.get(code);
    }

    /** Sampled villages by county, counties sorted. */
    public Map<String, List<SampledVillage>> byCounty() {
        Map<String, List<SampledVillage>> map = new TreeMap<>();
        for (SampledVillage v : villages) {
            map.computeIfAbsent(v.county(), k -> new ArrayList<>()).add(v);
        }
        return map;
    }

    @Override
    public String toString() {
        return "Sample: " + villages.size() + " villages in " + byCounty().size() + " counties";
    }

    /**
     * The design of this sample: counties as strata with their frame sizes, the sampled villages as clusters
     * with their inclusion probabilities (n_h/N_h where not given), in sample order.
     */
    public dev.lookback.survey.ClusterDesign design(Frame frame) {
        dev.lookback.survey.ClusterDesign.Builder b = dev.lookback.survey.ClusterDesign.builder();
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (SampledVillage v : villages) {
            if (declared.add(v.county())) {
                b.stratum(v.county(), frame.villageCount(v.county()));
            }
        }
        for (SampledVillage v : villages) {
            b.cluster(v.county(), v.village(), v.inclusionProbability());
        }
        return b.build();
    }
}
