package dev.lookback.sim;

import dev.lookback.Review;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.CsvWriter;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic city with known truth: a frame, a self-check register, and for every household
 * (registered or not) whether it really meets the poverty standard. The true error rates of every
 * county and of the city are therefore known exactly, which makes the city a test of the
 * estimators and the demo's data. Households are held in primitive arrays, so a city of millions
 * of households fits in a modest heap. Deterministic for a given {@link CitySpec}.
 */
public final class SyntheticCity {
    private static final Status[] STATUSES = Status.values();

    private final CitySpec spec;
    private final Frame frame;
    private final double[] countyMultiplier;
    /** Households in village order; village of household i is village[i]. */
    private final int[] village;
    private final byte[] status;
    private final byte[] persons;
    private final boolean[] qualifies;
    private final int[] firstHousehold;

    private SyntheticCity(CitySpec spec) {
        this.spec = spec;
        SplittableRandom random = new SplittableRandom(spec.seed());
        int villageCount = spec.counties() * spec.villagesPerCounty();
        List<Village> villages = new ArrayList<>(villageCount);
        int[] size = new int[villageCount];
        long total = 0;
        for (int c = 0; c < spec.counties(); c++) {
            for (int v = 0; v < spec.villagesPerCounty(); v++) {
                int i = c * spec.villagesPerCounty() + v;
                size[i] = random.nextInt(spec.minHouseholds(), spec.maxHouseholds() + 1);
                total += size[i];
                villages.add(new Village(countyCode(c), countyCode(c) + "-T" + (v % 5), villageCode(c, v), size[i]));
            }
        }
        this.frame = Frame.of(villages);
        // County multipliers: a spread from error-free counties to ones well above the line.
        this.countyMultiplier = new double[spec.counties()];
        double[] levels = {0, 0.5, 1, 1.5, 2.5};
        for (int c = 0; c < spec.counties(); c++) {
            countyMultiplier[c] = levels[random.nextInt(levels.length)];
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, total + total / 50 + villageCount * 4L);
        int[] vil = new int[capacity];
        byte[] st = new byte[capacity];
        byte[] pe = new byte[capacity];
        boolean[] q = new boolean[capacity];
        this.firstHousehold = new int[villageCount + 1];
        int h = 0;
        double sigma = spec.villageSpread();
        for (int i = 0; i < villageCount; i++) {
            firstHousehold[i] = h;
            double propensity = countyMultiplier[i / spec.villagesPerCounty()]
                    * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
            for (int k = 0; k < size[i]; k++) {
                double u = random.nextDouble();
                Status s = u < spec.poorShare() ? Status.POOR
                        : u < spec.poorShare() + spec.exitedShare() ? Status.EXITED : Status.NON_POOR;
                double errorChance;
                switch (s) {
                    case POOR:
                        errorChance = spec.wrongInclusionRate();
                        break;
                    case EXITED:
                        errorChance = spec.wrongExitRate();
                        break;
                    default:
                        errorChance = spec.missedRate();
                        break;
                }
                boolean error = random.nextDouble() < Math.min(1, errorChance * propensity);
                vil[h] = i;
                st[h] = (byte) s.ordinal();
                pe[h] = (byte) personCount(random);
                q[h] = s == Status.POOR ? !error : error;
                h++;
            }
            int unregistered = poisson(random, spec.unregisteredRate() * size[i]);
            for (int k = 0; k < unregistered && h < capacity; k++) {
                vil[h] = i;
                st[h] = (byte) Status.UNREGISTERED.ordinal();
                pe[h] = (byte) personCount(random);
                q[h] = random.nextDouble() < Math.min(1, 0.5 * propensity);
                h++;
            }
        }
        firstHousehold[villageCount] = h;
        this.village = Arrays.copyOf(vil, h);
        this.status = Arrays.copyOf(st, h);
        this.persons = Arrays.copyOf(pe, h);
        this.qualifies = Arrays.copyOf(q, h);
    }

    /** A city seed from any text (such as a published seed): its SHA-256 ticket's first 15 hex digits. */
    public static long seedOf(String text) {
        return Long.parseUnsignedLong(dev.lookback.draw.Tickets.ticket(text, "city").substring(0, 15), 16);
    }

    /** Generates the city of a spec. */
    public static SyntheticCity generate(CitySpec spec) {
        return new SyntheticCity(spec);
    }

    private static int personCount(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.15 ? 1 : u < 0.35 ? 2 : u < 0.6 ? 3 : u < 0.82 ? 4 : u < 0.94 ? 5 : 6;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit && k < 1000) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    static String countyCode(int c) {
        return String.format(Locale.ROOT, "C%02d", c + 1);
    }

