package dev.lookback.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.lookback.check.CrossCheck;
import dev.lookback.check.CrossCheck.Checked;
import dev.lookback.check.CrossCheck.RegisterRecord;
import dev.lookback.check.CrossCheck.SpotRecord;
import dev.lookback.check.Discrepancy;
import dev.lookback.check.Finding;
import dev.lookback.check.VillageMatch;
import dev.lookback.check.VillageTally;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.Columns;
import dev.lookback.io.InputException;
import dev.lookback.rates.MeasureTallies;
import dev.lookback.report.ReviewFiles;
import dev.lookback.check.HouseholdLists;
import dev.lookback.io.OutputColumn;
import dev.lookback.io.OutputFile;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The household side of a review on Spark: matches the spot check to the register where they live and computes
 * what Lookback's in-process cross-check ({@link CrossCheck#run}) computes from the same records — the village
 * tallies (tallies.csv, the input of {@code lookback review --tallies}), the discrepancies (the rectification
 * list, discrepancies.csv) and every data-quality finding (data_quality.csv), the ones that need the whole register
 * among them: duplicate household ids, spot-checked households registered in another village or outside the
 * sample, persons that differ, sampled households the spot check missed. The files are the same, byte for byte.
 *
 * <pre>{@code
 * SparkTallies t = SparkTallies.run(spark, frame, sample,
 *         SparkSource.table("warehouse.self_check"), SparkSource.of("spot_check", spotChecks));
 * t.write(Path.of("out"), Unit.PERSONS);        // tallies.csv, discrepancies.csv, data_quality.csv
 * Dataset<Row> list = t.discrepancies();         // or keep working on Spark
 * }</pre>
 *
 * <p>How: every record is read through Lookback's own row and record readers on the executors, so that each
 * message is the in-process one. The register is never collected: its rows of the sampled villages are grouped by
 * household (a shuffle of the sampled part; the first record of a household counts, later ones are duplicates),
 * the spot check is joined to them, and the spot-checked households found in neither are looked up in the rest of
 * the register by a second, filtered scan (as the in-process reader's second pass). The driver holds the frame, the
 * sample, one tally per sampled village and — one partition at a time, while writing them — the sorted findings and
 * discrepancies.
 */
public final class SparkTallies {
    private static final StructType REGISTER = new StructType().add("file", "string").add("line", "long")
            .add("household", "string").add("in_r1", "boolean").add("ok", "boolean").add("county", "string")
            .add("village", "string").add("persons", "int").add("status", "string").add("f_column", "string")
            .add("f_county", "string").add("f_village", "string").add("f_message", "string");
    private static final StructType SPOT = new StructType().add("file", "string").add("line", "long")
            .add("household", "string").add("ok", "boolean").add("county", "string").add("village", "string")
            .add("persons", "int").add("qualifies", "boolean").add("in_sample", "boolean")
            .add("frame_county", "string").add("in_frame", "boolean").add("f_column", "string")
            .add("f_county", "string").add("f_village", "string").add("f_message", "string");
    /** A finding, with the step that found it (phase) and its place among that step's findings of one record. */
    static final StructType FINDING = new StructType().add("file", "string").add("line", "long")
            .add("column", "string").add("household", "string").add("county", "string").add("village", "string")
            .add("type", "string").add("left_out", "boolean").add("message", "string").add("phase", "int")
            .add("sub", "int");
    /** The columns of discrepancies.csv's rows, as Spark columns. */
    static final StructType DISCREPANCY = new StructType().add("household", "string").add("county", "string")
            .add("village", "string").add("kind", "string").add("status", "string").add("qualifies", "boolean")
            .add("persons", "int").add("spot_line", "long").add("register_line", "long");
    /** What one spot-checked household comes to: a tally row (tag 0), a finding (1) or a discrepancy (2). */
    private static final StructType CHECKED = new StructType().add("tag", "int").add("cell", "int")
            .add("count_persons", "int").add("unregistered", "boolean").add("finding", FINDING)
            .add("discrepancy", DISCREPANCY).add("village_key", "string").add("found", "boolean");

    private static final int SPOT_READ = 0;
    private static final int REGISTER_SAMPLED = 1;
    private static final int REGISTER_ELSEWHERE = 2;
    private static final int NOT_COVERED = 3;
    private static final int CHECKED_STEP = 4;

    private final Frame frame;
    private final Sample sample;
    private final String spotName;
    private final List<VillageTally> tallies;
    private final List<VillageMatch> matches;
    private final long spotChecked;
    private final long unregistered;
    private final Dataset<Row> findings;
    private final Dataset<Row> discrepancies;
    private final List<Dataset<Row>> cached;

    private SparkTallies(Frame frame, Sample sample, String spotName, List<VillageTally> tallies,
            List<VillageMatch> matches, long spotChecked, long unregistered, Dataset<Row> findings,
            Dataset<Row> discrepancies, List<Dataset<Row>> cached) {
        this.frame = frame;
        this.sample = sample;
        this.spotName = spotName;
        this.tallies = List.copyOf(tallies);
        this.matches = List.copyOf(matches);
        this.spotChecked = spotChecked;
        this.unregistered = unregistered;
        this.findings = findings;
        this.discrepancies = discrepancies;
        this.cached = cached;
    }

    /**
     * Cross-checks on Spark and counts the tallies (the findings and discrepancies stay Spark datasets until
     * written or collected).
     *
     * @param frame     the sampling frame (read on the driver: {@code Frame.read})
     * @param sample    the sample
     * @param register  the self-check register
     * @param spotCheck the city's spot check
     * @throws InputException when an input as a whole cannot be read, as the in-process review says it
     */
    public static SparkTallies run(SparkSession spark, Frame frame, Sample sample, SparkSource register,
            SparkSource spotCheck) {
        try {
            return compute(spark, frame, sample, register, spotCheck);
        } catch (Exception e) { // Spark's own exceptions are checked ones thrown undeclared
            throw unwrapped(e);
        }
    }

    /** Lookback's input error when a failed task had one (the message the in-process review gives), else {@code e}. */
    static RuntimeException unwrapped(Exception e) {
        InputException input = SparkSource.inputError(e);
        if (input != null) {
            return input;
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    private static SparkTallies compute(SparkSession spark, Frame frame, Sample sample, SparkSource register,
            SparkSource spotCheck) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> sampledCounty = new HashMap<>();
        for (SampledVillage v : sample.villages()) {
            sampledCounty.put(v.village(), v.county());
        }
        Set<String> frameVillages = new HashSet<>();
        for (Village v : frame.villages()) {
            frameVillages.add(v.village());
        }
        Broadcast<Map<String, String>> inSample = jsc.broadcast(sampledCounty);
        Broadcast<Set<String>> inFrame = jsc.broadcast(frameVillages);
        List<Dataset<Row>> cached = new ArrayList<>();

        // The spot check: which record of a household counts (its first in a sampled village), and why others not
        Dataset<Row> spots = spark.createDataFrame(spotCheck.records(spark, CrossCheck.SPOT_COLUMNS, (row, out) -> {
            try {
                SpotRecord s = CrossCheck.spotRecord(row);
                String county = inSample.value().get(s.village());
                out.add(RowFactory.create(row.file(), row.line(), s.household(), true, s.county(), s.village(),
                        s.persons(), s.qualifies(), county != null, county, inFrame.value().contains(s.village()),
                        null, null, null, null));
            } catch (InputException e) {
                if (e.wholeFile()) {
                    throw e;
                }
                Finding f = CrossCheck.unreadable(e, row);
                out.add(RowFactory.create(f.file(), f.line(), row.text(Columns.HOUSEHOLD), false, null, null, null, null,
                        null, null, null, f.column(), f.county(), f.village(), f.message()));
            }
        }), SPOT);
        Dataset<Row> spotsOk = spots.filter(col("ok"));
        Dataset<Row> spotHouseholds = spotsOk.groupBy("household").agg(
                min(when(col("in_sample"), struct(col("file"), col("line"), col("county"), col("village"), col("persons"),
                        col("qualifies"), col("frame_county")))).as("k"), count(lit(1)).as("n"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(spotHouseholds);
        Dataset<Row> kept = spotHouseholds.filter(col("k").isNotNull()).select(col("household"),
                col("k.frame_county").as("county"), col("k.village").as("village"), col("k.persons").as("persons"),
                col("k.qualifies").as("qualifies"), col("k.file").as("file"), col("k.line").as("line"),
                col("k.county").as("written_county"));
        Dataset<Row> others = joinSmall(spotsOk, spotHouseholds.filter(col("n").gt(1).or(col("k").isNull()))
                .select(col("household"), col("k.file").as("k_file"), col("k.line").as("k_line")))
                .filter(col("k_file").isNull().or(col("k_file").notEqual(col("file")))
                        .or(col("k_line").notEqual(col("line"))));
        Dataset<Row> spotFindings = others.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
            SpotRecord s = spotRecord(r, "county");
            String file = r.getString(r.fieldIndex("file"));
            String firstFile = r.isNullAt(r.fieldIndex("k_file")) ? null : r.getString(r.fieldIndex("k_file"));
            boolean later = firstFile != null && (firstFile.compareTo(file) < 0
                    || firstFile.equals(file) && r.getLong(r.fieldIndex("k_line")) < s.line());
            Finding f = later
                    ? CrossCheck.duplicate(file, s.line(), s.household(), s.county(), s.village(),
                            r.getLong(r.fieldIndex("k_line")), false)
                    : CrossCheck.notInSample(file, s, r.getBoolean(r.fieldIndex("in_frame")));
            return findingRow(f, SPOT_READ, 0);
        }, Encoders.row(FINDING))
                .unionByName(spots.filter(col("ok").equalTo(false)).map(
                        (org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> findingRow(badRecord(r), SPOT_READ, 0),
                        Encoders.row(FINDING)))
                .unionByName(kept.filter(col("written_county").notEqual(col("county"))).map(
                        (org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> findingRow(CrossCheck.countyDiffers(
                                r.getString(r.fieldIndex("file")), spotRecord(r, "written_county"),
                                r.getString(r.fieldIndex("county"))), SPOT_READ, 0), Encoders.row(FINDING)));

        // One scan of the register keeps its records of the sampled villages (and those without a village) and, of
        // the others, those whose household may be a spot-checked one (a Bloom filter of the spot check's ids, as
        // the in-process reader keeps hashes): the part of the register the review needs, and nothing else
        Dataset<Row> keptIds = kept.select("household");
        long keptCount = keptIds.count();
        Broadcast<BloomFilter> spotIds = jsc.broadcast(keptIds.stat().bloomFilter("household", Math.max(1000, keptCount),
                0.01));
        Dataset<Row> needed = registerRows(spark, register, inSample, spotIds).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(needed);
        Dataset<Row> sampledRows = needed.filter(col("in_r1"));
        Dataset<Row> first = firstRecords(sampledRows).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(first);
        List<Dataset<Row>> findingParts = new ArrayList<>();
        findingParts.add(spotFindings);
        findingParts.add(registerFindings(sampledRows, first, REGISTER_SAMPLED));

        // Spot-checked households not found there: their records elsewhere in the register, as a second pass would
        Dataset<Row> unmatched = keptIds.join(first.select("household"), seq("household"), "left_anti");
        Dataset<Row> elsewhereRows = needed.filter(col("in_r1").equalTo(false)).join(unmatched, seq("household"),
                "left_semi");
        Dataset<Row> firstElsewhere = firstRecords(elsewhereRows).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(firstElsewhere);
        findingParts.add(registerFindings(elsewhereRows, firstElsewhere, REGISTER_ELSEWHERE));
        Dataset<Row> firstAll = first.unionByName(firstElsewhere);
        Dataset<Row> notCovered = first.filter(col("ok")).join(keptIds, seq("household"), "left_anti")
                .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> findingRow(
                        CrossCheck.notCovered(r.getString(r.fieldIndex("file")), registerRecord(r, "")), NOT_COVERED, 0),
                        Encoders.row(FINDING));
        findingParts.add(notCovered);

        // Each kept household against its register record, by Lookback's own check
        Dataset<Row> bound = kept.join(firstAll.select(col("household"), col("file").as("r_file"), col("line").as("r_line"),
                col("ok").as("r_ok"), col("county").as("r_county"), col("village").as("r_village"),
                col("persons").as("r_persons"), col("status").as("r_status")), seq("household"), "left");
        Dataset<Row> checked = bound.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) r -> {
            SpotRecord s = spotRecord(r, "county");
            RegisterRecord reg = null;
            long unusable = 0;
            String registerFile = r.isNullAt(r.fieldIndex("r_file")) ? "" : r.getString(r.fieldIndex("r_file"));
            if (!r.isNullAt(r.fieldIndex("r_ok"))) {
                if (r.getBoolean(r.fieldIndex("r_ok"))) {
                    reg = registerRecord(r, "r_");
                } else {
                    unusable = r.getLong(r.fieldIndex("r_line"));
                }
            }
            Checked c = CrossCheck.check(s, reg, unusable, registerFile, r.getString(r.fieldIndex("file")));
            List<Row> out = new ArrayList<>(3);
            out.add(RowFactory.create(0, c.counted() ? VillageTally.cell(c.status(), s.qualifies()) : -1,
                    Math.max(0, c.persons()), c.status() == Status.UNREGISTERED, null, null, s.village(),
                    !r.isNullAt(r.fieldIndex("r_ok"))));
            for (int i = 0; i < c.findings().size(); i++) {
                out.add(RowFactory.create(1, -1, 0, false, findingRow(c.findings().get(i), CHECKED_STEP, i), null, null,
                        false));
            }
            if (c.discrepancy() != null) {
                Discrepancy d = c.discrepancy();
                out.add(RowFactory.create(2, -1, 0, false, null, RowFactory.create(d.household(), d.county(), d.village(),
                        d.kind().name(), d.status().name(), d.qualifies(), d.persons(), d.spotLine(), d.registerLine()),
                        null, false));
            }
            return out.iterator();
        }, Encoders.row(CHECKED)).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(checked);
        findingParts.add(checked.filter(col("tag").equalTo(1)).select("finding.*"));

        // The tallies: one row per sampled village and cell, to the driver
        List<Row> cells = checked.filter(col("tag").equalTo(0)).groupBy("village_key", "cell")
                .agg(count(lit(1)).as("households"), sum("count_persons").as("persons"),
                        sum(when(col("unregistered"), 1).otherwise(0)).as("unregistered"),
                        sum(when(col("found"), 1).otherwise(0)).as("found"))
                .collectAsList();
        Map<String, long[][]> byVillage = new LinkedHashMap<>();
        Map<String, long[]> overlap = new HashMap<>(); // village → spot households, in the register, register, visited
        long spotChecked = 0;
        long unregistered = 0;
        for (Row c : cells) {
            spotChecked += c.getLong(2);
            unregistered += c.getLong(4);
            long[] o = overlap.computeIfAbsent(c.getString(0), k -> new long[4]);
            o[0] += c.getLong(2);
            o[1] += c.getLong(5);
            int cell = c.getInt(1);
            if (cell >= 0) {
                long[][] t = byVillage.computeIfAbsent(c.getString(0),
                        k -> new long[2][VillageTally.CELL_COUNT]);
                t[0][cell] += c.getLong(2);
                t[1][cell] += c.getLong(3);
            }
        }
        // The match gate's counts of the register side: each sampled village's households (their first record
        // usable) and how many of them the spot check visited, as the in-process cross-check counts them
        for (Row c : first.filter(col("ok")).join(keptIds.withColumn("visited", lit(true)), seq("household"), "left")
                .groupBy("village").agg(count(lit(1)).as("households"),
                        sum(when(col("visited").isNotNull(), 1).otherwise(0)).as("visited"))
                .collectAsList()) {
            long[] o = overlap.computeIfAbsent(c.getString(0), k -> new long[4]);
            o[2] += c.getLong(1);
            o[3] += c.getLong(2);
        }
        List<VillageTally> tallies = new ArrayList<>();
        List<VillageMatch> matches = new ArrayList<>();
        for (SampledVillage v : sample.villages()) {
            long[][] t = byVillage.getOrDefault(v.village(), new long[2][VillageTally.CELL_COUNT]);
            tallies.add(VillageTally.of(v.county(), v.village(), t[0], t[1]));
            long[] o = overlap.getOrDefault(v.village(), new long[4]);
            matches.add(new VillageMatch(v.county(), v.village(), o[0], o[1], o[2], o[3]));
        }
        Dataset<Row> allFindings = findingParts.get(0);
        for (int i = 1; i < findingParts.size(); i++) {
            allFindings = allFindings.unionByName(findingParts.get(i));
        }
        Dataset<Row> discrepancies = checked.filter(col("tag").equalTo(2)).select("discrepancy.*");
        return new SparkTallies(frame, sample, spotCheck.name(), tallies, matches, spotChecked, unregistered,
                allFindings, discrepancies, cached);
    }

    /**
     * The register's rows the review needs, read by Lookback's record reader on the executors: those of the sampled
     * villages and those without a village ({@code in_r1}), and of the others those whose household {@code spotIds}
     * may hold.
     */
    private static Dataset<Row> registerRows(SparkSession spark, SparkSource register,
            Broadcast<Map<String, String>> inSample, Broadcast<BloomFilter> spotIds) {
        return spark.createDataFrame(register.records(spark, CrossCheck.REGISTER_COLUMNS, (row, out) -> {
            String household = row.text(Columns.HOUSEHOLD);
            String village = row.text(Columns.VILLAGE);
            boolean sampled = village == null || inSample.value().containsKey(village);
            if (!sampled && (household == null || !spotIds.value().mightContainString(household))) {
                return; // a household of another village that the spot check did not visit
            }
            try {
                RegisterRecord r = CrossCheck.registerRecord(row);
                out.add(RowFactory.create(row.file(), row.line(), household, sampled, true, r.county(), r.village(),
                        r.persons(), r.status().name(), null, null, null, null));
            } catch (InputException e) {
                if (e.wholeFile()) {
                    throw e;
                }
                Finding f = CrossCheck.unreadable(e, row);
                out.add(RowFactory.create(f.file(), f.line(), household, sampled, false, null, null, null, null,
                        f.column(), f.county(), f.village(), f.message()));
            }
        }), REGISTER);
    }

    /** The first record (by file and line) of each household, with the household's records counted ({@code n}). */
    private static Dataset<Row> firstRecords(Dataset<Row> rows) {
        return rows.filter(col("household").isNotNull()).groupBy("household")
                .agg(min(struct(col("file"), col("line"), col("ok"), col("county"), col("village"), col("persons"),
                        col("status"))).as("f"), count(lit(1)).as("n"))
                .select(col("household"), col("n"), col("f.file").as("file"), col("f.line").as("line"), col("f.ok").as("ok"),
                        col("f.county").as("county"), col("f.village").as("village"), col("f.persons").as("persons"),
                        col("f.status").as("status"));
    }

    /** Unreadable register records, and later records of a household already seen (first records: {@code first}). */
    private static Dataset<Row> registerFindings(Dataset<Row> rows, Dataset<Row> first, int phase) {
        Dataset<Row> unreadable = rows.filter(col("ok").equalTo(false))
                .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> findingRow(badRecord(r), phase, 0),
                        Encoders.row(FINDING));
        Dataset<Row> again = joinSmall(rows.filter(col("ok")), first.filter(col("n").gt(1))
                .select(col("household"), col("file").as("first_file"), col("line").as("first_line")))
                .filter(col("first_file").notEqual(col("file")).or(col("first_line").notEqual(col("line"))))
                .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> findingRow(CrossCheck.duplicate(
                        r.getString(r.fieldIndex("file")), r.getLong(r.fieldIndex("line")), r.getString(r.fieldIndex("household")),
                        r.getString(r.fieldIndex("county")), r.getString(r.fieldIndex("village")),
                        r.getLong(r.fieldIndex("first_line")), true), phase, 0), Encoders.row(FINDING));
        return unreadable.unionByName(again);
    }

    /** Most households appear once: fewer rows than this on the side of the repeated ones are sent to every task. */
    static final long BROADCAST_ROWS = 1_000_000;

    /**
     * {@code rows} of the households {@code few} holds (by household), with {@code few}'s columns: {@code few} (the
     * households seen more than once, normally a handful) is sent to every task when small, so that the rows are not
     * shuffled for it.
     */
    private static Dataset<Row> joinSmall(Dataset<Row> rows, Dataset<Row> few) {
        Dataset<Row> side = few.count() <= BROADCAST_ROWS ? org.apache.spark.sql.functions.broadcast(few) : few;
        return rows.join(side, seq("household"));
    }

    private static scala.collection.immutable.Seq<String> seq(String column) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(column)).toList();
    }

    private static Finding badRecord(Row r) {
        int h = r.fieldIndex("household");
        String household = r.isNullAt(h) ? "" : r.getString(h);
        String column = r.getString(r.fieldIndex("f_column"));
        return new Finding(r.getString(r.fieldIndex("file")), r.getLong(r.fieldIndex("line")), column, household,
                r.getString(r.fieldIndex("f_county")),
                r.getString(r.fieldIndex("f_village")), FindingType.BAD_RECORD, true, r.getString(r.fieldIndex("f_message")));
    }

    private static SpotRecord spotRecord(Row r, String countyColumn) {
        return new SpotRecord(r.getString(r.fieldIndex("household")), r.getString(r.fieldIndex(countyColumn)),
                r.getString(r.fieldIndex("village")), r.getInt(r.fieldIndex("persons")),
                r.getBoolean(r.fieldIndex("qualifies")), r.getLong(r.fieldIndex("line")));
    }

    /** A register record from a row's columns, named with {@code prefix} but for the household (the join key). */
    private static RegisterRecord registerRecord(Row r, String prefix) {
        return new RegisterRecord(r.getString(r.fieldIndex("household")), r.getString(r.fieldIndex(prefix + "county")),
                r.getString(r.fieldIndex(prefix + "village")), r.getInt(r.fieldIndex(prefix + "persons")),
                Status.valueOf(r.getString(r.fieldIndex(prefix + "status"))), r.getLong(r.fieldIndex(prefix + "line")));
    }

    static Row findingRow(Finding f, int phase, int sub) {
        return RowFactory.create(f.file(), f.line(), f.column(), f.household(), f.county(), f.village(), f.type().name(),
                f.leftOut(), f.message(), phase, sub);
    }

    static Finding finding(Row r) {
        return new Finding(r.getString(0), r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                FindingType.valueOf(r.getString(6)), r.getBoolean(7), r.getString(8));
    }

    static Discrepancy discrepancy(Row r) {
        return new Discrepancy(r.getString(0), r.getString(1), r.getString(2), Kind.valueOf(r.getString(3)),
                Status.valueOf(r.getString(4)), r.getBoolean(5), r.getInt(6), r.getLong(7), r.getLong(8));
    }

    /** One tally per sampled village, in sample order. */
    public List<VillageTally> villageTallies() {
        return tallies;
    }

    /** The tallies the estimator takes, counting persons or households, with the match gate's counts. */
    public MeasureTallies tallies(Unit unit) {
        return MeasureTallies.of(sample, tallies, unit, matches);
    }

    /** How the spot check and the register overlap in each sampled village (sample order): what the match gate reads. */
    public List<VillageMatch> matches() {
        return matches;
    }

    /** Spot-checked households kept for the estimates (those left out later included). */
    public long spotChecked() {
        return spotChecked;
    }

    /**
     * The findings the driver adds: too many unregistered households, sampled villages without a spot check, and
     * what the frame and sample alone show — in the order Lookback lists them.
     */
    private List<Finding> driverFindings() {
        List<Finding> out = new ArrayList<>();
        CrossCheck.manyUnregistered(spotName, unregistered, spotChecked).ifPresent(out::add);
        for (VillageTally t : tallies) {
            if (t.householdsChecked() == 0) {
                out.add(CrossCheck.villageNotChecked(spotName, t.county(), t.village()));
            }
        }
        out.addAll(CrossCheck.designFindings(frame, sample));
        out.sort(CrossCheck.ORDER);
        return out;
    }

    /**
     * Every data-quality finding, as a Spark dataset (the columns of data_quality.csv but {@code type_zh}), in no
     * particular order; those found from the frame and sample alone are not in it (see {@link #findingsInOrder}).
     */
    public Dataset<Row> findings() {
        return findings.drop("phase", "sub");
    }

    /** The rectification list as a Spark dataset: one row per household the check contradicts. */
    public Dataset<Row> discrepancies() {
        return discrepancies;
    }

    /**
     * The rectification list with the columns of discrepancies.csv, as {@link HouseholdLists#DISCREPANCIES} declares
     * them (what {@code --parquet} writes).
     */
    public Dataset<Row> discrepanciesAsWritten() {
        return discrepancies.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> asWritten(HouseholdLists.DISCREPANCIES, discrepancy(r)),
                Encoders.row(schema(HouseholdLists.DISCREPANCIES)));
    }

    /** The findings with the columns of data_quality.csv ({@link HouseholdLists#DATA_QUALITY}). */
    public Dataset<Row> findingsAsWritten() {
        return findings().map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> asWritten(HouseholdLists.DATA_QUALITY, finding(r)),
                Encoders.row(schema(HouseholdLists.DATA_QUALITY)));
    }

    /**
     * The Spark schema of a file Lookback writes, from its declaration: text as string, flags as boolean, counts as
     * long, other numbers as double.
     */
    static StructType schema(OutputFile<?> file) {
        StructType t = new StructType();
        for (OutputColumn<?> c : file.forMachines()) {
            t = t.add(c.name(), switch (c.kind()) {
                case TEXT -> "string";
                case FLAG -> "boolean";
                case INTEGER -> "long";
                default -> "double";
            });
        }
        return t;
    }

    /** An item as a row of its file's schema ({@link #schema}). */
    static <T> Row asWritten(OutputFile<T> file, T item) {
        List<OutputColumn<T>> columns = file.forMachines();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            OutputColumn<T> c = columns.get(i);
            Object v = c.valueOf(item);
            values[i] = v == null ? null : switch (c.kind()) {
                case TEXT -> v.toString();
                case FLAG -> (Boolean) v;
                case INTEGER -> ((Number) v).longValue();
                default -> ((Number) v).doubleValue();
            };
        }
        return org.apache.spark.sql.RowFactory.create(values);
    }

    /** Every finding in Lookback's order (by file, then line), fetched a partition at a time. */
    public Iterable<Finding> findingsInOrder() {
        List<Finding> local = driverFindings();
        return () -> merge(findings.repartition(1).sortWithinPartitions(encode(col("file"), "UTF-16BE"), col("line"),
                col("phase"), col("sub")).toLocalIterator(), local);
    }

    /** The discrepancies in Lookback's order (by county, village, household), fetched a partition at a time. */
    public Iterable<Discrepancy> discrepanciesInOrder() {
        return () -> {
            Iterator<Row> rows = discrepancies.repartition(1).sortWithinPartitions(encode(col("county"), "UTF-16BE"),
                    encode(col("village"), "UTF-16BE"), encode(col("household"), "UTF-16BE")).toLocalIterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Discrepancy next() {
                    return discrepancy(rows.next());
                }
            };
        };
    }

    /** Spark's sorted findings and the driver's, merged as a stable sort of all of them would order them. */
    private static Iterator<Finding> merge(Iterator<Row> spark, List<Finding> local) {
        return new Iterator<>() {
            private Finding next = spark.hasNext() ? finding(spark.next()) : null;
            private int at;

            @Override
            public boolean hasNext() {
                return next != null || at < local.size();
            }

            @Override
            public Finding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (next != null && (at == local.size() || CrossCheck.ORDER.compare(next, local.get(at)) <= 0)) {
                    Finding f = next;
                    next = spark.hasNext() ? finding(spark.next()) : null;
                    return f;
                }
                return local.get(at++);
            }
        };
    }

    /**
     * What {@link #write} wrote.
     *
     * @param discrepancies rows of discrepancies.csv
     * @param findings      rows of data_quality.csv
     * @param leftOut       findings that left a record out of the estimates
     * @param mostlyLeftOut when more records were left out than kept, the reason most share (as
     *                      {@link dev.lookback.check.CrossCheckResult#mostlyLeftOut} says it): not a review to act on
     */
    public record Written(long discrepancies, long findings, long leftOut,
            java.util.Optional<dev.lookback.check.CrossCheckResult.LeftOut> mostlyLeftOut) {
    }

    /**
     * Writes tallies.csv, discrepancies.csv and data_quality.csv into {@code dir}, as the in-process review writes
     * them.
     */
    public Written write(Path dir, Unit unit) throws IOException {
        try {
            return writeFiles(dir, unit);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw unwrapped(e);
        }
    }

    private Written writeFiles(Path dir, Unit unit) throws IOException {
        Files.createDirectories(dir);
        tallies(unit).write(dir.resolve("tallies.csv"));
        long[] counts = new long[2];
        ReviewFiles.writeDiscrepancies(dir.resolve("discrepancies.csv"),
                () -> counting(discrepanciesInOrder().iterator(), d -> counts[0]++));
        dev.lookback.check.CrossCheckResult.LeftOutCount leftOut = new dev.lookback.check.CrossCheckResult.LeftOutCount();
        ReviewFiles.writeFindings(dir.resolve("data_quality.csv"), () -> counting(findingsInOrder().iterator(), f -> {
            counts[1]++;
            leftOut.add(f);
        }));
        return new Written(counts[0], counts[1], leftOut.leftOut(), leftOut.mostlyLeftOut(spotChecked));
    }

    /** The items of {@code items}, each shown to {@code seen} as it passes. */
    private static <T> Iterator<T> counting(Iterator<T> items, java.util.function.Consumer<T> seen) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                T item = items.next();
                seen.accept(item);
                return item;
            }
        };
    }

    /** Frees the datasets this run keeps on the executors. */
    public void release() {
        for (Dataset<Row> d : cached) {
            d.unpersist();
        }
    }

    @Override
    public String toString() {
        long checkedVillages = tallies.stream().filter(t -> t.householdsChecked() > 0).count();
        return String.format("Spark cross-check: %d households spot-checked in %d of %d sampled villages (%d not in the"
                + " register)", spotChecked, checkedVillages, tallies.size(), unregistered);
    }

}
