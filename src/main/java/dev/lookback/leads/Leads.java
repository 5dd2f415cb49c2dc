package dev.lookback.leads;

import static dev.lookback.io.Columns.ALLEGATION;
import static dev.lookback.io.Columns.CHANNEL;
import static dev.lookback.io.Columns.COUNTY;
import static dev.lookback.io.Columns.LEAD_STATUS;
import static dev.lookback.io.Columns.RECEIVED;
import static dev.lookback.io.Columns.REPORT;
import static dev.lookback.io.Columns.SUBJECT;
import static dev.lookback.io.Columns.SUBJECT_ID;
import static dev.lookback.io.Columns.VERIFIED_ON;

import dev.lookback.check.Discrepancy;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.io.Column;
import dev.lookback.io.Row;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.Allegation;
import dev.lookback.vocabulary.Channel;
import dev.lookback.vocabulary.Kind;
import dev.lookback.vocabulary.LeadStatus;
import dev.lookback.vocabulary.LeadSubject;
import dev.lookback.vocabulary.Term;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reports from the public (群众举报) — the plan's third channel of evidence, "全程接受社会监督": leads, each
 * verified or not yet. A lead is a targeted, non-random observation: it never enters a rate or a decision; a
 * confirmed lead is a finding to act on (the county's rectification list, or a referral to the discipline
 * inspection organs), and a lead about a spot-checked household is set beside the spot check's verdict.
 */
public final class Leads {
    private Leads() {
    }

    /** reports.csv's village: optional, a report may name only the county. */
    static final Column LEAD_VILLAGE = dev.lookback.io.Columns.VILLAGE.asOptional();

    /** The columns of reports.csv. */
    static final List<Column> COLUMNS = List.of(REPORT, RECEIVED, CHANNEL, COUNTY, LEAD_VILLAGE, SUBJECT, SUBJECT_ID,
            ALLEGATION, LEAD_STATUS, VERIFIED_ON);

    /**
     * One report.
     *
     * @param report     its number (线索编号)
     * @param received   the date it was received
     * @param channel    how it came in
     * @param county     the county
     * @param village    the village, or empty
     * @param subject    what it is about
     * @param subjectId  the household, cadre or project it names
     * @param allegation what it alleges
     * @param status     where its verification stands
     * @param verifiedOn when it was verified (null while pending)
     * @param line       its line in the file
     */
    public record Lead(String report, LocalDate received, Channel channel, String county, String village,
            LeadSubject subject, String subjectId, Allegation allegation, LeadStatus status, LocalDate verifiedOn,
            long line) {

        /** Whether it is still pending after {@code days} days as of {@code asOf} (false without a date). */
        public boolean overdue(LocalDate asOf, int days) {
            return status == LeadStatus.PENDING && asOf != null && ChronoUnit.DAYS.between(received, asOf) > days;
        }
    }

    /**
     * Reads reports.csv; every record is checked and a bad one stops the reading with its file, line and column
     * (an unknown word, a date that is not one, a verification before the report, a county not in the frame, a
     * confirmed or unfounded lead without its verification date, a pending one with one, a number twice).
     */
    public static List<Lead> read(TabularSource source, Frame frame) {
        List<Lead> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        source.read(COLUMNS, row -> {
            String report = row.requireText(REPORT);
            Long before = seen.putIfAbsent(report, row.line());
            if (before != null) {
                throw row.error(REPORT, report, "is given twice (first on line " + before + ")");
            }
            LocalDate received = row.date(RECEIVED);
            if (received == null) {
                throw row.error(RECEIVED, "", "a report needs the date it was received");
            }
            Channel channel = word(row, CHANNEL, Channel.parse(orEmpty(row.text(CHANNEL))), Channel.values());
            String county = row.requireText(COUNTY);
            if (!frame.counties().contains(county)) {
                throw row.error(COUNTY, county, "is not a county of the frame");
            }
            LeadSubject subject = word(row, SUBJECT, LeadSubject.parse(orEmpty(row.text(SUBJECT))), LeadSubject.values());
            Allegation allegation = word(row, ALLEGATION, Allegation.parse(orEmpty(row.text(ALLEGATION))),
                    Allegation.values());
            LeadStatus status = word(row, LEAD_STATUS, LeadStatus.parse(orEmpty(row.text(LEAD_STATUS))),
                    LeadStatus.values());
            LocalDate verified = row.date(VERIFIED_ON);
            if (status == LeadStatus.PENDING && verified != null) {
                throw row.error(VERIFIED_ON, verified.toString(), "a pending lead has no verification date; give its"
                        + " result in status, or leave the date blank");
            }
            if (status != LeadStatus.PENDING && verified == null) {
                throw row.error(VERIFIED_ON, "", "a lead found " + status.english() + " needs the date it was verified");
            }
            if (verified != null && verified.isBefore(received)) {
                throw row.error(VERIFIED_ON, verified.toString(), "is before the report was received (" + received + ")");
            }
            String village = orEmpty(row.text(LEAD_VILLAGE));
            if (!village.isEmpty() && (frame.village(village) == null || !frame.village(village).county().equals(county))) {
                throw row.error(LEAD_VILLAGE, village, "is not a village of county " + county + " in the frame");
            }
            out.add(new Lead(report, received, channel, county, village, subject, row.requireText(SUBJECT_ID),
                    allegation, status, verified, row.line()));
        });
        return out;
    }

    private static <T extends Term> T word(Row row, Column c, T parsed, T[] all) {
        if (parsed == null) {
            throw row.error(c, orEmpty(row.text(c)), Term.notOneOf(all));
        }
        return parsed;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * What the spot check found of the household a lead names, when the lead names a sampled village (every
     * household of a sampled village is checked): its verdict — a discrepancy's kind, or correct — to set beside the
     * allegation; empty when the village was not sampled (or not named) or the lead is not about a household's
     * status.
     *
     * @param discrepancies the spot check's discrepancies by household
     */
    public static Optional<Kind> spotCheckVerdict(Lead lead, Map<String, Discrepancy> discrepancies, Sample sample) {
        if (lead.subject() != LeadSubject.HOUSEHOLD || lead.allegation().verdict().isEmpty() || lead.village().isEmpty()
                || !sample.contains(lead.village())) {
            return Optional.empty();
        }
        Discrepancy d = discrepancies.get(lead.subjectId());
        return Optional.of(d == null ? Kind.CORRECT : d.kind());
    }

    /**
     * Counts per county, allegation and status: the rows of reports_summary.csv, counties, allegations and
     * statuses in order.
     */
    public static Map<String, Map<Allegation, Map<LeadStatus, Integer>>> summary(List<Lead> leads) {
        Map<String, Map<Allegation, Map<LeadStatus, Integer>>> out = new TreeMap<>();
        for (Lead l : leads) {
            out.computeIfAbsent(l.county(), k -> new TreeMap<>()).computeIfAbsent(l.allegation(), k -> new TreeMap<>())
                    .merge(l.status(), 1, Integer::sum);
        }
        return out;
    }
}
