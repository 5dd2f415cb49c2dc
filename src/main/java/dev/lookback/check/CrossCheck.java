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
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.Status;
import dev.lookback.vocabulary.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final List<Column> REGISTER_COLUMNS = List.of(HOUSEHOLD, COUNTY, VILLAGE, PERSONS, STATUS);
    private static final List<Column> SPOT_COLUMNS = List.of(HOUSEHOLD, COUNTY, VILLAGE, SPOT_PERSONS, QUALIFIES);

    private CrossCheck() {
    }

    /** A spot-checked household, and its register record once found. */
    private static final class Spot {
        final String household;
        final String county;
        final String village;
        final int persons; // −1: blank
        final boolean qualifies;
        final long line;
        Status status = Status.UNREGISTERED;
        long registerLine;
        int registerPersons = -1;
        String registerCounty;
        String registerVillage;
        String registerProblem;

        /** Takes the household's register record. */
        void bind(Registered r) {
            r.matched = true;
            status = r.status;
            registerLine = r.line;
            registerPersons = r.persons;
            registerCounty = r.county;
            registerVillage = r.village;
        }

        Spot(String household, String county, String village, int persons, boolean qualifies, long line) {
            this.household = household;
            this.county = county;
            this.village = village;
            this.persons = persons;
            this.qualifies = qualifies;
            this.line = line;
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
        List<Finding> findings = new ArrayList<>();
        Map<String, Spot> spots = readSpotCheck(frame, sample, spotCheck, findings);
        String registerFile = register.name();
        Set<String> sampled = new HashSet<>();
        for (SampledVillage v : sample.villages()) {
            sampled.add(v.village());
        }
        // First pass: the register households of the sampled villages; of the others only a hash of
        // the household id is kept, to find spot-checked households registered elsewhere.
        KeyFilter inSample = KeyFilter.in(VILLAGE, sampled).hashingRejected(HOUSEHOLD);
        int expected = expectedHouseholds(frame, sample);
        Map<String, Registered> registered = new HashMap<>(expected * 4 / 3 + 16);
        Map<String, Long> unusable = new HashMap<>();
        long registerRows = register.read(REGISTER_COLUMNS, inSample,
                row -> readRegisterRow(row, registerFile, registered, unusable, findings));
        List<Spot> unmatched = new ArrayList<>();
        for (Spot spot : spots.values()) {
            Registered r = registered.get(spot.household);
            if (r != null) {
                spot.bind(r);
            } else if (unusable.containsKey(spot.household)) {
                spot.registerProblem = "its register record (" + registerFile + " line " + unusable.get(spot.household)
                        + ") is unusable";
            } else {
                unmatched.add(spot);
            }
        }
        List<String> unmatchedIds = new ArrayList<>(unmatched.size());
        for (Spot spot : unmatched) {
            unmatchedIds.add(spot.household);
        }
        Set<String> elsewhere = inSample.mayHaveRejected(unmatchedIds);
        if (!elsewhere.isEmpty()) { // second pass, for those households only
            register.read(REGISTER_COLUMNS, KeyFilter.in(HOUSEHOLD, elsewhere), row -> {
                if (elsewhere.contains(row.text(HOUSEHOLD))) {
                    readRegisterRow(row, registerFile, registered, unusable, findings);
                }
            });
            for (Spot spot : unmatched) {
                Registered r = registered.get(spot.household);
                if (r != null) {
                    spot.bind(r);
                } else if (unusable.containsKey(spot.household)) {
                    spot.registerProblem = "its register record (" + registerFile + " line "
                            + unusable.get(spot.household) + ") is unusable";
                }
            }
        }
        List<Registered> notCovered = new ArrayList<>();
        for (Registered r : registered.values()) {
            if (!r.matched && sampled.contains(r.village)) {
                notCovered.add(r);
            }
        }
        notCovered.sort(Comparator.comparingLong(r -> r.line));
        for (Registered r : notCovered) {
            findings.add(new Finding(registerFile, r.line, "", r.household, r.county, r.village, FindingType.NOT_COVERED, false,
                    "register household " + r.household + " of sampled village " + r.village
                            + " was not covered by the spot check; it is not in the estimates"));
        }

        Map<String, VillageTally> tallies = new LinkedHashMap<>();
        for (SampledVillage v : sample.villages()) {
            tallies.put(v.village(), new VillageTally(v.county(), v.village()));
        }
        List<Discrepancy> discrepancies = new ArrayList<>();
        String spotFile = spotCheck.name();
        long unregistered = 0;
        for (Spot s : spots.values()) {
            if (s.status == Status.UNREGISTERED) {
                unregistered++;
            }
            if (s.registerProblem != null) {
                findings.add(new Finding(spotFile, s.line, "", s.household, s.county, s.village, FindingType.BAD_RECORD, true,
                        "household " + s.household + ": " + s.registerProblem + "; the household is left out"));
                continue;
            }
            if (s.status != Status.UNREGISTERED
                    && (!s.registerVillage.equals(s.village) || !s.registerCounty.equals(s.county))) {
                findings.add(new Finding(spotFile, s.line, VILLAGE.name(), s.household, s.county, s.village,
                        FindingType.LOCATION_DIFFERS, false, "household " + s.household + " was checked in " + s.county + " "
                                + s.village + " but the register (line " + s.registerLine + ") has it in "
                                + s.registerCounty + " " + s.registerVillage + "; it is counted where it was checked"));
            }
            int persons;
            if (s.persons >= 0) {
                persons = s.persons;
                if (s.registerPersons >= 0 && s.registerPersons != s.persons) {
                    findings.add(new Finding(spotFile, s.line, SPOT_PERSONS.name(), s.household, s.county, s.village,
                            FindingType.PERSONS_DIFFER, false, "household " + s.household + ": " + s.persons
                                    + " persons verified, " + s.registerPersons + " in the register (line "
                                    + s.registerLine + "); the verified count is used"));
                }
            } else if (s.registerPersons >= 0) {
                persons = s.registerPersons;
            } else {
                findings.add(new Finding(spotFile, s.line, SPOT_PERSONS.name(), s.household, s.county, s.village,
                        FindingType.BAD_RECORD, true, "household " + s.household
                                + " is not in the register and its persons are blank, so it cannot be counted;"
                                + " the household is left out"));
                continue;
            }
            tallies.get(s.village).add(s.status, s.qualifies, persons);
            Kind kind = Kind.of(s.status, s.qualifies);
            if (kind != Kind.CORRECT) {
                discrepancies.add(new Discrepancy(s.household, s.county, s.village, kind, s.status, s.qualifies, persons,
                        s.line, s.registerLine));
            }
        }
        if (spots.size() >= 20 && unregistered > 0.1 * spots.size()) {
            findings.add(new Finding(spotFile, 0, HOUSEHOLD.name(), "", "", "", FindingType.MANY_UNREGISTERED, false,
                    unregistered + " of " + spots.size() + " spot-checked households are not in the register and count"
                            + " as unregistered (missed if they qualify). Check that household ids are written the same"
                            + " way in both files (Excel drops leading zeros from ids stored as numbers) and that the"
                            + " register is complete"));
        }
        for (VillageTally t : tallies.values()) {
            if (t.householdsChecked() == 0) {
                findings.add(new Finding(spotFile, 0, "", "", t.county(), t.village(), FindingType.VILLAGE_NOT_CHECKED, false,
                        "sampled village " + t.village() + " has no spot-checked household; it counts as a sampled"
                                + " village with no units"));
            }
        }
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
        findings.sort(Comparator.comparing(Finding::file).thenComparingLong(Finding::line));
        discrepancies.sort(Comparator.comparing(Discrepancy::county).thenComparing(Discrepancy::village)
                .thenComparing(Discrepancy::household));
        return new CrossCheckResult(frame, sample, List.copyOf(tallies.values()), discrepancies, findings,
                registerRows, spots.size());
    }

    /** The households of the sampled villages by the frame: the size the maps will reach. */
    static int expectedHouseholds(Frame frame, Sample sample) {
        long sum = 0;
        for (SampledVillage v : sample.villages()) {
            sum += frame.village(v.village()).households();
        }
        return (int) Math.min(sum, 50_000_000);
    }

    /** A usable register record of a household that takes part in the review. */
    private static final class Registered {
        final String household;
        final String county;
        final String village;
        final int persons;
        final Status status;
        final long line;
        boolean matched;

        Registered(String household, String county, String village, int persons, Status status, long line) {
            this.household = household;
            this.county = county;
            this.village = village;
            this.persons = persons;
            this.status = status;
            this.line = line;
        }
    }

    private static void readRegisterRow(Row row, String registerFile, Map<String, Registered> registered,
            Map<String, Long> unusable, List<Finding> findings) {
        String household = row.text(HOUSEHOLD);
        Registered record;
        try {
            household = row.requireText(HOUSEHOLD);
            String s = row.requireText(STATUS);
            Status status = Status.parse(s);
            if (status == null) {
                throw row.error(STATUS, s, Term.notOneOf(Status.POOR, Status.EXITED, Status.NON_POOR));
            }
            record = new Registered(household, row.requireText(COUNTY), row.requireText(VILLAGE),
                    row.integer(PERSONS, 0), status, row.line());
        } catch (InputException e) {
            if (e.wholeFile()) {
                throw e;
            }
            findings.add(finding(e, household, row, FindingType.BAD_RECORD, true, e.problem() + "; the record is left out"));
            if (household != null && !registered.containsKey(household)) {
                unusable.putIfAbsent(household, row.line());
            }
            return;
        }
        Registered first = registered.get(household);
        Long firstLine = first != null ? Long.valueOf(first.line) : unusable.get(household);
        if (firstLine != null) {
            findings.add(new Finding(registerFile, row.line(), HOUSEHOLD.name(), household, record.county, record.village,
                    FindingType.DUPLICATE, true, "household " + household + " appears again in the register (first on line "
                            + firstLine + "); this record is left out"));
            return;
        }
        registered.put(household, record);
    }

    private static Map<String, Spot> readSpotCheck(Frame frame, Sample sample, TabularSource source,
            List<Finding> findings) {
        Map<String, Spot> spots = new LinkedHashMap<>(expectedHouseholds(frame, sample) * 4 / 3 + 16);
        String file = source.name();
        source.read(SPOT_COLUMNS, row -> {
            Spot spot;
            try {
                String household = row.requireText(HOUSEHOLD);
                String county = row.requireText(COUNTY);
                String village = row.requireText(VILLAGE);
                String p = row.text(SPOT_PERSONS);
                int persons = p == null ? -1 : row.integer(SPOT_PERSONS, 0);
                boolean qualifies = row.bool(QUALIFIES);
                spot = new Spot(household, county, village, persons, qualifies, row.line());
            } catch (InputException e) {
                if (e.wholeFile()) {
                    throw e;
                }
                findings.add(finding(e, row.text(HOUSEHOLD), row, FindingType.BAD_RECORD, true,
                        e.problem() + "; the record is left out"));
                return;
            }
            Spot first = spots.get(spot.household);
            if (first != null) {
                findings.add(new Finding(file, row.line(), HOUSEHOLD.name(), spot.household, spot.county, spot.village,
                        FindingType.DUPLICATE, true, "household " + spot.household + " appears again in the spot check (first on line "
                                + first.line + "); this record is left out"));
                return;
            }
            if (!sample.contains(spot.village)) {
                Village v = frame.village(spot.village);
                findings.add(new Finding(file, row.line(), VILLAGE.name(), spot.household, spot.county, spot.village,
                        FindingType.NOT_IN_SAMPLE, true, "village " + spot.village
                                + (v == null ? " is not in the frame" : " is not in the sample")
                                + "; household " + spot.household + " is left out"));
                return;
            }
            String frameCounty = sample.village(spot.village).county();
            if (!frameCounty.equals(spot.county)) {
                findings.add(new Finding(file, row.line(), COUNTY.name(), spot.household, spot.county, spot.village,
                        FindingType.LOCATION_DIFFERS, false, "county " + spot.county + " does not match the frame, where village "
                                + spot.village + " is in county " + frameCounty + "; the frame's county is used"));
                spot = new Spot(spot.household, frameCounty, spot.village, spot.persons, spot.qualifies, spot.line);
            }
            spots.put(spot.household, spot);
        });
        return spots;
    }

    private static Finding finding(InputException e, String household, Row row, FindingType type, boolean leftOut,
            String message) {
        return new Finding(e.file(), e.line(), e.column() == null ? "" : e.column(), household == null ? "" : household,
                orEmpty(row.text(COUNTY)), orEmpty(row.text(VILLAGE)), type, leftOut, message);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
