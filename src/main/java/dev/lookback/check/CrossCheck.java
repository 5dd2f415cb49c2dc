package dev.lookback.check;

import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.HOUSEHOLD;
import static dev.lookback.io.Columns.PERSONS;
import static dev.lookback.io.Columns.QUALIFIES;
import static dev.lookback.io.Columns.STATUS;
import static dev.lookback.io.Columns.VILLAGE;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.Column;
import dev.lookback.io.Columns;
import dev.lookback.io.InputException;
import dev.lookback.io.KeyFilter;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.IdDifference;
import dev.lookback.vocabulary.MismatchCause;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Term;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Matches the city's spot checks to the counties' self-check register by household id, classifies
 * every spot-checked household ({@link Kind}), tallies each sampled village, and lists every
 * data-quality {@link Finding}.
 *
 * <p>The spot check is read first and held in memory; the register is then streamed once, keeping
 * only the households of the sampled villages and, of the others, a 64-bit hash of the household id;
 * spot-checked households registered outside the sample are found by those hashes and read in a
 * second pass over the register, for them alone. A register of millions of households therefore
 * needs memory only for the sampled part.
 */
public final class CrossCheck {
    static final Column SPOT_PERSONS = Columns.PERSONS.asOptional();
    /** The columns read from the register (self_check.csv). */
    public static final List<Column> REGISTER_COLUMNS = List.of(HOUSEHOLD, COUNTY, VILLAGE, PERSONS, STATUS);
    /** The columns read from the spot check (spot_check.csv); persons may be blank there. */
    public static final List<Column> SPOT_COLUMNS = List.of(HOUSEHOLD, COUNTY, VILLAGE, SPOT_PERSONS, QUALIFIES);

    private CrossCheck() {
    }

    /**
     * A usable register record.
     *
     * @param household household id
     * @param county    county
     * @param village   village
     * @param persons   persons registered
     * @param status    register status (never {@link Status#UNREGISTERED})
     * @param line      its line in the register
     */
    public record RegisterRecord(String household, String county, String village, int persons, Status status,
            long line) {
    }

    /**
     * A readable spot-check record.
     *
     * @param household household id
     * @param county    county as written
     * @param village   village
     * @param persons   persons verified, −1 when blank
     * @param qualifies whether the household meets the poverty standard at the check
     * @param line      its line in the spot check
     */
    public record SpotRecord(String household, String county, String village, int persons, boolean qualifies,
            long line) {

        /** This record counted in another county (the frame's). */
        public SpotRecord inCounty(String frameCounty) {
            return new SpotRecord(household, frameCounty, village, persons, qualifies, line);
        }
    }

    /** A spot-checked household kept for the estimates, and what the register says of it. */
    private static final class Spot {
        final SpotRecord record;
        RegisterRecord registered;
        long unusableLine;

        Spot(SpotRecord record) {
            this.record = record;
        }
    }

    /**
     * Runs the cross-check.
     *
     * @param frame     the sampling frame
     * @param sample    the sampled villages
     * @param register  the self-check register ({@code self_check.csv})
     * @param spotCheck the city's spot check ({@code spot_check.csv})
     * @throws InputException when a file as a whole cannot be read (a bad record only gives a finding)
     */
    public static CrossCheckResult run(Frame frame, Sample sample, TabularSource register, TabularSource spotCheck) {
        return run(frame, sample, register, spotCheck, false);
    }

