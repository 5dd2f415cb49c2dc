package dev.lookback.spark;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.OutputFolder;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code lookback-spark tallies}: the household side of a review on Spark, from the command line. Runs with
 * {@code java -jar spark/target/lookback-spark.jar} (local mode unless {@code --master} says otherwise) and, unchanged,
 * under {@code spark-submit} with {@code spark/target/lookback-spark-job.jar}. The only class that exits.
 */
public final class SparkMain {
    /** Exit status for input or options that cannot be used. */
    static final int UNUSABLE_INPUT = 2;

    static final String USAGE = """
            Usage: lookback-spark tallies --frame villages.csv --sample sample.csv --self-check REGISTER
                                          --spot-check SPOT_CHECK --out DIR [options]

            Matches the spot check to the register on Apache Spark and writes what the in-process review computes
            from them: tallies.csv (for lookback review --tallies), discrepancies.csv (the rectification list) and
            data_quality.csv (every finding), and manifest.json. 在 Spark 上完成入户核查与自查台账的比对，输出村级汇总。

            REGISTER and SPOT_CHECK: a CSV file or a folder of CSV part files (UTF-8, or --encoding GBK), a path
            ending in .parquet or .orc, or table:db.name for a table of the session's catalog (Hive with
            spark.sql.catalogImplementation=hive). Any file system Hadoop reads: local, hdfs://, s3a://.

            Options:
              --frame FILE          the sampling frame (villages.csv), read on the driver
              --sample FILE         the sample (sample.csv), read on the driver
              --self-check LOC      the counties' self-check register (自查台账)
              --spot-check LOC      the city's spot check (入户核查)
              --out DIR             the output folder (made if absent; hdfs:// and s3a:// too)
              --unit U              persons (default) or households: what tallies.csv counts
              --encoding E          UTF-8 (default) or GBK, for the CSV inputs
              --master M            Spark master for java -jar (default local[*]); spark-submit sets its own
              --conf KEY=VALUE      a Spark setting, as spark-submit takes it (repeatable)
              --parquet             also write parquet/discrepancies and parquet/data_quality, partitioned by county
              --force               replace outputs no manifest accounts for
              -h, --help            this help

            Exit status: 0 done; 2 an input or option cannot be used (the message names file, line and column), more
            records were left out than kept, or a sampled village's spot check and register do not match (the match
            gate at its default shares: the files are written, for inspection); 1 Spark failed.
            """;

    private SparkMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** The options of a run. */
    record Options(String frame, String sample, String selfCheck, String spotCheck, String out, Unit unit,
            Charset encoding, String master, boolean parquet, boolean force, Map<String, String> conf) {
    }

