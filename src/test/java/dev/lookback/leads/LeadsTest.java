package dev.lookback.leads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.Review;
import dev.lookback.ReviewResult;
import dev.lookback.frame.Frame;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.ReviewFiles;
import dev.lookback.vocabulary.Allegation;
import dev.lookback.vocabulary.Channel;
import dev.lookback.vocabulary.LeadStatus;
import dev.lookback.vocabulary.LeadSubject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports from the public: read with their words and dates checked, summarised, and never in a rate. */
class LeadsTest {
    static final Path SRS = Path.of("src/test/resources/reference/srs");
    static final String HEADER = "线索编号,受理日期,来源,县,村,对象,对象编号,反映问题,核实结果,核实日期\n";

    static Frame frame() {
        return Frame.read(TabularSource.of(SRS.resolve("villages.csv")));
    }

    static List<Leads.Lead> read(String body) {
        return Leads.read(TabularSource.csv("reports.csv", new ByteArrayInputStream((HEADER + body)
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), frame());
    }

    @Test
    void leadsAreReadWithTheirWordsAndDates() {
        List<Leads.Lead> leads = read("R1,2026/5/1,热线,C01,C01-V000,户,H0000002,漏评,属实,2026年5月9日\n"
                + "R2,2026-05-02,网上,C01,,扶贫项目,P9,挤占挪用,部分属实,2026-05-20\n"
                + "R3,2026-04-01,来信,C02,,干部,K1,帮扶不到位,未核实,\n");
        assertEquals(3, leads.size());
        Leads.Lead a = leads.get(0);
        assertEquals(LocalDate.of(2026, 5, 1), a.received());
        assertEquals(Channel.PHONE, a.channel());
        assertEquals(LeadSubject.HOUSEHOLD, a.subject());
        assertEquals(Allegation.MISSED, a.allegation());
        assertEquals(LeadStatus.CONFIRMED, a.status());
        assertEquals(LocalDate.of(2026, 5, 9), a.verifiedOn());
        assertEquals(Allegation.FUNDS, leads.get(1).allegation());
        assertTrue(leads.get(2).overdue(LocalDate.of(2026, 4, 30), 15));
        assertTrue(!leads.get(2).overdue(LocalDate.of(2026, 4, 10), 15));
        assertEquals(1, Leads.summary(leads).get("C01").get(Allegation.MISSED).get(LeadStatus.CONFIRMED));
    }

    @Test
    void badRecordsAreNamedWithTheirPlace() {
        String[][] cases = {
            {"R1,2026-05-01,电话,C01,,农户,H1,漏评,可能,2026-05-02\n", "line 2, column 核实结果: \"可能\" is not one of"},
            {"R1,5/1,电话,C01,,农户,H1,漏评,属实,2026-05-02\n", "line 2, column 受理日期: \"5/1\" is not a date"},
            {"R1,2026-05-03,电话,C01,,农户,H1,漏评,属实,2026-05-02\n", "column 核实日期: \"2026-05-02\" is before the report"},
            {"R1,2026-05-01,电话,C01,,农户,H1,漏评,待核实,2026-05-02\n", "a pending lead has no verification date"},
            {"R1,2026-05-01,电话,C01,,农户,H1,漏评,属实,\n", "needs the date it was verified"},
            {"R1,2026-05-01,电话,C99,,农户,H1,漏评,待核实,\n", "column 县: \"C99\" is not a county of the frame"},
            {"R1,2026-05-01,电话,C01,,农户,H1,漏评,待核实,\nR1,2026-05-01,电话,C01,,农户,H2,漏评,待核实,\n",
                "line 3, column 线索编号: \"R1\" is given twice"},
            {"R1,2026-05-01,电报,C01,,农户,H1,漏评,待核实,\n", "column 来源: \"电报\" is not one of"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> read(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().startsWith("reports.csv line "), e.getMessage());
        }
    }

    @Test
    void leadsChangeNoRateAndNoDecision(@TempDir Path dir) throws Exception {
        Path leaders = dir.resolve("leaders.csv");
        Files.writeString(leaders, "county,role,name\nC01,党委书记,王一\nC01,县长,李一\nC02,党委书记,王二\n");
        Path reports = dir.resolve("reports.csv");
        Files.writeString(reports, HEADER + "R1,2026-05-01,电话,C01,C01-V000,农户,H0000002,漏评,属实,2026-05-09\n"
                + "R2,2026-05-01,电话,C02,,项目,P1,资金问题,属实,2026-05-09\n");
        Review base = Review.of(SRS.resolve("villages.csv"), SRS.resolve("sample.csv"), SRS.resolve("self_check.csv"),
                SRS.resolve("spot_check.csv")).leaders(TabularSource.of(leaders));
        ReviewResult without = base.run();
        ReviewResult with = base.reports(TabularSource.of(reports), 15).run();
        ReviewFiles.write(without, dir.resolve("without"));
        ReviewFiles.write(with, dir.resolve("with"));
        for (String f : List.of("estimates.csv", "estimate_notes.csv", "decisions.csv", "discrepancies.csv", "tallies.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("without").resolve(f)), Files.readAllBytes(dir.resolve("with")
                    .resolve(f)), f + " is the same with and without the reports");
        }
        // the confirmed household lead joins C01's rectification list; the project lead is referred
        assertTrue(Files.readString(dir.resolve("with/rectification/C01.csv")).contains("report,H0000002,C01-V000,漏评"));
        assertEquals(List.of("county,report,subject,subject_id,allegation,status,verified_on",
                "C02,R2,project,P1,funds,CONFIRMED,2026-05-09"), Files.readAllLines(dir.resolve("with/lead_referrals.csv")));
        // the lead names a household of a sampled village: the spot check's verdict stands beside it
        List<String> detail = Files.readAllLines(dir.resolve("with/leads.csv"));
        assertTrue(detail.get(1).startsWith("R1,2026-05-01,phone,C01,C01-V000,household,H0000002,missed,CONFIRMED,"
                + "2026-05-09,false,"), detail.get(1));
        assertEquals(List.of("county,allegation,status,count", "C01,missed,CONFIRMED,1", "C02,funds,CONFIRMED,1"),
                Files.readAllLines(dir.resolve("with/reports_summary.csv")));
    }
}