    /**
     * Runs the cross-check, matching household ids exactly or after {@link Ids#normalise} (an explicit choice: ids
     * that differ only in writing are one id only when the user says so).
     *
     * @param normalisedIds whether ids are matched after normalisation; the lists keep the ids as the files write
     *                      them
     */
    public static CrossCheckResult run(Frame frame, Sample sample, TabularSource register, TabularSource spotCheck,
            boolean normalisedIds) {
        java.util.function.UnaryOperator<String> key = normalisedIds ? Ids::normalise : id -> id;
        List<Finding> findings = new ArrayList<>();
        String registerFile = register.name();
        Set<String> sampled = new HashSet<>();
        for (SampledVillage v : sample.villages()) {
            sampled.add(v.village());
        }
        // The spot check is read beside the register's first pass (neither needs the other: the pass keeps the sampled
        // villages' households); what either finds, and a failure, is reported as when the spot check came first.
        CompletableFuture<Map<String, Spot>> spotsRead = alongside(spotCheck != register,
                () -> readSpotCheck(frame, sample, spotCheck, findings, key));
        List<Finding> registerFindings = new ArrayList<>();
        // First pass: the register households of the sampled villages; of the others only a hash of
        // the household id is kept, to find spot-checked households registered elsewhere (with normalised ids, the
        // hash of the id as written would not find them: the second pass then reads every record).
        KeyFilter inSample = normalisedIds ? KeyFilter.in(VILLAGE, sampled)
                : KeyFilter.in(VILLAGE, sampled).hashingRejected(HOUSEHOLD);
        int expected = expectedHouseholds(frame, sample);
        Map<String, RegisterRecord> registered = new HashMap<>(expected * 4 / 3 + 16);
        Map<String, Long> unusable = new HashMap<>();
        long registerRows = 0;
        Throwable registerFailure = null;
        try {
            registerRows = register.read(REGISTER_COLUMNS, inSample,
                    row -> readRegisterRow(row, registered, unusable, registerFindings, key));
        } catch (RuntimeException | Error e) {
            registerFailure = e; // after the spot check's own failure or emptiness
        }
        Map<String, Spot> spots = joined(spotsRead);
        if (spots.isEmpty() && findings.stream().noneMatch(Finding::leftOut)) {
            throw new InputException(spotCheck.name(), 0, null, "the spot check has no household record: expected one"
                    + " row per spot-checked household of the sampled villages", true, "市级抽查表没有任何入户记录，请检查文件");
        }
        if (registerFailure instanceof RuntimeException e) {
            throw e;
        }
        if (registerFailure instanceof Error e) {
            throw e;
        }
        findings.addAll(registerFindings);
        if (registerRows == 0) {
            throw new InputException(register.name(), 0, null, "the register has no record, only its header: expected"
                    + " every rural household of the counties (POOR, EXITED, NON_POOR); a review against an empty"
                    + " register would count every spot-checked household as unregistered", true,
                    "自查台账没有任何记录，请提供完整台账");
        }
        List<Spot> unmatched = new ArrayList<>();
        for (Map.Entry<String, Spot> e : spots.entrySet()) {
            if (!bind(e.getKey(), e.getValue(), registered, unusable)) {
                unmatched.add(e.getValue());
            }
        }
        List<String> unmatchedIds = new ArrayList<>(unmatched.size());
        for (Spot spot : unmatched) {
            unmatchedIds.add(key.apply(spot.record.household()));
        }
        Set<String> elsewhere = normalisedIds ? new HashSet<>(unmatchedIds) : inSample.mayHaveRejected(unmatchedIds);
        if (!elsewhere.isEmpty()) { // second pass, for those households only
            register.read(REGISTER_COLUMNS, normalisedIds ? KeyFilter.all() : KeyFilter.in(HOUSEHOLD, elsewhere), row -> {
                String id = row.text(HOUSEHOLD);
                if (id != null && elsewhere.contains(key.apply(id)) && !sampled.contains(row.text(VILLAGE))) {
                    readRegisterRow(row, registered, unusable, findings, key);
                }
            });
            for (Spot spot : unmatched) {
                bind(key.apply(spot.record.household()), spot, registered, unusable);
            }
        }
        // a register record is matched when a spot-checked household was bound to it (one record per id): by line
        BitSet matched = new BitSet();
        for (Spot spot : spots.values()) {
            if (spot.registered != null) {
                matched.set(Math.toIntExact(spot.registered.line()));
            }
        }
        Map<String, long[]> overlap = new HashMap<>();
        for (SampledVillage v : sample.villages()) {
            overlap.put(v.village(), new long[4]);
        }
        List<RegisterRecord> notCovered = new ArrayList<>();
        for (RegisterRecord r : registered.values()) {
            if (sampled.contains(r.village())) {
                long[] o = overlap.get(r.village());
                o[2]++;
                if (matched.get((int) r.line())) {
                    o[3]++;
                } else {
                    notCovered.add(r);
                }
            }
        }
        for (Spot spot : spots.values()) {
            long[] o = overlap.get(spot.record.village());
            o[0]++;
            if (spot.registered != null || spot.unusableLine > 0) {
                o[1]++;
            }
        }
        List<VillageMatch> matches = new ArrayList<>(sample.villages().size());
        for (SampledVillage v : sample.villages()) {
            long[] o = overlap.get(v.village());
            matches.add(new VillageMatch(v.county(), v.village(), o[0], o[1], o[2], o[3]));
        }
        notCovered.sort(Comparator.comparingLong(RegisterRecord::line));
        for (RegisterRecord r : notCovered) {
            findings.add(notCovered(registerFile, r));
        }

        Map<String, VillageTally> tallies = new LinkedHashMap<>();
        for (SampledVillage v : sample.villages()) {
            tallies.put(v.village(), new VillageTally(v.county(), v.village()));
        }
        List<Discrepancy> discrepancies = new ArrayList<>();
        String spotFile = spotCheck.name();
        long unregistered = 0;
        for (Spot s : spots.values()) {
            Checked checked = check(s.record, s.registered, s.unusableLine, registerFile, spotFile);
            if (checked.status() == Status.UNREGISTERED) {
                unregistered++;
            }
            findings.addAll(checked.findings());
            if (checked.counted()) {
                tallies.get(s.record.village()).add(checked.status(), s.record.qualifies(), checked.persons());
            }
            if (checked.discrepancy() != null) {
                discrepancies.add(checked.discrepancy());
            }
        }
        manyUnregistered(spotFile, unregistered, spots.size()).ifPresent(findings::add);
        for (VillageTally t : tallies.values()) {
            if (t.householdsChecked() == 0) {
                findings.add(villageNotChecked(spotFile, t.county(), t.village()));
            }
        }
        findings.addAll(designFindings(frame, sample));
        findings.sort(ORDER);
        discrepancies.sort(Comparator.comparing(Discrepancy::county).thenComparing(Discrepancy::village)
                .thenComparing(Discrepancy::household));
        return new CrossCheckResult(frame, sample, List.copyOf(tallies.values()), discrepancies, findings,
                registerRows, spots.size(), matches);
    }

