package dev.lookback.check;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
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
 */
public record CrossCheckResult(Frame frame, Sample sample, List<VillageTally> tallies, List<Discrepancy> discrepancies,
        List<Finding> findings, long registerRecords, long spotChecked) {

    public CrossCheckResult {
        tallies = List.copyOf(tallies);
        discrepancies = List.copyOf(discrepancies);
        findings = List.copyOf(findings);
    }

    /** How many findings left a record out of the estimates. */
    public long recordsLeftOut() {
        return findings.stream().filter(Finding::leftOut).count();
    }

    @Override
    public String toString() {
        return String.format("Cross-check: %d households spot-checked in %d villages, %d register records read;"
                + " %d discrepancies, %d data-quality findings (%d records left out)", spotChecked, tallies.size(),
                registerRecords, discrepancies.size(), findings.size(), recordsLeftOut());
    }
}