    /** Runs a command line; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")
                || args.length > 1 && List.of(args).contains("--help")) {
            out.print(USAGE);
            out.flush();
            return args.length == 0 ? UNUSABLE_INPUT : 0;
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("lookback-spark: " + e.getMessage());
            err.flush();
            return UNUSABLE_INPUT;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("lookback tallies");
        SparkConf given = new SparkConf();
        o.conf().forEach((k, v) -> {
            builder.config(k, v);
            given.set(k, v);
        });
        String master = o.master() != null ? o.master() : given.get("spark.master", "local[*]");
        builder.master(master);
        if (master.startsWith("local") && !given.contains("spark.sql.shuffle.partitions")) {
            // one machine: a few shuffle partitions per core, not the cluster default of 200 tasks a stage
            builder.config("spark.sql.shuffle.partitions", 4 * Runtime.getRuntime().availableProcessors());
        }
        if (master.startsWith("local") && !given.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
            builder.config("spark.sql.inMemoryColumnarStorage.compressed", false); // memory is not short, cores are
        }
        boolean embedded = SparkSession.getDefaultSession().isDefined(); // an application's (or a test's) own session
        SparkSession spark = builder.getOrCreate();
        try {
            return tallies(spark, o, out, err);
        } catch (IllegalArgumentException e) { // an output folder that cannot be used (input errors: below, with those
            // a failed Spark task carries)
            err.println("lookback-spark: " + e.getMessage());
            err.flush();
            return UNUSABLE_INPUT;
        } catch (IOException | RuntimeException e) {
            InputException input = SparkSource.inputError(e);
            err.println("lookback-spark: " + (input != null ? input.getMessage() : e));
            err.flush();
            return input != null ? UNUSABLE_INPUT : 1;
        } finally {
            if (!embedded) {
                spark.stop();
            }
        }
    }

    static Options parse(String[] args) {
        if (!args[0].equals("tallies")) {
            throw new IllegalArgumentException("unknown command \"" + args[0] + "\"; the command is tallies / 未知命令");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> conf = new LinkedHashMap<>();
        List<String> flags = List.of("--parquet", "--force");
        List<String> known = List.of("--frame", "--sample", "--self-check", "--spot-check", "--out", "--unit", "--encoding",
                "--master");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (flags.contains(a)) {
                values.put(a, "true");
            } else if (a.equals("--conf")) {
                String kv = i + 1 < args.length ? args[++i] : "";
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--conf needs KEY=VALUE, e.g. --conf spark.driver.memory=8g / 格式应为"
                            + " KEY=VALUE");
                }
                conf.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (known.contains(a)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(a + " needs a value / 缺少参数值");
                }
                if (values.put(a, args[++i]) != null) {
                    throw new IllegalArgumentException(a + " is given twice / 参数重复");
                }
            } else {
                throw new IllegalArgumentException("unknown option \"" + a + "\"; see --help / 未知参数");
            }
        }
        for (String required : List.of("--frame", "--sample", "--self-check", "--spot-check", "--out")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required / 缺少必需参数 " + required);
            }
        }
        Unit unit = Unit.PERSONS;
        if (values.containsKey("--unit")) {
            unit = switch (values.get("--unit").toLowerCase(Locale.ROOT)) {
                case "persons" -> Unit.PERSONS;
                case "households" -> Unit.HOUSEHOLDS;
                default -> throw new IllegalArgumentException("--unit " + values.get("--unit")
                        + ": expected persons or households / 单位应为 persons 或 households");
            };
        }
        Charset encoding = StandardCharsets.UTF_8;
        if (values.containsKey("--encoding")) {
            try {
                encoding = Charset.forName(values.get("--encoding"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--encoding " + values.get("--encoding")
                        + ": expected UTF-8 or GBK / 编码应为 UTF-8 或 GBK");
            }
        }
        return new Options(values.get("--frame"), values.get("--sample"), values.get("--self-check"),
                values.get("--spot-check"), values.get("--out"), unit, encoding, values.get("--master"),
                values.containsKey("--parquet"), values.containsKey("--force"), conf);
    }

    /** Reads a small driver-side input: a local file (CSV or .xlsx), or one on a Hadoop file system. */
    static TabularSource driverFile(SparkSession spark, String location, Charset encoding) throws IOException {
        if (!hasScheme(location)) {
            Path p = Path.of(location);
            if (!Files.isRegularFile(p)) {
                throw new InputException(location, 0, null, Files.isDirectory(p) ? "is a folder; give the file"
                        : "no such file");
            }
            return TabularSource.of(p, encoding);
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return TabularSource.csv(p.getName(), fs.open(p), encoding);
    }

    private static boolean hasScheme(String location) {
        return location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") && !location.startsWith("file://");
    }

    static int tallies(SparkSession spark, Options o, PrintWriter out, PrintWriter err) throws IOException {
        Frame frame = Frame.read(driverFile(spark, o.frame(), o.encoding()));
        Sample sample = Sample.read(driverFile(spark, o.sample(), o.encoding()), frame);
        boolean remote = hasScheme(o.out());
        Path dir = remote ? Files.createTempDirectory("lookback-spark") : Path.of(o.out().replaceFirst("^file://", ""));
        if (!remote) {
            OutputFolder.prepare(dir, o.force(), "parquet");
        }
        SparkTallies t = SparkTallies.run(spark, frame, sample, SparkSource.at(o.selfCheck(), o.encoding()),
                SparkSource.at(o.spotCheck(), o.encoding()));
        SparkTallies.Written w = t.write(dir, o.unit());
        if (o.parquet()) {
            String where = (remote ? o.out() : dir.toUri().toString()).replaceAll("/+$", "");
            // the columns of discrepancies.csv and data_quality.csv, as their declarations give them
            t.discrepanciesAsWritten().write().mode("overwrite").partitionBy("county")
                    .parquet(where + "/parquet/discrepancies");
            t.findingsAsWritten().write().mode("overwrite").partitionBy("county").parquet(where + "/parquet/data_quality");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("unit", o.unit().label());
        settings.put("encoding", o.encoding().name());
        settings.put("engine", "spark " + spark.version() + ", master " + spark.sparkContext().master());
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(driverInput("frame", o.frame()));
        inputs.add(driverInput("sample", o.sample()));
        inputs.add(remoteInput("self_check", o.selfCheck()));
        inputs.add(remoteInput("spot_check", o.spotCheck()));
        OutputFolder.record(dir, version(), settings, inputs, remote ? new String[0] : new String[] {"parquet"});
        if (remote) {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(o.out());
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            FileSystem fs = target.getFileSystem(conf);
            fs.mkdirs(target);
            for (String f : List.of("tallies.csv", "discrepancies.csv", "data_quality.csv", OutputFolder.MANIFEST)) {
                fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(dir.resolve(f).toUri()),
                        new org.apache.hadoop.fs.Path(target, f));
            }
        }
        out.println(t);
        out.printf("%d discrepancies, %d data-quality findings (%d records left out)%n", w.discrepancies(), w.findings(),
                w.leftOut());
        out.println("Wrote " + o.out() + ": tallies.csv, discrepancies.csv, data_quality.csv"
                + (o.parquet() ? ", parquet/" : "") + ", manifest.json");
        if (w.mostlyLeftOut().isPresent()) { // written for inspection, but not tallies to review
            err.println("lookback-spark: " + dev.lookback.report.Summary.unusable(w.mostlyLeftOut().get()));
            err.flush();
            return UNUSABLE_INPUT;
        }
        var mismatched = dev.lookback.check.MatchGate.defaults().mismatches(t.matches(), frame);
        if (!mismatched.isEmpty()) { // the review of these tallies gives those counties no data: say so now
            err.println("lookback-spark: " + dev.lookback.report.Summary.unusable(mismatched));
            err.flush();
            return UNUSABLE_INPUT;
        }
        String base = o.out().replaceAll("/+$", "");
        out.println("Next: lookback review --frame " + o.frame() + " --sample " + o.sample() + " --tallies " + base
                + "/tallies.csv --discrepancies " + base + "/discrepancies.csv --data-quality " + base
                + "/data_quality.csv --unit " + o.unit().label() + " --out review");
        return 0;
    }

    /** A small input the driver read: hashed when local, named by its location otherwise. */
    private static Map<String, Object> driverInput(String role, String location) {
        return hasScheme(location) ? remoteInput(role, location) : OutputFolder.input(role, Path.of(location));
    }

    /** An input named by its location alone: a table or a large file is not hashed on the driver. */
    private static Map<String, Object> remoteInput(String role, String location) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("role", role);
        e.put("location", location);
        return e;
    }

    static String version() {
        String v = SparkMain.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