    /**
     * The likely cause of each mismatched village, from the ids themselves: both files are read again (a step for the
     * failing case only) to see whether the village's spot-checked ids, or its code, are in the register written
     * another way — leading zeros dropped, spaces, full-width digits, case, {@code 4.30121E+11} ({@link Ids}) — with
     * one example pair, or were saved in scientific notation and lost their digits. A mismatch the ids do not
     * explain keeps the cause its counts gave.
     *
     * @param mismatches the villages that failed the {@link MatchGate}, with their causes from the counts
     * @return the same villages, in the same order, each with its likeliest cause and an example where there is one
     */
    public static List<Mismatch> diagnose(Frame frame, String frameName, TabularSource register,
            TabularSource spotCheck, List<Mismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return mismatches;
        }
        Set<String> mismatched = new HashSet<>();
        Map<String, String> villageByNormalCode = new HashMap<>();
        for (Mismatch m : mismatches) {
            mismatched.add(m.village());
            villageByNormalCode.put(Ids.normalise(m.village()), m.village());
        }
        // the spot-checked ids of those villages by their normalised form, and village codes written another way
        Map<String, String[]> spotIds = new HashMap<>(); // normalised id → {raw, line, village}
        Map<String, Mismatch.Example> scientific = new HashMap<>(); // village → an id in E+ notation
        Map<String, Mismatch.Example> codes = new HashMap<>(); // village → its code written another way
        Map<String, long[]> codeRows = new HashMap<>();
        String spotFile = spotCheck.name();
        String registerFile = register.name();
        spotCheck.read(SPOT_COLUMNS, row -> {
            String village = row.text(VILLAGE);
            String id = row.text(HOUSEHOLD);
            if (village != null && id != null && mismatched.contains(village)) {
                spotIds.putIfAbsent(Ids.normalise(id), new String[] {id, Long.toString(row.line()), village});
                if (Ids.scientific(id)) {
                    scientific.putIfAbsent(village, numberExample(spotFile, row.line(), id, registerFile));
                }
            }
            otherCode(frame, frameName, villageByNormalCode, village, spotFile, row.line(), codes, codeRows);
        });
        Map<String, Mismatch.Example> idExamples = new HashMap<>();
        Map<String, long[]> idMatching = new HashMap<>();
        Column anyVillage = VILLAGE.asOptional();
        register.read(List.of(HOUSEHOLD, anyVillage), row -> {
            String id = row.text(HOUSEHOLD);
            String village = row.text(anyVillage);
            if (id != null) {
                String[] spot = spotIds.get(Ids.normalise(id));
                if (spot != null && !spot[0].equals(id)) {
                    idMatching.computeIfAbsent(spot[2], k -> new long[1])[0]++;
                    idExamples.putIfAbsent(spot[2], new Mismatch.Example(HOUSEHOLD.name(), spotFile,
                            Long.parseLong(spot[1]), spot[0], registerFile, row.line(), id, Ids.differences(spot[0], id), 0));
                }
                if (village != null && mismatched.contains(village) && Ids.scientific(id)) {
                    scientific.putIfAbsent(village, numberExample(registerFile, row.line(), id, spotFile));
                }
            }
            otherCode(frame, frameName, villageByNormalCode, village, registerFile, row.line(), codes, codeRows);
        });
        List<Mismatch> out = new ArrayList<>(mismatches.size());
        for (Mismatch m : mismatches) {
            String v = m.village();
            VillageMatch c = m.match();
            long unmatched = c.spotHouseholds() - c.spotInRegister();
            long idMatches = idMatching.getOrDefault(v, new long[1])[0];
            if (codes.containsKey(v)) {
                out.add(new Mismatch(c, MismatchCause.VILLAGE_CODE_DIFFERS, codes.get(v).withMatching(codeRows.get(v)[0])));
            } else if (idMatches > 0 && 2 * idMatches >= unmatched) {
                out.add(new Mismatch(c, MismatchCause.IDS_WRITTEN_DIFFERENTLY, idExamples.get(v).withMatching(idMatches)));
            } else if (scientific.containsKey(v)) {
                out.add(new Mismatch(c, MismatchCause.IDS_LOST_DIGITS, scientific.get(v)));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /** An id in scientific notation, as one file writes it. */
    private static Mismatch.Example numberExample(String file, long line, String id, String otherFile) {
        return new Mismatch.Example(HOUSEHOLD.name(), file, line, id, otherFile, 0, "",
                java.util.EnumSet.of(IdDifference.NUMBER_FORMAT), 0);
    }

    /** A row's village code that is not the frame's but is a mismatched village's code written another way. */
    private static void otherCode(Frame frame, String frameName, Map<String, String> villageByNormalCode,
            String village, String file, long line, Map<String, Mismatch.Example> codes, Map<String, long[]> rows) {
        if (village == null || frame.village(village) != null) {
            return;
        }
        String code = villageByNormalCode.get(Ids.normalise(village));
        if (code != null) {
            rows.computeIfAbsent(code, k -> new long[1])[0]++;
            codes.putIfAbsent(code, new Mismatch.Example(VILLAGE.name(), frameName, 0, code, file, line, village,
                    Ids.differences(code, village), 0));
        }
    }

    /**
     * The order of the findings: by file, then line; findings of one line in the order the steps found them
     * (a stable sort).
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file).thenComparingLong(Finding::line);

    /** Gives a spot its register record or the line of its unusable one; whether either was found. */
    private static boolean bind(String key, Spot spot, Map<String, RegisterRecord> registered,
            Map<String, Long> unusable) {
        RegisterRecord r = registered.get(key);
        if (r != null) {
            spot.registered = r;
            return true;
        }
        Long bad = unusable.get(key);
        if (bad != null) {
            spot.unusableLine = bad;
            return true;
        }
        return false;
    }

    /**
     * What one spot-checked household kept for the estimates comes to.
     *
     * @param status      its register status ({@link Status#UNREGISTERED} when it has no usable register record)
     * @param persons     the persons it counts, −1 when it is left out
     * @param findings    what was noticed about it (0 to 2 findings, in order)
     * @param discrepancy its line of the rectification list, {@code null} when the check agrees with the register
     *                    or the household is left out
     */
    public record Checked(Status status, int persons, List<Finding> findings, Discrepancy discrepancy) {

        public Checked {
            findings = List.copyOf(findings);
        }

        /** Whether the household counts in its village's tally. */
        public boolean counted() {
            return persons >= 0;
        }
    }

    /**
     * Checks one spot-checked household kept for the estimates against its register record: the step of
     * {@link #run} after the matching, for an engine that matches the two files itself.
     *
     * @param spot         the spot-check record (with the frame's county)
     * @param registered   its usable register record, or {@code null}
     * @param unusableLine when it has no usable record, the register line of an unusable one, else 0
     * @param registerFile the register's name in messages
     * @param spotFile     the spot check's name in messages
     */
    public static Checked check(SpotRecord spot, RegisterRecord registered, long unusableLine, String registerFile,
            String spotFile) {
        String h = spot.household();
        if (registered == null && unusableLine > 0) {
            return new Checked(Status.UNREGISTERED, -1, List.of(new Finding(spotFile, spot.line(), "", h, spot.county(),
                    spot.village(), FindingType.BAD_RECORD, true, "household " + h + ": its register record ("
                            + registerFile + " line " + unusableLine + ") is unusable; the household is left out")), null);
        }
        List<Finding> findings = List.of(); // most households have none: no list made for them (100,000 in a city)
        Status status = registered == null ? Status.UNREGISTERED : registered.status();
        if (registered != null && (!registered.village().equals(spot.village())
                || !registered.county().equals(spot.county()))) {
            findings = with(findings, new Finding(spotFile, spot.line(), VILLAGE.name(), h, spot.county(),
                    spot.village(), FindingType.LOCATION_DIFFERS, false, "household " + h + " was checked in "
                            + spot.county() + " " + spot.village() + " but the register (line " + registered.line()
                            + ") has it in " + registered.county() + " " + registered.village()
                            + "; it is counted where it was checked"));
        }
        int persons;
        if (spot.persons() >= 0) {
            persons = spot.persons();
            if (registered != null && registered.persons() != spot.persons()) {
                findings = with(findings, new Finding(spotFile, spot.line(), SPOT_PERSONS.name(), h, spot.county(),
                        spot.village(), FindingType.PERSONS_DIFFER, false, "household " + h + ": " + spot.persons()
                                + " persons verified, " + registered.persons() + " in the register (line "
                                + registered.line() + "); the verified count is used"));
            }
        } else if (registered != null) {
            persons = registered.persons();
        } else {
            findings = with(findings, new Finding(spotFile, spot.line(), SPOT_PERSONS.name(), h, spot.county(),
                    spot.village(), FindingType.BAD_RECORD, true, "household " + h
                            + " is not in the register and its persons are blank, so it cannot be counted;"
                            + " the household is left out"));
            return new Checked(status, -1, findings, null);
        }
        Kind kind = Kind.of(status, spot.qualifies());
        Discrepancy d = kind == Kind.CORRECT ? null : new Discrepancy(h, spot.county(), spot.village(), kind, status,
                spot.qualifies(), persons, spot.line(), registered == null ? 0 : registered.line());
        return new Checked(status, persons, findings, d);
    }

    /** The findings with one more: a list of its own from the first on. */
    private static List<Finding> with(List<Finding> findings, Finding f) {
        List<Finding> more = findings.isEmpty() ? new ArrayList<>(2) : findings;
        more.add(f);
        return more;
    }

    /** Too many spot-checked households (of at least 20) not in the register: ids are probably written differently. */
    public static java.util.Optional<Finding> manyUnregistered(String spotFile, long unregistered, long households) {
        if (households < 20 || unregistered <= 0.1 * households) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(spotFile, 0, HOUSEHOLD.name(), "", "", "", FindingType.MANY_UNREGISTERED,
                false, unregistered + " of " + households + " spot-checked households are not in the register and count"
                        + " as unregistered (missed if they qualify). Check that household ids are written the same"
                        + " way in both files (Excel drops leading zeros from ids stored as numbers) and that the"
                        + " register is complete"));
    }

    /**
     * A sampled village that failed the match gate: its households are left out of every estimate, list and
     * decision (one finding for the village, with the counts and the likely cause).
     */
    public static Finding mismatched(String file, Mismatch m) {
        return new Finding(file, 0, HOUSEHOLD.name(), "", m.county(), m.village(), FindingType.MISMATCHED, true,
                m.explanation() + "; none of its households enters an estimate, a rectification list or a decision,"
                        + " and county " + m.county() + " has no data");
    }

    /** A sampled village without a spot-checked household. */
    public static Finding villageNotChecked(String spotFile, String county, String village) {
        return new Finding(spotFile, 0, "", "", county, village, FindingType.VILLAGE_NOT_CHECKED, false,
                "sampled village " + village + " has no spot-checked household; it counts as a sampled"
                        + " village with no units");
    }

    /** A register household of a sampled village that the spot check did not cover. */
    public static Finding notCovered(String registerFile, RegisterRecord r) {
        return new Finding(registerFile, r.line(), "", r.household(), r.county(), r.village(), FindingType.NOT_COVERED,
                false, "register household " + r.household() + " of sampled village " + r.village()
                        + " was not covered by the spot check; it is not in the estimates");
    }

    /** What the frame and the sample alone show: rounded inclusion probabilities, counties without a sampled village. */
    public static List<Finding> designFindings(Frame frame, Sample sample) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<SampledVillage>> byCounty = sample.byCounty();
        byCounty.forEach((county, villages) -> {
            double srs = (double) villages.size() / frame.villageCount(county);
            double pi = villages.get(0).inclusionProbability();
            boolean allEqual = villages.stream().allMatch(v -> v.inclusionProbability() == pi);
            double gap = Math.abs(pi - srs);
            if (allEqual && gap > 1e-9 && gap <= 1e-3 * srs) {
                findings.add(new Finding("sample", 0, "inclusion_probability", "", county, "", FindingType.PROBABILITY_ROUNDED,
                        false, "every village of county " + county + " has inclusion probability " + pi + ", close to but"
                                + " not n/N = " + villages.size() + "/" + frame.villageCount(county) + " = " + srs
                                + "; it is taken as an unequal-probability design (no finite population correction)."
                                + " Leave the column blank, or give n/N in full precision, for a simple random sample"));
            }
        });
        for (String county : frame.counties()) {
            if (!byCounty.containsKey(county)) {
                findings.add(new Finding("sample", 0, "", "", county, "", FindingType.COUNTY_NOT_SAMPLED, false, "county "
                        + county + " of the frame has no sampled village; it has no estimate and the city row"
                        + " does not cover it"));
            }
        }
        return findings;
    }

