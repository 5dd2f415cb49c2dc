package dev.lookback.draw;

import dev.lookback.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A draw's certificate ({@code sample.certificate.json}): what anyone needs to re-derive the sample from
 * the published seed — the seed, the method, the allocation, the cap per township, the frame file and its
 * SHA-256, the villages per county, and each drawn village's ticket and π. Written and read by
 * {@link Json}; {@link Draw#verify} checks a sample against it.
 *
 * @param library           the library and version that drew it, e.g. {@code lookback 0.1.0}
 * @param seed              the published seed
 * @param method            the draw method
 * @param allocation        how the villages were allocated (a description)
 * @param maxPerTownship    at most this many villages per township (0: no cap)
 * @param frame             the frame file's name
 * @param frameSha256       the frame file's SHA-256, as {@code sha256sum} prints it
 * @param villagesPerCounty villages drawn per county
 * @param villages          the drawn villages
 * @param rounds            the rounds declared before the first draw (a follow-up may add villages until then)
 * @param round             this draw's round: 1 for the first, 2 for its first follow-up, …
 * @param previousSha256    the SHA-256 of the previous round's certificate file (empty in round 1)
 */
public record Certificate(String library, String seed, DrawMethod method, String allocation, int maxPerTownship,
        String frame, String frameSha256, SortedMap<String, Integer> villagesPerCounty, List<Village> villages,
        int rounds, int round, String previousSha256) {

    /** The rounds declared when none are given (a first round and one follow-up). */
    public static final int DEFAULT_ROUNDS = 2;

    /** How a ticket is made, stated in every certificate. */
    public static final String TICKET_RULE = "lower-case hex SHA-256 of UTF-8 seed + \"/\" + village";

    /** A certified village, with the round it was drawn in. */
    public record Village(String county, String village, String ticket, double inclusionProbability,
            boolean certainty, int round) {
    }

    public Certificate {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(method, "method");
        villagesPerCounty = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(villagesPerCounty));
        villages = List.copyOf(villages);
        if (rounds < 1 || round < 1 || round > rounds) {
            throw new IllegalArgumentException("round " + round + " of " + rounds + " declared rounds");
        }
        previousSha256 = previousSha256 == null ? "" : previousSha256;
    }

    /** The certificate of a first-round draw from a frame file with the given name and SHA-256. */
    public static Certificate of(DrawResult draw, String frame, String frameSha256, String libraryVersion) {
        return of(draw, frame, frameSha256, libraryVersion, DEFAULT_ROUNDS, 1, "", Map.of());
    }

    /**
     * The certificate of a draw in a given round: {@code rounds} declared, this draw's {@code round}, the
     * previous round's certificate SHA-256, and the round each village was drawn in (absent: this round).
     */
    public static Certificate of(DrawResult draw, String frame, String frameSha256, String libraryVersion, int rounds,
            int round, String previousSha256, Map<String, Integer> roundOf) {
        SortedMap<String, Integer> perCounty = new TreeMap<>();
        List<Village> villages = new ArrayList<>();
        for (DrawnVillage v : draw.villages()) {
            perCounty.merge(v.county(), 1, Integer::sum);
            villages.add(new Village(v.county(), v.village(), v.ticket(), v.inclusionProbability(), v.certainty(),
                    roundOf.getOrDefault(v.village(), round)));
        }
        return new Certificate("lookback " + libraryVersion, draw.seed(), draw.method(),
                draw.allocation().description(), draw.allocation().maxPerTownship(), frame, frameSha256, perCounty,
                villages, rounds, round, previousSha256);
    }

    /** The certificate as JSON text. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", library);
        m.put("seed", seed);
        m.put("method", method.label());
        m.put("allocation", allocation);
        if (maxPerTownship > 0) {
            m.put("max_per_township", (long) maxPerTownship);
        }
        m.put("rounds", (long) rounds);
        m.put("round", (long) round);
        if (!previousSha256.isEmpty()) {
            m.put("previous_certificate_sha256", previousSha256);
        }
        m.put("frame", frame);
        m.put("frame_sha256", frameSha256);
        m.put("ticket", TICKET_RULE);
        Map<String, Object> counts = new LinkedHashMap<>();
        villagesPerCounty.forEach((county, n) -> counts.put(county, (long) n));
        m.put("villages_per_county", counts);
        List<Object> list = new ArrayList<>();
        for (Village v : villages) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("county", v.county());
            o.put("village", v.village());
            o.put("ticket", v.ticket());
            o.put("inclusion_probability", v.inclusionProbability());
            if (v.certainty()) {
                o.put("certainty", true);
            }
            if (v.round() > 1) {
                o.put("round", (long) v.round());
            }
            list.add(o);
        }
        m.put("villages", list);
        return Json.write(m);
    }

    /** Where a sample's certificate lies: beside it, {@code sample.certificate.json} for {@code sample.csv}. */
    public static Path beside(Path sample) {
        String name = String.valueOf(sample.getFileName());
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && (name.endsWith(".csv") || name.endsWith(".xlsx")) ? name.substring(0, dot) : name;
        return sample.resolveSibling(base + ".certificate.json");
    }

    /** Writes the certificate (UTF-8 JSON). */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a certificate file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong (not JSON, a field missing or of
     *                                  the wrong kind)
     */
    public static Certificate read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not a draw certificate: " + e.getMessage(), e);
        }
    }

    /** Parses a certificate's JSON text. */
    public static Certificate parse(String json) {
        Map<?, ?> m = object(Json.parse(json), "the certificate");
        SortedMap<String, Integer> perCounty = new TreeMap<>();
        object(m.get("villages_per_county"), "villages_per_county")
                .forEach((county, n) -> perCounty.put((String) county, whole(n, "villages_per_county." + county)));
        List<Village> villages = new ArrayList<>();
        Object list = m.get("villages");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException("\"villages\" must be a list");
        }
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> v = object(items.get(i), "villages[" + i + "]");
            Object pi = v.get("inclusion_probability");
            if (!(pi instanceof Number p)) {
                throw new IllegalArgumentException("villages[" + i + "].inclusion_probability must be a number");
            }
            villages.add(new Village(text(v, "county"), text(v, "village"), text(v, "ticket"), p.doubleValue(),
                    Boolean.TRUE.equals(v.get("certainty")), v.containsKey("round") ? whole(v.get("round"),
                            "villages[" + i + "].round") : 1));
        }
        DrawMethod method;
        try {
            method = DrawMethod.parse(text(m, "method"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"method\": " + e.getMessage(), e);
        }
        // a certificate from before rounds were declared declared none beyond the first
        int rounds = m.containsKey("rounds") ? whole(m.get("rounds"), "rounds") : 1;
        int round = m.containsKey("round") ? whole(m.get("round"), "round") : 1;
        if (rounds < 1 || round < 1 || round > rounds) {
            throw new IllegalArgumentException("\"round\" " + round + " is not within the " + rounds + " declared rounds");
        }
        return new Certificate(text(m, "library"), text(m, "seed"), method, text(m, "allocation"),
                m.containsKey("max_per_township") ? whole(m.get("max_per_township"), "max_per_township") : 0,
                text(m, "frame"), text(m, "frame_sha256"), perCounty, villages, rounds, round,
                m.get("previous_certificate_sha256") instanceof String prev ? prev : "");
    }

    private static Map<?, ?> object(Object o, String what) {
        if (!(o instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return map;
    }

    private static String text(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof String s)) {
            throw new IllegalArgumentException("\"" + field + "\" must be text" + (m.containsKey(field) ? "" : "; it is missing"));
        }
        return s;
    }

    private static int whole(Object o, String field) {
        if (!(o instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number ≥ 0, not " + o);
        }
        return n.intValue();
    }

    @Override
    public String toString() {
        return "Certificate: round " + round + " of " + rounds + ", seed \"" + seed + "\", " + method.label() + ", "
                + allocation + ", " + villages.size()
                + " villages in " + villagesPerCounty.size() + " counties, frame " + frame + " (SHA-256 "
                + frameSha256 + ")";
    }
}
