package dev.lookback.draw;

import dev.lookback.io.CsvWriter;
import dev.lookback.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A draw: its seed, method, allocation and villages (by county, certainty villages first, then in
 * ticket or ξ order).
 *
 * @param seed       the published seed
 * @param method     SRS or πps
 * @param allocation villages per county
 * @param villages   the drawn villages
 */
public record DrawResult(String seed, DrawMethod method, Allocation allocation, List<DrawnVillage> villages) {

    public DrawResult {
        villages = List.copyOf(villages);
    }

    /** The villages of one county. */
    public List<DrawnVillage> villages(String county) {
        return villages.stream().filter(v -> v.county().equals(county)).toList();
    }

    /** Writes sample.csv: {@code county, village, households, inclusion_probability, ticket}. */
    public void writeSample(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.create(file)) {
            w.row("county", "village", "households", "inclusion_probability", "ticket");
            for (DrawnVillage v : villages) {
                w.row(v.county(), v.village(), v.households(), v.inclusionProbability(), v.ticket());
            }
        }
    }

    /**
     * Writes the draw certificate (JSON): library version, seed, method, allocation, the frame file and
     * its SHA-256, villages per county, and each drawn village's ticket and π.
     */
    public void writeCertificate(Path file, String frameName, String frameSha256, String libraryVersion)
            throws IOException {
        Map<String, Integer> perCounty = new TreeMap<>();
        for (DrawnVillage v : villages) {
            perCounty.merge(v.county(), 1, Integer::sum);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\n");
            w.write("  \"library\": " + Json.string("lookback " + libraryVersion) + ",\n");
            w.write("  \"seed\": " + Json.string(seed) + ",\n");
            w.write("  \"method\": " + Json.string(method.label()) + ",\n");
            w.write("  \"allocation\": " + Json.string(allocation.description()) + ",\n");
            if (allocation.maxPerTownship() > 0) {
                w.write("  \"max_per_township\": " + allocation.maxPerTownship() + ",\n");
            }
            w.write("  \"frame\": " + Json.string(frameName) + ",\n");
            w.write("  \"frame_sha256\": " + Json.string(frameSha256) + ",\n");
            w.write("  \"ticket\": " + Json.string("lower-case hex SHA-256 of UTF-8 seed + \"/\" + village") + ",\n");
            w.write("  \"villages_per_county\": {");
            int i = 0;
            for (Map.Entry<String, Integer> e : perCounty.entrySet()) {
                w.write((i++ == 0 ? "" : ", ") + Json.string(e.getKey()) + ": " + e.getValue());
            }
            w.write("},\n  \"villages\": [\n");
            for (int k = 0; k < villages.size(); k++) {
                DrawnVillage v = villages.get(k);
                w.write("    {\"county\": " + Json.string(v.county()) + ", \"village\": " + Json.string(v.village()) + ", \"ticket\": "
                        + Json.string(v.ticket()) + ", \"inclusion_probability\": " + v.inclusionProbability()
                        + (v.certainty() ? ", \"certainty\": true" : "") + "}" + (k + 1 < villages.size() ? "," : "")
                        + "\n");
            }
            w.write("  ]\n}\n");
        }
    }


    /** The drawn villages as a Tablesaw table (the columns of sample.csv, and certainty). */
    public tech.tablesaw.api.Table table() {
        tech.tablesaw.api.StringColumn county = tech.tablesaw.api.StringColumn.create("county");
        tech.tablesaw.api.StringColumn village = tech.tablesaw.api.StringColumn.create("village");
        tech.tablesaw.api.IntColumn households = tech.tablesaw.api.IntColumn.create("households");
        tech.tablesaw.api.DoubleColumn pi = tech.tablesaw.api.DoubleColumn.create("inclusion_probability");
        tech.tablesaw.api.StringColumn ticket = tech.tablesaw.api.StringColumn.create("ticket");
        tech.tablesaw.api.BooleanColumn certainty = tech.tablesaw.api.BooleanColumn.create("certainty");
        for (DrawnVillage v : villages) {
            county.append(v.county());
            village.append(v.village());
            households.append(v.households());
            pi.append(v.inclusionProbability());
            ticket.append(v.ticket());
            certainty.append(v.certainty());
        }
        return tech.tablesaw.api.Table.create("draw", county, village, households, pi, ticket, certainty);
    }

    @Override
    public String toString() {
        return "Draw (" + method.label() + ", seed \"" + seed + "\", " + allocation.description() + "): "
                + villages.size() + " villages";
    }
}