    /** The households of the sampled villages by the frame: the size the maps will reach. */
    static int expectedHouseholds(Frame frame, Sample sample) {
        long sum = 0;
        for (SampledVillage v : sample.villages()) {
            sum += frame.village(v.village()).households();
        }
        return (int) Math.min(sum, 50_000_000);
    }

    /**
     * Reads one register record.
     *
     * @throws InputException naming the column when the record is unusable (see {@link #unreadable})
     */
    public static RegisterRecord registerRecord(Row row) {
        String household = row.requireText(HOUSEHOLD);
        String s = row.requireText(STATUS);
        Status status = Status.parse(s);
        if (status == null) {
            throw row.error(STATUS, s, Term.notOneOf(Status.POOR, Status.EXITED, Status.NON_POOR));
        }
        return new RegisterRecord(household, row.requireText(COUNTY), row.requireText(VILLAGE), row.integer(PERSONS, 0),
                status, row.line());
    }

    /**
     * Reads one spot-check record.
     *
     * @throws InputException naming the column when the record is unusable (see {@link #unreadable})
     */
    public static SpotRecord spotRecord(Row row) {
        String household = row.requireText(HOUSEHOLD);
        String county = row.requireText(COUNTY);
        String village = row.requireText(VILLAGE);
        String p = row.text(SPOT_PERSONS);
        int persons = p == null ? -1 : row.integer(SPOT_PERSONS, 0);
        boolean qualifies = row.bool(QUALIFIES);
        return new SpotRecord(household, county, village, persons, qualifies, row.line());
    }

