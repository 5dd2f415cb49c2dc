package dev.lookback.draw;

import dev.lookback.io.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
    static {
        dev.lookback.io.Logging.quietWithoutProvider(); // Tablesaw logs through SLF4J
    }


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
     * Writes the draw certificate (JSON, {@link Certificate}): library version, seed, method, allocation,
     * the frame file and its SHA-256, villages per county, and each drawn village's ticket and π.
     */
    public Certificate writeCertificate(Path file, String frameName, String frameSha256, String libraryVersion)
            throws IOException {
        return writeCertificate(file, frameName, frameSha256, libraryVersion, Certificate.DEFAULT_ROUNDS);
    }

    /** As {@link #writeCertificate(Path, String, String, String)}, declaring {@code rounds} rounds in advance. */
    public Certificate writeCertificate(Path file, String frameName, String frameSha256, String libraryVersion,
            int rounds) throws IOException {
        Certificate c = Certificate.of(this, frameName, frameSha256, libraryVersion, rounds, 1, "", java.util.Map.of());
        c.write(file);
        return c;
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
