package dev.lookback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.Allocation;
import dev.lookback.draw.Draw;
import dev.lookback.draw.DrawMethod;
import dev.lookback.draw.DrawResult;
import dev.lookback.draw.Tickets;
import dev.lookback.frame.Sample;
import dev.lookback.io.Json;
import dev.lookback.sim.CitySpec;
import dev.lookback.sim.SyntheticCity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The fuzz campaign: valid inputs of every file and command, mutated as files arrive from offices and as they break —
 * bytes, cells, columns, rows, encodings, ids, quotes, huge fields, formulas — and run through the command line. Every
 * run must keep four promises:
 * <ol>
 *   <li>it exits 0, or 2 for unusable input (1 only when an output cannot be written, which never happens here;
 *       {@code verify-draw} exits 1 when the sample differs, its contract);</li>
 *   <li>it never shows a stack trace;</li>
 *   <li>it writes nothing outside its output folder, and changes no input;</li>
 *   <li>it triggers no decision from unusable inputs: a county whose data a review withheld has no triggered decision.</li>
 * </ol>
 * The test command runs a short campaign ({@code jqwik.tries.default} in {@code junit-platform.properties});
 * {@code benchmarks/fuzz.sh} runs a long one and writes the figures (cases by kind, exit statuses) that the README
 * quotes.
 */
class FuzzTest {
    private static Path base;
    private static Path work;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Map<String, AtomicLong> CASES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> STATUSES = new ConcurrentHashMap<>();

    /** What a case does to a file. */
    enum Mutation {
        BYTE_FLIP, BYTES_INSERTED, TRUNCATED, GBK, UTF16, BOM, NASTY_CELL, BLANK_CELL, HUGE_FIELD, COLUMN_DROPPED,
        COLUMN_DUPLICATED, COLUMN_RENAMED, COLUMNS_SHUFFLED, EXTRA_COLUMN, ROW_DUPLICATED, ROWS_DROPPED, HEADER_ONLY,
        EMPTY, IDS_STRIPPED, IDS_SCIENTIFIC, IDS_FULL_WIDTH, QUOTE_UNCLOSED, FORMULA, NEWLINE_IN_QUOTES, TITLE_ROW
    }

    /** One input file of a command, and what is done to it. */
    record Edit(String file, Mutation mutation) {
    }

    /** A command, the one to three edits of its inputs, and the seed of the edits and the options. */
    record Case(String command, List<Edit> edits, long seed) {
    }

    /** The files each command reads, by the names of the base folder. */
    static final Map<String, List<String>> FILES = new TreeMap<>(Map.of(
            "review", List.of("villages.csv", "sample.csv", "self_check.csv", "spot_check.csv", "leaders.csv",
                    "cadres.csv", "satisfaction.csv", "fund_checks.csv", "reports.csv", "recheck.csv",
                    "sample.certificate.json"),
            "draw", List.of("villages.csv"),
            "verify-draw", List.of("villages.csv", "sample.csv", "sample.certificate.json"),
            "draw-recheck", List.of("villages.csv", "sample.csv"),
            "draw-funds", List.of("fund_checks.csv"),
            "assign-teams", List.of("teams.csv", "villages.csv"),
            "plan", List.of("villages.csv")));