    /** The finding for a record that could not be read: it is left out. */
    public static Finding unreadable(InputException e, Row row) {
        String household = row.text(HOUSEHOLD);
        return new Finding(e.file(), e.line(), e.column() == null ? "" : e.column(), household == null ? "" : household,
                orEmpty(row.text(COUNTY)), orEmpty(row.text(VILLAGE)), FindingType.BAD_RECORD, true,
                e.problem() + "; the record is left out");
    }

    /**
     * A household id seen again: the later record is left out.
     *
     * @param register  whether in the register (else in the spot check)
     * @param firstLine the line of the record that counts
     */
    public static Finding duplicate(String file, long line, String household, String county, String village,
            long firstLine, boolean register) {
        return new Finding(file, line, HOUSEHOLD.name(), household, county, village, FindingType.DUPLICATE, true,
                "household " + household + " appears again in the " + (register ? "register" : "spot check")
                        + " (first on line " + firstLine + "); this record is left out");
    }

    /** A spot-checked household of a village outside the sample: left out. */
    public static Finding notInSample(String spotFile, SpotRecord spot, boolean villageInFrame) {
        return new Finding(spotFile, spot.line(), VILLAGE.name(), spot.household(), spot.county(), spot.village(),
                FindingType.NOT_IN_SAMPLE, true, "village " + spot.village()
                        + (villageInFrame ? " is not in the sample" : " is not in the frame")
                        + "; household " + spot.household() + " is left out");
    }

