package dev.lookback.report;

import dev.lookback.ReviewResult;
import dev.lookback.draw.Tickets;
import dev.lookback.io.Json;
import dev.lookback.vocabulary.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run, one folder: a review never leaves another run's files beside its own, and records what it wrote.
 *
 * <p>{@link #prepare} clears what an earlier Lookback run wrote (the files its {@value #MANIFEST} lists) and
 * refuses a folder that holds files by the names Lookback writes that no manifest accounts for (another
 * program's, or an older Lookback's), unless forced; files of other names are never touched. {@link #record}
 * then writes {@value #MANIFEST}: Lookback's version, the settings, every input with its SHA-256 and size,
 * and every file the run wrote with its SHA-256 and size — the record an official attaches to a decision.
 */
public final class OutputFolder {
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    /** The files Lookback writes at the top of an output folder. */
    static final List<String> FILES = List.of("estimates.csv", "estimate_notes.csv", "assistance.csv", "discrepancies.csv",
            "data_quality.csv", "tallies.csv", "decisions.csv", "fund_referrals.csv", "reports_summary.csv", "leads.csv",
            "lead_referrals.csv", "agreement.csv", "recheck_disagreements.csv", "review.xlsx", "report.html", MANIFEST);

    /** The folders Lookback writes whole. */
    static final List<String> FOLDERS = List.of("rectification", "charts");

    private OutputFolder() {
    }

    /**
     * Makes {@code dir} ready for a run: created if absent; the previous run's files (as its manifest lists
     * them) removed; refused (an {@link IllegalArgumentException} saying what to do) when it is a file, or
     * holds outputs no manifest accounts for and {@code force} is false (with {@code force} they are removed).
     *
     * @param dir     the output folder
     * @param force   replace outputs that no manifest accounts for
     * @param folders further folders the run writes whole (the demo's {@code input})
     * @return the files removed, relative to {@code dir}
     */
    public static List<String> prepare(Path dir, boolean force, String... folders) throws IOException {
        return prepare(dir, force, List.of(), folders);
    }

    /**
     * As {@link #prepare(Path, boolean, String...)}, never removing the files of {@code keep} (the run's own
     * inputs, when they lie in the folder an earlier run wrote).
     */
    public static List<String> prepare(Path dir, boolean force, java.util.Collection<Path> keep, String... folders)
            throws IOException {
        java.util.Set<Path> kept = new java.util.HashSet<>();
        for (Path k : keep) {
            kept.add(k.toAbsolutePath().normalize());
        }
        List<String> left = check(dir, force, folders);
        Files.createDirectories(dir);
        List<String> removed = new ArrayList<>();
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            for (String file : listed(manifest)) {
                Path p = dir.resolve(file).normalize();
                if (p.startsWith(dir.normalize()) && !kept.contains(p.toAbsolutePath()) && Files.deleteIfExists(p)) {
                    removed.add(file);
                }
            }
            Files.delete(manifest);
        }
        for (String file : left) { // only with force
            Path p = dir.resolve(file).normalize();
            if (!kept.contains(p.toAbsolutePath()) && Files.deleteIfExists(p)) {
                removed.add(file);
            }
        }
        removeEmptyFolders(dir, folders);
        return removed;
    }

    /**
     * Whether {@code dir} can take a run, without changing anything: refused when it is a file, or when it holds
     * files by the names Lookback writes that no manifest accounts for and {@code force} is false.
     *
     * @return the files that {@code force} would replace (empty when none)
     */
    public static List<String> check(Path dir, boolean force, String... folders) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a folder: give a folder (it is made if"
                    + " absent) / --out 应为文件夹");
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> left = new ArrayList<>(owned(dir, folders));
        left.remove(MANIFEST);
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            left.removeAll(listed(manifest));
        }
        if (!left.isEmpty() && !force) {
            throw new IllegalArgumentException("--out " + dir + " already holds " + left.size() + " "
                    + (left.size() == 1 ? "file" : "files") + " by the names Lookback writes that no " + MANIFEST
                    + " accounts for (" + String.join(", ", left.subList(0, Math.min(5, left.size())))
                    + (left.size() > 5 ? ", …" : "") + "): give an empty or new folder, or --force to replace them"
                    + " / 输出文件夹中已有其他运行的结果，请换用新文件夹，或加 --force 覆盖");
        }
        return left;
    }

    /** The files under {@code dir} by the names Lookback writes, relative and sorted. */
    static List<String> owned(Path dir, String... folders) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            if (Files.isRegularFile(dir.resolve(f))) {
                out.add(f);
            }
        }
        for (Path d : folders(dir, folders)) {
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(Files::isRegularFile).map(p -> relative(dir, p)).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The folders Lookback writes whole ({@link #FOLDERS} and the run's own) that exist under {@code dir}. */
    private static List<Path> folders(Path dir, String... extra) {
        List<Path> out = new ArrayList<>();
        for (String folder : java.util.stream.Stream.concat(FOLDERS.stream(), java.util.Arrays.stream(extra)).toList()) {
            if (Files.isDirectory(dir.resolve(folder))) {
                out.add(dir.resolve(folder));
            }
        }
        return out;
    }

    private static void removeEmptyFolders(Path dir, String... folders) throws IOException {
        for (Path d : folders(dir, folders)) {
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    try (Stream<Path> inside = Files.list(p)) {
                        if (inside.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    } catch (java.nio.file.NotDirectoryException file) {
                        // a file stays
                    }
                }
            }
        }
    }

    /**
     * The inputs a finished run in {@code dir} read, by role ({@code frame}, {@code sample}, {@code certificate},
     * …), each checked unchanged since: its SHA-256 now must be the one the manifest recorded.
     *
     * @throws IllegalArgumentException when there is no manifest, a role asked for is absent, or a file changed
     *                                  (or is gone) since the run
     */
    public static Map<String, Path> unchangedInputs(Path dir, String... roles) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(dir + " has no " + MANIFEST + ": give the --out folder of a finished"
                    + " lookback review / 请给出已完成复核的输出文件夹");
        }
        Map<String, Path> out = new LinkedHashMap<>();
        Object m = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
        if (m instanceof Map<?, ?> map && map.get("inputs") instanceof List<?> inputs) {
            for (Object o : inputs) {
                if (o instanceof Map<?, ?> e && e.get("role") instanceof String role && e.get("file") instanceof String file
                        && e.get("sha256") instanceof String sha) {
                    Path p = Path.of(file);
                    String now = Files.isRegularFile(p) ? Tickets.fileSha256(p) : "(gone)";
                    if (!now.equals(sha)) {
                        throw new IllegalArgumentException("the " + role + " " + file + " changed since the review ("
                                + "SHA-256 " + sha + " then, " + now + " now): rerun the review on it first; nothing"
                                + " written / 复核后输入文件已改动，请先重新复核");
                    }
                    out.put(role, p);
                }
            }
        }
        for (String role : roles) {
            if (!out.containsKey(role)) {
                throw new IllegalArgumentException(manifest + " names no " + role + " among the review's inputs"
                        + (role.equals("certificate") ? " (the review ran without the draw's certificate beside its"
                                + " sample)" : ""));
            }
        }
        return out;
    }

    private static List<String> listed(Path manifest) throws IOException {
        List<String> files = new ArrayList<>();
        try {
            Object m = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
            if (m instanceof Map<?, ?> map && map.get("outputs") instanceof List<?> outputs) {
                for (Object o : outputs) {
                    if (o instanceof Map<?, ?> entry && entry.get("file") instanceof String f) {
                        files.add(f);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(manifest + " is not a manifest Lookback can read (" + e.getMessage()
                    + "): remove it, or give a new --out folder");
        }
        return files;
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Writes {@value #MANIFEST} into {@code dir}: {@code lookback} (version), {@code settings} (with the rounds the
     * review decided with and what it found of the draw: {@code draw} VERIFIED, NO_CERTIFICATE or NOT_CHECKED),
     * {@code inputs} (every input the review read, by role, each with {@code file}, {@code sha256}, {@code bytes} and
     * the {@code encoding} it was read in, then {@code extra} inputs of the run such as a config file) and
     * {@code outputs} (every file by the names Lookback writes now in {@code dir}, with {@code file}, {@code sha256},
     * {@code bytes}), in a stable order: the same review gives the same manifest.
     *
     * @param extra   further inputs of the run by role (e.g. {@code config}): their paths
     * @param folders further folders the run wrote whole (as for {@link #prepare})
     */
    public static void record(Path dir, ReviewResult result, Map<String, Path> extra, String version,
            String... folders) throws IOException {
        var s = result.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("unit", s.unit().label());
        settings.put("level", s.level());
        settings.put("ci_methods", s.methods().stream().map(x -> x.label()).toList());
        settings.put("variance", s.variance().label());
        settings.put("policy", s.policy().label());
        settings.put("lonely_village", s.lonelyPsu().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("rho_prior", s.rho());
        for (Line line : Line.values()) {
            settings.put(line.label(), s.line(line));
        }
        settings.put("as_of", result.asOf() == null ? "" : result.asOf().toString());
        settings.put("rounds", (long) s.rounds());
        int round = result.crossCheck().sample().lastRound();
        settings.put("decision_level", s.decisionLevel(round));
        settings.put("decision_levels", java.util.stream.IntStream.rangeClosed(1, Math.max(1, s.rounds()))
                .mapToObj(k -> (Object) s.decisionLevel(k)).toList());
        settings.put("draw", result.draw().status().label());
        settings.put("match_ids", s.gate().normalisedIds() ? "normalised" : "exact");
        settings.put("min_registered", s.gate().minRegistered());
        settings.put("min_visited", s.gate().minVisited());
        List<Map<String, Object>> in = new ArrayList<>();
        for (ReviewResult.Input i : result.inputs()) {
            if (i.file() != null) {
                // the SHA-256 taken while the review read the file (the register is not read a second time), else now
                Map<String, Object> e = i.digest().isPresent() ? entry(i.role().label(), i.file().toString(),
                        i.digest().get().sha256(), i.digest().get().bytes()) : input(i.role().label(), i.file());
                e.put("encoding", i.encoding());
                in.add(e);
            }
        }
        for (Map.Entry<String, Path> e : extra.entrySet()) {
            in.add(input(e.getKey(), e.getValue()));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("usable", result.usable());
        if (!result.usable()) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("counties", new ArrayList<Object>(result.countiesWithoutData()));
            why.put("villages", result.mismatches().stream().map(m -> (Object) m.village()).toList());
            why.put("reason", Summary.unusable(result));
            status.put("not_usable", why);
        }
        write(dir, version, settings, status, in, folders);
    }

    /**
     * Why the review whose folder this is was not usable ({@code usable: false} in its manifest), or empty when it
     * was usable or its manifest does not say.
     */
    public static java.util.Optional<String> notUsable(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return java.util.Optional.empty();
        }
        Object m = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
        if (m instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("usable"))) {
            Object why = map.get("not_usable") instanceof Map<?, ?> w ? w.get("reason") : null;
            return java.util.Optional.of(why instanceof String r ? r : "the review says it is not usable");
        }
        return java.util.Optional.empty();
    }

    /**
     * Writes {@value #MANIFEST} for any run: {@code lookback} (version), {@code settings}, {@code inputs} as given
     * (see {@link #input}) and {@code outputs} (every file by the names Lookback writes now in {@code dir}, with
     * {@code file}, {@code sha256}, {@code bytes}).
     */
    public static void record(Path dir, String version, Map<String, Object> settings, List<Map<String, Object>> inputs,
            String... folders) throws IOException {
        write(dir, version, settings, Map.of(), inputs, folders);
    }

    /** The manifest, with {@code status} (e.g. {@code usable}) after the settings. */
    private static void write(Path dir, String version, Map<String, Object> settings, Map<String, Object> status,
            List<Map<String, Object>> inputs, String... folders) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lookback", version);
        m.put("settings", settings);
        m.putAll(status);
        m.put("inputs", inputs);
        List<String> files = new ArrayList<>(owned(dir, folders));
        files.remove(MANIFEST);
        // hashed on every core, listed in the folder's order (a default city review's 4.4 MB took 60-100 ms on one)
        Object[] out = new Object[files.size()];
        java.util.stream.IntStream.range(0, out.length).parallel()
                .forEach(i -> out[i] = entry(null, files.get(i), dir.resolve(files.get(i))));
        m.put("outputs", java.util.Arrays.asList(out));
        Files.writeString(dir.resolve(MANIFEST), Json.write(m), StandardCharsets.UTF_8);
    }

    /** An input of a manifest: its role, the file as given, its SHA-256 and size. */
    public static Map<String, Object> input(String role, Path file) {
        return entry(role, file.toString(), file);
    }

    private static Map<String, Object> entry(String role, String name, Path file) {
        try {
            return entry(role, name, Tickets.fileSha256(file), Files.size(file));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static Map<String, Object> entry(String role, String name, String sha256, long bytes) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (role != null) {
            e.put("role", role);
        }
        e.put("file", name);
        e.put("sha256", sha256);
        e.put("bytes", bytes);
        return e;
    }
}
