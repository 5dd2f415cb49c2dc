package dev.lookback.check;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.vocabulary.FindingType;
import dev.lookback.vocabulary.Kind;
import java.util.List;

/**
 * What the cross-check found: per-village tallies (in sample order), the discrepancies (the
 * rectification list), and every data-quality finding.
 *
 * @param frame            the frame the sample was drawn from
 * @param sample           the sample
 * @param tallies          one tally per sampled village, in sample order
 * @param discrepancies    every household that is not {@link Kind#CORRECT}, by county, village, household
 * @param findings         every data-quality finding, by file and line
 * @param registerRecords  records read from the register
 * @param spotChecked      spot-checked households accepted
 * @param matches          how the two files overlap in each sampled village, in sample order (empty when the
 *                         counting engine gave none)
 */
public record CrossCheckResult(Frame frame, Sample sample, List<VillageTally> tallies, List<Discrepancy> discrepancies,
        List<Finding> findings, long registerRecords, long spotChecked, List<VillageMatch> matches) {

    public CrossCheckResult {
        tallies = List.copyOf(tallies);
        discrepancies = List.copyOf(discrepancies);
        findings = List.copyOf(findings);
        matches = List.copyOf(matches);
    }

    /** A result without match counts (the lists of an engine that counted the tallies). */
    public CrossCheckResult(Frame frame, Sample sample, List<VillageTally> tallies, List<Discrepancy> discrepancies,
            List<Finding> findings, long registerRecords, long spotChecked) {
        this(frame, sample, tallies, discrepancies, findings, registerRecords, spotChecked, List.of());
    }

    /**
     * The result with the households of some villages set aside (the match gate's mismatched villages): their
     * discrepancies leave the rectification list and their findings give way to {@code replacing}, one finding per
     * village; the tallies and match counts stay, for inspection.
     */
    public CrossCheckResult without(java.util.Set<String> villages, List<Finding> replacing) {
        List<Finding> kept = new java.util.ArrayList<>();
        for (Finding f : findings) {
            if (!(villages.contains(f.village()) && f.type() == FindingType.NOT_COVERED)) {
                kept.add(f);
            }
        }
        kept.addAll(replacing);
        kept.sort(CrossCheck.ORDER);
        return new CrossCheckResult(frame, sample, tallies, discrepancies.stream()
                .filter(d -> !villages.contains(d.village())).toList(), kept, registerRecords, spotChecked, matches);
    }

    /**
     * Whether this is the result of a review of tallies (no household read here): its findings, if any, are the
     * counting engine's, which judged whether its records were usable (the Spark job says so and exits 2).
     */
    public boolean fromTallies() {
        return tallies.isEmpty() && spotChecked == 0 && registerRecords == 0;
    }

    /** How many findings left a record out of the estimates (a mismatched village's finding is not a record's). */
    public long recordsLeftOut() {
        return findings.stream().filter(LeftOutCount::ofRecord).count();
    }

    /**
     * The biggest group of records left out for one reason (one file, one finding type).
     *
     * @param file    the file the records came from
     * @param type    the reason
     * @param count   records left out for it
     * @param leftOut records left out for any reason
     * @param kept    spot-checked households the estimates rest on
     * @param example the first such finding
     */
    public record LeftOut(String file, FindingType type, long count, long leftOut, long kept, Finding example) {
    }

    /**
     * When more records were left out than kept, the review is not usable: the reason most of them share (its
     * first finding as an example), so that one line can say what to fix; empty otherwise.
     */
    public java.util.Optional<LeftOut> mostlyLeftOut() {
        if (fromTallies()) {
            return java.util.Optional.empty();
        }
        LeftOutCount count = new LeftOutCount();
        findings.forEach(count::add);
        return count.mostlyLeftOut(spotChecked);
    }

    /**
     * Counts the findings that left a record out, by file and reason, as they pass (for a writer that streams them,
     * as the Spark job does), to say whether more records were left out than kept.
     */
    public static final class LeftOutCount {
        private final java.util.Map<String, long[]> groups = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, Finding> examples = new java.util.HashMap<>();
        private long leftOut;

        /** Whether a finding left one record out (a mismatched village's finding sets aside a village, not a record). */
        static boolean ofRecord(Finding f) {
            return f.leftOut() && f.type() != FindingType.MISMATCHED;
        }

        /** Counts a finding (those that left no record out are passed over). */
        public void add(Finding f) {
            if (ofRecord(f)) {
                leftOut++;
                String group = f.file() + "\u0000" + f.type();
                groups.computeIfAbsent(group, k -> new long[1])[0]++;
                examples.putIfAbsent(group, f);
            }
        }

        /** Records left out so far. */
        public long leftOut() {
            return leftOut;
        }

        /**
         * When more records were left out than {@code kept}, the reason most of them share (the first such group on a
         * tie) with its first finding as an example; empty otherwise.
         */
        public java.util.Optional<LeftOut> mostlyLeftOut(long kept) {
            if (leftOut == 0 || leftOut <= kept) {
                return java.util.Optional.empty();
            }
            String biggest = null;
            for (java.util.Map.Entry<String, long[]> g : groups.entrySet()) {
                if (biggest == null || g.getValue()[0] > groups.get(biggest)[0]) {
                    biggest = g.getKey();
                }
            }
            Finding first = examples.get(biggest);
            return java.util.Optional.of(new LeftOut(first.file(), first.type(), groups.get(biggest)[0], leftOut, kept,
                    first));
        }
    }

    @Override
    public String toString() {
        return String.format("Cross-check: %d households spot-checked in %d villages, %d register records read;"
                + " %d discrepancies, %d data-quality findings (%d records left out)", spotChecked, tallies.size(),
                registerRecords, discrepancies.size(), findings.size(), recordsLeftOut());
    }
}