    /** A spot-check record whose county is not the frame's for its village: the frame's is used. */
    public static Finding countyDiffers(String spotFile, SpotRecord spot, String frameCounty) {
        return new Finding(spotFile, spot.line(), COUNTY.name(), spot.household(), spot.county(), spot.village(),
                FindingType.LOCATION_DIFFERS, false, "county " + spot.county() + " does not match the frame, where village "
                        + spot.village() + " is in county " + frameCounty + "; the frame's county is used");
    }

    private static void readRegisterRow(Row row, Map<String, RegisterRecord> registered, Map<String, Long> unusable,
            List<Finding> findings, java.util.function.UnaryOperator<String> key) {
        RegisterRecord record;
        try {
            record = registerRecord(row);
        } catch (InputException e) {
            if (e.wholeFile()) {
                throw e;
            }
            findings.add(unreadable(e, row));
            String household = row.text(HOUSEHOLD);
            if (household != null && !registered.containsKey(key.apply(household))) {
                unusable.putIfAbsent(key.apply(household), row.line());
            }
            return;
        }
        String household = key.apply(record.household());
        RegisterRecord first = registered.get(household);
        Long firstLine = first != null ? Long.valueOf(first.line()) : unusable.get(household);
        if (firstLine != null) {
            findings.add(duplicate(row.file(), row.line(), record.household(), record.county(), record.village(),
                    firstLine, true));
            return;
        }
        registered.put(household, record);
    }