    static String villageCode(int c, int v) {
        return String.format(Locale.ROOT, "C%02d-V%03d", c + 1, v + 1);
    }

    static String householdCode(int h) {
        return String.format(Locale.ROOT, "0430%08d", h + 1);
    }

    /** The spec. */
    public CitySpec spec() {
        return spec;
    }

    /** The sampling frame. */
    public Frame frame() {
        return frame;
    }

    /** Households in the city, registered or not. */
    public int households() {
        return status.length;
    }

    /**
     * The true error rate of a measure over the whole population of a county (or {@code ALL}):
     * Σ errors / Σ domain units over every village, registered and unregistered households alike.
     */
    public double trueRate(String county, Measure measure, Unit unit) {
        int perCounty = spec.villagesPerCounty();
        int from = 0;
        int to = frame.villages().size();
        if (!"ALL".equals(county)) {
            int c = frame.counties().indexOf(county);
            if (c < 0) {
                throw new IllegalArgumentException("no county " + county + " in this city");
            }
            from = c * perCounty;
            to = from + perCounty;
        }
        double errors = 0;
        double units = 0;
        for (int h = firstHousehold[from]; h < firstHousehold[to]; h++) {
            Status s = STATUSES[status[h]];
            if (measure.inDomain(s)) {
                int u = unit == Unit.PERSONS ? persons[h] : 1;
                units += u;
                if (measure.isError(s, qualifies[h])) {
                    errors += u;
                }
            }
        }
        return errors / units;
    }

    /**
     * Writes leaders.csv: for every county a party secretary, a government head and a leader in charge
     * of assistance, with made-up names, each a different person (up to 48 counties).
     */
    public void writeLeaders(Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
        String[] given = {"建国", "秀英", "志强", "丽华", "海燕", "伟", "敏", "军", "静", "磊", "洋", "婷"};
        String[] roles = {"PARTY_SECRETARY", "GOVERNMENT_HEAD", "ASSISTANCE_LEAD"};
        try (CsvWriter w = CsvWriter.create(dir.resolve("leaders.csv"))) {
            w.row("county", "role", "name");
            int k = 0;
            for (String county : frame.counties()) {
                for (String role : roles) {
                    // k = 12a + b: surname b, given name (5b + 3 + a) mod 12, so 144 leaders have 144 names
                    w.row(county, role, surnames[k % surnames.length]
                            + given[(k * 5 + 3 + k / surnames.length) % given.length]);
                    k++;
                }
            }
        }
    }

