package dev.lookback.frame;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.HOUSEHOLDS;
import static dev.lookback.io.Columns.TOWNSHIP;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.io.Column;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampling frame: every village of the city, by county. Immutable.
 */
public final class Frame {
    private static final List<Column> COLUMNS = List.of(COUNTY, TOWNSHIP, VILLAGE, HOUSEHOLDS);

    private final List<Village> villages;
    private final Map<String, Village> byCode;
    private final Map<String, List<Village>> byCounty;

    private Frame(List<Village> villages) {
        this(villages, null);
    }

    /** A frame of villages, with their index by code when the caller has built it already. */
    private Frame(List<Village> villages, Map<String, Village> index) {
        this.villages = java.util.Collections.unmodifiableList(new ArrayList<>(villages));
        Map<String, Village> codes = index;
        if (codes == null) {
            codes = new HashMap<>(this.villages.size() * 4 / 3 + 16);
            for (Village v : this.villages) {
                if (codes.putIfAbsent(v.village(), v) != null) {
                    throw new IllegalArgumentException("village " + v.village() + " appears twice in the frame");
                }
            }
        }
        Map<String, List<Village>> counties = new HashMap<>();
        List<Village> current = null;
        String currentCounty = null;
        for (Village v : this.villages) {
            if (!v.county().equals(currentCounty)) { // frames usually list a county's villages together
                currentCounty = v.county();
                current = counties.computeIfAbsent(currentCounty, k -> new ArrayList<>());
            }
            current.add(v);
        }
        Map<String, List<Village>> frozen = new LinkedHashMap<>();
        new TreeMap<>(counties).forEach((k, v) -> frozen.put(k, java.util.Collections.unmodifiableList(v)));
        this.byCode = Collections.unmodifiableMap(codes);
        this.byCounty = Collections.unmodifiableMap(frozen);
    }

    /** A frame of the given villages; village codes must be unique. */
    public static Frame of(List<Village> villages) {
        return new Frame(villages);
    }

    /**
     * Reads {@code villages.csv}: {@code county} (县), {@code township} (乡镇, optional), {@code village}
     * (村), {@code households} (户数). Any bad record stops the reading, since every estimate rests on
     * the frame.
     */
    public static Frame read(TabularSource source) {
        List<Village> villages = new ArrayList<>();
        Map<String, Village> index = new HashMap<>();
        long[][] lines = {new long[1024]};
        source.read(COLUMNS, row -> {
            String village = row.requireText(VILLAGE);
            Village v = new Village(row.requireText(COUNTY), row.text(TOWNSHIP), village, row.integer(HOUSEHOLDS, 0));
            Village previous = index.putIfAbsent(village, v);
            if (previous != null) {
                throw row.error(VILLAGE, village, "appears again (first on line " + lines[0][villages.indexOf(previous)]
                        + "); village codes must be unique in the frame");
            }
            if (villages.size() == lines[0].length) {
                lines[0] = java.util.Arrays.copyOf(lines[0], lines[0].length * 2);
            }
            lines[0][villages.size()] = row.line();
            villages.add(v);
        });
        if (villages.isEmpty()) {
            throw new InputException(source.name(), 0, null, "the frame has no village");
        }
        return new Frame(villages, index);
    }

    /** Every village, in file order. */
    public List<Village> villages() {
        return villages;
    }

    /** The county codes, sorted. */
    public List<String> counties() {
        return List.copyOf(byCounty.keySet());
    }

    /** The villages of a county (empty if none). */
    public List<Village> villages(String county) {
        return byCounty.getOrDefault(county, List.of());
    }

    /** The village with this code, or {@code null}. */
    public Village village(String code) {
        return byCode.get(code);
    }

    /** N_h: villages of a county in the frame. */
    public int villageCount(String county) {
        return villages(county).size();
    }

    /** Total households of the frame. */
    public long households() {
        long sum = 0;
        for (Village v : villages) {
            sum += v.households();
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Frame: " + villages.size() + " villages in " + byCounty.size() + " counties, " + households()
                + " households";
    }
}