    /**
     * A read on a thread of its own, or done at once when it must not run beside the other read (the same source) or
     * the machine has one core.
     */
    private static <T> CompletableFuture<T> alongside(boolean apart, Supplier<T> read) {
        if (!apart || Runtime.getRuntime().availableProcessors() < 2) {
            return CompletableFuture.completedFuture(read.get()); // a failure is thrown here, before the other read
        }
        return CompletableFuture.supplyAsync(read, task -> {
            Thread t = new Thread(task, "lookback-spot-check");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The read's result, or its own exception (not wrapped). */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static Map<String, Spot> readSpotCheck(Frame frame, Sample sample, TabularSource source,
            List<Finding> findings, java.util.function.UnaryOperator<String> key) {
        Map<String, Spot> spots = new LinkedHashMap<>(expectedHouseholds(frame, sample) * 4 / 3 + 16);
        String file = source.name();
        source.read(SPOT_COLUMNS, row -> {
            SpotRecord spot;
            try {
                spot = spotRecord(row);
            } catch (InputException e) {
                if (e.wholeFile()) {
                    throw e;
                }
                findings.add(unreadable(e, row));
                return;
            }
            Spot first = spots.get(key.apply(spot.household()));
            if (first != null) {
                findings.add(duplicate(file, spot.line(), spot.household(), spot.county(), spot.village(),
                        first.record.line(), false));
                return;
            }
            if (!sample.contains(spot.village())) {
                findings.add(notInSample(file, spot, frame.village(spot.village()) != null));
                return;
            }
            String frameCounty = sample.village(spot.village()).county();
            if (!frameCounty.equals(spot.county())) {
                findings.add(countyDiffers(file, spot, frameCounty));
                spot = spot.inCounty(frameCounty);
            }
            spots.put(key.apply(spot.household()), new Spot(spot));
        });
        return spots;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