    static final String[] NASTY = {"", " ", "NaN", "-1", "1e309", "999999999999999999999999", "0x1F", "是", "否",
        "maybe", "贫困户", "已脱贫", "一般户", "=1+1", "+1", "-2+3", "@SUM(A1)", "\"", "a,b", "\t", "４", "4.30121E+11",
        "null", "C99", "V99999", "0", "２０２６-05-31", "2026/13/45", "\u0000", "😀", "Müller", "'", "..", "../../x"};

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("review")), net.jqwik.api.Tuple.of(1, Arbitraries.just("draw")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("verify-draw")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("draw-recheck")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("draw-funds")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("assign-teams")), net.jqwik.api.Tuple.of(1, Arbitraries.just("plan")));
        return command.flatMap(c -> Combinators.combine(Combinators.combine(Arbitraries.of(FILES.get(c)),
                Arbitraries.of(Mutation.class)).as(Edit::new).list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs())
                .as((edits, s) -> new Case(c, edits, s)));
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void anyMutatedInputExitsCleanlyAndTriggersNothingUnusable(@ForAll("cases") Case c) throws IOException {
        Path base = base();
        int n = RUNS.incrementAndGet();
        Path run = work.resolve("run-" + n);
        Path in = Files.createDirectories(run.resolve("in"));
        try (Stream<Path> files = Files.list(base)) {
            for (Path f : files.toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        SplittableRandom edits = new SplittableRandom(c.seed());
        for (Edit edit : c.edits()) {
            Path target = in.resolve(edit.file());
            Files.write(target, mutate(Files.readAllBytes(target), edit.mutation(), edits.split()));
        }
        Path out = run.resolve("out");
        SplittableRandom r = new SplittableRandom(c.seed() ^ 0x9E3779B97F4A7C15L);
        List<String> args = arguments(c.command(), in, out, r);
        Map<String, String> before = snapshot(run);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Main.run(args.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        for (Edit edit : c.edits()) {
            CASES.computeIfAbsent(c.command() + " " + edit.mutation(), k -> new AtomicLong()).incrementAndGet();
        }
        STATUSES.computeIfAbsent(c.command() + " exit " + status, k -> new AtomicLong()).incrementAndGet();
        String what = c + " " + args + "\nstdout:\n" + o + "\nstderr:\n" + e;
        boolean differs = c.command().equals("verify-draw") && status == 1;
        assertTrue(status == 0 || status == 2 || differs, "exit " + status + ": " + what);
        for (String text : List.of(o.toString(), e.toString())) {
            assertFalse(text.contains("\tat ") || text.contains("Exception in thread") || text.contains("internal error"),
                    "a stack trace or an internal error: " + what);
        }
        Map<String, String> after = snapshot(run);
        after.keySet().removeIf(k -> k.startsWith("out/") || k.equals("out"));
        assertEquals(before, after, "nothing written outside --out, no input changed: " + what);
        if (c.command().equals("review") && status == 2 && Files.isRegularFile(out.resolve("decisions.csv"))) {
            List<String> withheld = notUsableCounties(out.resolve("manifest.json"));
            for (String d : Files.readAllLines(out.resolve("decisions.csv"), StandardCharsets.UTF_8)) {
                String[] f = d.split(",", -1);
                if (f.length > 8 && f[1].equals("identification_exit") && withheld.contains(f[0])) {
                    assertFalse(f[8].equals("TRIGGERED"), "a decision triggered from unusable inputs: " + d + "\n" + what);
                }
            }
        }
        delete(run);
    }

    /** The command line of a case. */
    static List<String> arguments(String command, Path in, Path out, SplittableRandom r) {
        String s = in.toString() + "/";
        return switch (command) {
            case "review" -> {
                List<String> a = new ArrayList<>(List.of("review", "--input", in.toString(), "--out", out.toString(),
                        "--charts", "none", "--as-of", "2026-05-31", "--bootstrap-replicates", "40"));
                String[] methods = {"korn-graubard", "korn-graubard-nb", "logit", "wilson", "wald", "bootstrap"};
                a.addAll(List.of("--ci-method", methods[r.nextInt(methods.length)], "--unit",
                        r.nextBoolean() ? "persons" : "households"));
                String[] policies = {"point", "confident", "family-wise", "precautionary"};
                a.addAll(List.of("--policy", policies[r.nextInt(policies.length)]));
                if (r.nextInt(8) == 0) {
                    a.addAll(List.of("--match-ids", "normalised"));
                }
                if (r.nextInt(8) == 0) {
                    a.add("--no-certificate");
                }
                if (r.nextInt(4) == 0) {
                    a.addAll(List.of("--report", "none"));
                }
                yield a;
            }
            case "draw" -> List.of("draw", "--frame", s + "villages.csv", "--seed", "fuzz", "--per-county",
                    Integer.toString(1 + r.nextInt(4)), "--out", out.resolve("sample.csv").toString());
            case "verify-draw" -> List.of("verify-draw", "--frame", s + "villages.csv", "--sample", s + "sample.csv",
                    "--seed", SEED);
            case "draw-recheck" -> List.of("draw-recheck", "--frame", s + "villages.csv", "--sample", s + "sample.csv",
                    "--seed", "fuzz", "--out", out.resolve("recheck_villages.csv").toString());
            case "draw-funds" -> List.of("draw-funds", "--funds", s + "fund_checks.csv", "--seed", "fuzz", "--out",
                    out.resolve("fund_sample.csv").toString());
            case "assign-teams" -> List.of("assign-teams", "--teams", s + "teams.csv", "--frame", s + "villages.csv",
                    "--seed", "fuzz", "--out", out.resolve("assignment.csv").toString());
            default -> List.of("plan", "--goal", "review", "--unit", "households", "--frame", s + "villages.csv", "--out",
                    out.resolve("plan.csv").toString());
        };
    }

    /** The bytes of a file after a mutation. */
    static byte[] mutate(byte[] bytes, Mutation m, SplittableRandom r) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            rows.add(new ArrayList<>(List.of(line.split(",", -1))));
        }
        if (rows.size() > 1 && rows.get(rows.size() - 1).equals(List.of(""))) {
            rows.remove(rows.size() - 1);
        }
        int width = rows.get(0).size();
        int row = rows.size() > 1 ? 1 + r.nextInt(rows.size() - 1) : 0;
        int col = r.nextInt(Math.max(1, width));
        switch (m) {
            case BYTE_FLIP: {
                byte[] b = bytes.clone();
                for (int k = 0; k < 1 + r.nextInt(4) && b.length > 0; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case BYTES_INSERTED: {
                byte[] junk = {0, (byte) 0xFF, (byte) 0xFE, '"', '\r', '\n', ',', (byte) 0xC3, (byte) 0xE4, (byte) 0x80};
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
                o.write(bytes, 0, at);
                for (int k = 0; k < 1 + r.nextInt(6); k++) {
                    o.write(junk[r.nextInt(junk.length)]);
                }
                o.write(bytes, at, bytes.length - at);
                return o.toByteArray();
            }
            case TRUNCATED:
                return java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : r.nextInt(bytes.length));
            case GBK:
                return text.getBytes(Charset.forName("GBK"));
            case UTF16:
                return text.getBytes(StandardCharsets.UTF_16);
            case BOM:
                return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case HEADER_ONLY:
                return (String.join(",", rows.get(0)) + "\n").getBytes(StandardCharsets.UTF_8);
            case EMPTY:
                return new byte[0];
            default:
                break;
        }
        switch (m) {
            case NASTY_CELL -> set(rows, row, col, NASTY[r.nextInt(NASTY.length)]);
            case BLANK_CELL -> set(rows, row, col, "");
            case HUGE_FIELD -> set(rows, row, col, "9".repeat(100_000 + r.nextInt(200_000)));
            case COLUMN_DROPPED -> rows.forEach(x -> {
                if (col < x.size()) {
                    x.remove(col);
                }
            });
            case COLUMN_DUPLICATED -> rows.forEach(x -> {
                if (col < x.size()) {
                    x.add(x.get(col));
                }
            });
            case COLUMN_RENAMED -> {
                String[] names = {"户编号", "县", "村", "人数", "状态", "是否符合贫困标准", "x", "", "household", "village"};
                set(rows, 0, col, names[r.nextInt(names.length)]);
            }
            case COLUMNS_SHUFFLED -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, new java.util.Random(r.nextLong()));
                for (int i = 0; i < rows.size(); i++) {
                    List<String> x = rows.get(i);
                    List<String> y = new ArrayList<>();
                    for (int k : order) {
                        y.add(k < x.size() ? x.get(k) : "");
                    }
                    rows.set(i, y);
                }
            }
            case EXTRA_COLUMN -> {
                rows.get(0).add("备注");
                for (int i = 1; i < rows.size(); i++) {
                    rows.get(i).add(NASTY[r.nextInt(NASTY.length)]);
                }
            }
            case ROW_DUPLICATED -> rows.add(row, new ArrayList<>(rows.get(row)));
            case ROWS_DROPPED -> {
                int k = 1 + r.nextInt(Math.max(1, rows.size() / 2));
                for (int i = 0; i < k && rows.size() > 1; i++) {
                    rows.remove(1 + r.nextInt(rows.size() - 1));
                }
            }
            case IDS_STRIPPED -> {
                boolean all = r.nextBoolean();
                for (int i = 1; i < rows.size(); i++) {
                    if (all || r.nextInt(4) == 0) {
                        set(rows, i, 0, rows.get(i).get(0).replaceFirst("^0+", ""));
                    }
                }
            }
            case IDS_SCIENTIFIC -> {
                for (int i = 1; i < rows.size(); i++) {
                    String id = rows.get(i).get(0);
                    if (id.matches("[0-9]{6,}")) {
                        set(rows, i, 0, id.charAt(0) + "." + id.substring(1, 6) + "E+" + (id.length() - 1));
                    }
                }
            }
            case IDS_FULL_WIDTH -> {
                for (int i = 1; i < rows.size(); i++) {
                    StringBuilder sb = new StringBuilder();
                    rows.get(i).get(0).chars().forEach(ch -> sb.append(ch >= '0' && ch <= '9' ? (char) (ch - '0' + '０') : (char) ch));
                    set(rows, i, 0, sb.toString());
                }
            }
            case QUOTE_UNCLOSED -> set(rows, row, col, "\"" + cell(rows, row, col));
            case FORMULA -> set(rows, row, col, "=HYPERLINK(\"http://x\",\"" + cell(rows, row, col) + "\")");
            case NEWLINE_IN_QUOTES -> set(rows, row, col, "\"" + cell(rows, row, col) + "\nmore\"");
            case TITLE_ROW -> rows.add(0, new ArrayList<>(List.of("2026年回头看抽查")));
            default -> throw new IllegalStateException(m.toString());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> x : rows) {
            sb.append(String.join(",", x)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(List<List<String>> rows, int row, int col) {
        List<String> x = rows.get(row);
        return col < x.size() ? x.get(col) : "";
    }

    private static void set(List<List<String>> rows, int row, int col, String value) {
        List<String> x = rows.get(row);
        while (x.size() <= col) {
            x.add("");
        }
        x.set(col, value);
    }

    /** Every file under {@code dir}, relative, with its SHA-256. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Tickets.fileSha256(p));
            }
        }
        return out;
    }

    /** The counties a review's manifest names as without data (its {@code not_usable.counties}). */
    static List<String> notUsableCounties(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        Object m = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        if (m instanceof Map<?, ?> map && map.get("not_usable") instanceof Map<?, ?> why
                && why.get("counties") instanceof List<?> counties) {
            counties.forEach(c -> out.add(String.valueOf(c)));
        }
        return out;
    }

    static final String SEED = "fuzz-base";

    /** A small city with every input, made once. */
    static synchronized Path base() throws IOException {
        if (base == null) {
            work = Files.createTempDirectory("lookback-fuzz");
            base = Files.createDirectories(work.resolve("base"));
            SyntheticCity c = SyntheticCity.generate(CitySpec.ofSize(3, 8, 20, 5));
            c.writeFrameAndRegister(base);
            DrawResult drawn = Draw.draw(c.frame(), SEED, DrawMethod.SRS, Allocation.perCounty(c.frame(), 3));
            Sample sample = Draw.sample(drawn);
            c.writeSpotCheck(sample, base);
            c.writeLeaders(base);
            c.writeAssistanceAndFunds(sample, base);
            c.writeReports(sample, base, LocalDate.of(2026, 5, 31));
            c.writeRecheck(sample, base, SEED, 1, 0.05);
            drawn.writeCertificate(base.resolve("sample.certificate.json"), "villages.csv",
                    Tickets.fileSha256(base.resolve("villages.csv")), "test");
            Files.writeString(base.resolve("teams.csv"), "队,所属县\n一组,C01\n二组,C02\n三组,C03\n");
        }
        return base;
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The campaign's figures: cases by command and mutation, exit statuses (target/fuzz-figures.txt). */
    @AfterContainer
    static void figures() throws IOException {
        if (work == null) {
            return;
        }
        StringBuilder sb = new StringBuilder("cases " + RUNS.get() + "\n");
        new TreeMap<>(CASES).forEach((k, v) -> sb.append(k).append('\t').append(v.get()).append('\n'));
        new TreeMap<>(STATUSES).forEach((k, v) -> sb.append(k).append('\t').append(v.get()).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-figures.txt"), sb.toString(), StandardCharsets.UTF_8);
        delete(work);
    }
}