    /**
     * Writes cadres.csv and satisfaction.csv for the sampled villages (a first secretary and two or
     * three team members per village; ten answers per village) and fund_checks.csv (twelve projects per
     * county). A county's chance of a failing cadre, a dissatisfied answer, misused money and a late
     * project grows with its error multiplier, so the counties above the error line tend to be the ones
     * with weak assistance too. Drawn from the city's seed, independently of the households.
     */
    public void writeAssistanceAndFunds(Sample sample, Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        try (CsvWriter w = CsvWriter.create(dir.resolve("cadres.csv"))) {
            w.row("cadre", "county", "village", "role", "months_in_village", "replaced", "replacement_approved",
                    "tasks_done");
            int k = 0;
            for (SampledVillage s : sample.villages()) {
                double fail = 0.04 * multiplierOf(s.county());
                int team = 3 + random.nextInt(2);
                for (int j = 0; j < team; j++) {
                    boolean first = j == 0;
                    int minimum = first ? 12 : 6;
                    boolean shortStay = random.nextDouble() < fail;
                    boolean replaced = random.nextDouble() < 0.1;
                    boolean approved = !replaced || random.nextDouble() >= fail * 3;
                    boolean tasks = random.nextDouble() >= fail;
                    int months = shortStay ? random.nextInt(1, minimum) : minimum + random.nextInt(0, 13);
                    w.row(String.format(Locale.ROOT, "G%05d", ++k), s.county(), s.village(),
                            first ? "FIRST_SECRETARY" : "TEAM_MEMBER", months, replaced, replaced ? approved : "",
                            tasks);
                }
            }
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve("satisfaction.csv"))) {
            w.row("household", "county", "village", "answer");
            for (SampledVillage s : sample.villages()) {
                int i = villageIndex(s.village());
                double unhappy = 0.03 + 0.04 * multiplierOf(s.county());
                int asked = 0;
                for (int h = firstHousehold[i]; h < firstHousehold[i + 1] && asked < 10; h++) {
                    if (status[h] == Status.UNREGISTERED.ordinal()) {
                        continue;
                    }
                    asked++;
                    double u = random.nextDouble();
                    w.row(householdCode(h), s.county(), s.village(),
                            u < unhappy ? "DISSATISFIED" : u < 0.35 ? "FAIRLY_SATISFIED" : "SATISFIED");
                }
            }
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve("fund_checks.csv"))) {
            w.row("project", "county", "amount", "audited_misused", "planned_finish", "actual_finish", "started");
            java.time.LocalDate start = java.time.LocalDate.of(2025, 3, 1);
            int k = 0;
            for (int c = 0; c < spec.counties(); c++) {
                double m = countyMultiplier[c];
                for (int j = 0; j < 12; j++) {
                    long amount = 50_000L * random.nextInt(2, 41);
                    long misused = random.nextDouble() < 0.02 * m ? Math.round(amount * random.nextDouble(0.02, 0.3))
                            : 0;
                    java.time.LocalDate planned = start.plusDays(random.nextInt(0, 420));
                    double u = random.nextDouble();
                    boolean started = u >= 0.01 * m;
                    String actual = !started || u < 0.06 * m ? ""
                            : planned.plusDays(random.nextInt(-60, u < 0.1 * m ? 90 : 1)).toString();
                    w.row(String.format(Locale.ROOT, "P%04d", ++k), countyCode(c), amount, misused, planned.toString(),
                            actual, started);
                }
            }
        }
    }

    private double multiplierOf(String county) {
        return countyMultiplier[Integer.parseInt(county.substring(1)) - 1];
    }

    /** Writes villages.csv and self_check.csv into {@code dir}. */
    public void writeFrameAndRegister(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (CsvWriter w = CsvWriter.create(dir.resolve("villages.csv"))) {
            writeFrame(w);
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve("self_check.csv"))) {
            writeRegister(w);
        }
    }

    /**
     * Writes sample.csv and spot_check.csv for a sample: every household of each sampled village,
     * unregistered ones included, with its true verdict and verified persons.
     */
    public void writeSpotCheck(Sample sample, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (CsvWriter w = CsvWriter.create(dir.resolve("sample.csv"))) {
            writeSample(sample, w);
        }
        try (CsvWriter w = CsvWriter.create(dir.resolve("spot_check.csv"))) {
            writeSpotCheck(sample, w);
        }
    }

    /** The four inputs of a review of this city under a sample, in memory. */
    public Review review(Sample sample) {
        try {
            return Review.of(source("villages.csv", this::writeFrame), source("sample.csv", w -> writeSample(sample, w)),
                    source("self_check.csv", this::writeRegister), source("spot_check.csv", w -> writeSpotCheck(sample, w)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Content {
        void write(CsvWriter w) throws IOException;
    }

    private static TabularSource source(String name, Content content) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter w = CsvWriter.on(text)) {
            content.write(w);
        }
        return TabularSource.csv(name, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    private void writeFrame(CsvWriter w) throws IOException {
        w.row("county", "township", "village", "households");
        for (Village v : frame.villages()) {
            w.row(v.county(), v.township(), v.village(), v.households());
        }
    }

    private void writeRegister(CsvWriter w) throws IOException {
        w.row("household", "county", "village", "persons", "status");
        for (int h = 0; h < status.length; h++) {
            if (status[h] != Status.UNREGISTERED.ordinal()) {
                Village v = frame.villages().get(village[h]);
                w.row(householdCode(h), v.county(), v.village(), persons[h], STATUSES[status[h]].name());
            }
        }
    }

    private static void writeSample(Sample sample, CsvWriter w) throws IOException {
        w.row("county", "village", "inclusion_probability");
        for (SampledVillage s : sample.villages()) {
            w.row(s.county(), s.village(), s.inclusionProbability());
        }
    }

    private void writeSpotCheck(Sample sample, CsvWriter w) throws IOException {
        w.row("household", "county", "village", "persons", "qualifies");
        for (SampledVillage s : sample.villages()) {
            int i = villageIndex(s.village());
            for (int h = firstHousehold[i]; h < firstHousehold[i + 1]; h++) {
                w.row(householdCode(h), s.county(), s.village(), persons[h], qualifies[h]);
            }
        }
    }

    /** The true verdict of a household: what a perfect spot check finds. */
    private dev.lookback.vocabulary.Kind verdict(int h) {
        Status st = STATUSES[status[h]];
        if ((st == Status.NON_POOR || st == Status.UNREGISTERED) && qualifies[h]) {
            return dev.lookback.vocabulary.Kind.MISSED;
        }
        if (st == Status.POOR && !qualifies[h]) {
            return dev.lookback.vocabulary.Kind.WRONGLY_INCLUDED;
        }
        if (st == Status.EXITED && qualifies[h]) {
            return dev.lookback.vocabulary.Kind.WRONGLY_EXITED;
        }
        return dev.lookback.vocabulary.Kind.CORRECT;
    }

    /**
     * Writes reports.csv (群众举报): a few made-up leads of every kind, deterministic for the city: true errors
     * reported in sampled and unsampled villages (confirmed), correct households reported as missed (unfounded),
     * a project and a cadre lead, and two pending ones, one of them past the time limit as of {@code asOf}.
     */
    public void writeReports(Sample sample, Path dir, java.time.LocalDate asOf) throws IOException {
        Files.createDirectories(dir);
        List<String[]> rows = new ArrayList<>();
        int n = 0;
        int sampledErrors = 0;
        int unsampledErrors = 0;
        int unfounded = 0;
        String[] channels = {"电话", "信件", "邮件", "来访", "网络"};
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int h = 0; h < status.length && (sampledErrors < 3 || unsampledErrors < 2 || unfounded < 2); h++) {
            if (used.contains(village[h])) {
                continue; // one lead a village
            }
            Village v = frame.villages().get(village[h]);
            boolean sampled = sample.contains(v.village());
            dev.lookback.vocabulary.Kind k = verdict(h);
            java.time.LocalDate received = asOf.minusDays(30 + n);
            String channel = channels[n % channels.length];
            if (k != dev.lookback.vocabulary.Kind.CORRECT && (sampled ? sampledErrors < 3 : unsampledErrors < 2)) {
                if (sampled) {
                    sampledErrors++;
                } else {
                    unsampledErrors++;
                }
                used.add(village[h]);
                rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), received.toString(), channel, v.county(),
                        v.village(), "农户", householdCode(h), k.chinese(), "属实", received.plusDays(6).toString()});
            } else if (k == dev.lookback.vocabulary.Kind.CORRECT && sampled && unfounded < 2
                    && STATUSES[status[h]] == Status.NON_POOR) {
                unfounded++;
                used.add(village[h]);
                rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), received.toString(), channel, v.county(),
                        v.village(), "农户", householdCode(h), "漏评", "不属实", received.plusDays(9).toString()});
            }
        }
        String c1 = frame.counties().get(0);
        String c2 = frame.counties().get(Math.min(1, frame.counties().size() - 1));
        rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), asOf.minusDays(25).toString(), "信件", c2, "",
            "项目", c2 + "-P03", "资金问题", "部分属实", asOf.minusDays(10).toString()});
        rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), asOf.minusDays(20).toString(), "电话", c1, "",
            "帮扶干部", c1 + "-K07", "帮扶不实", "属实", asOf.minusDays(12).toString()});
        rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), asOf.minusDays(40).toString(), "网络", c2, "",
            "农户", householdCode(1), "错评", "待核实", ""});
        rows.add(new String[] {String.format(Locale.ROOT, "R%03d", ++n), asOf.minusDays(3).toString(), "来访", c1, "",
            "农户", householdCode(2), "漏评", "待核实", ""});
        try (CsvWriter w = CsvWriter.create(dir.resolve("reports.csv"))) {
            w.row("线索编号", "受理日期", "来源", "县", "村", "对象", "对象编号", "反映问题", "核实结果", "核实日期");
            for (String[] r : rows) {
                w.row((Object[]) r);
            }
        }
    }

    /**
     * Writes recheck.csv (第三方评估): every household of the re-check villages ({@link dev.lookback.check.Recheck#draw},
     * {@code perCounty} a county from {@code seed}) checked again by a third party who reads a household's
     * eligibility differently with probability {@code slip} (deterministic for the city).
     */
    public void writeRecheck(Sample sample, Path dir, String seed, int perCounty, double slip) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(spec.seed() ^ 0x2545F4914F6CDD1DL);
        try (CsvWriter w = CsvWriter.create(dir.resolve("recheck.csv"))) {
            w.row("户编号", "县", "村", "是否符合贫困标准");
            for (List<String> villages : dev.lookback.check.Recheck.draw(sample, seed, perCounty).values()) {
                for (String code : villages) {
                    int i = villageIndex(code);
                    Village v = frame.villages().get(i);
                    for (int h = firstHousehold[i]; h < firstHousehold[i + 1]; h++) {
                        boolean q = random.nextDouble() < slip ? !qualifies[h] : qualifies[h];
                        w.row(householdCode(h), v.county(), v.village(), q ? "是" : "否");
                    }
                }
            }
        }
    }

    private int villageIndex(String code) {
        // codes are Cxx-Vyyy, made by villageCode
        int c = Integer.parseInt(code.substring(1, code.indexOf('-'))) - 1;
        int v = Integer.parseInt(code.substring(code.indexOf("-V") + 2)) - 1;
        return c * spec.villagesPerCounty() + v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Synthetic city (seed %d): %d counties × %d villages, %d households",
                spec.seed(), spec.counties(), spec.villagesPerCounty(), households());
    }
}
