package dev.lookback.funds;

import dev.lookback.decide.Decision;
import dev.lookback.decide.Decisions;
import dev.lookback.decide.Leaders;
import dev.lookback.decide.Measurement;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.DecisionText;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.FundMeasure;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fund rule: misused share and overdue or unstarted projects per county, against materiality. */
class FundChecksTest {
    static List<FundChecks.Check> read(String text) {
        return FundChecks.read(TabularSource.csv("fund_checks.csv",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    static final String CHECKS = "项目,县,金额,违规金额,计划完工,实际完工,是否开工\n"
            + "P1,C01,100000,2000,2026-03-31,2026-03-20,是\n"   // misused 2%: 2000 of 150000 audited = 1.33%
            + "P2,C01,50000,0,2026-03-31,,是\n"                 // unfinished past its date: overdue as of May
            + "P3,C02,80000,0,2026-02-28,2026-04-15,是\n"       // finished late
            + "P4,C02,60000,0,2026-06-30,,否\n"                 // not started
            + "P5,C03,90000,0,2026-06-30,,是\n";                // on time so far

    @Test
    void sharesPerCountyAndTheRule() {
        List<FundChecks.CountyFunds> counties = FundChecks.byCounty(read(CHECKS), LocalDate.of(2026, 5, 1));
        assertEquals(2000.0 / 150000, counties.get(0).misusedShare(), 1e-15);
        assertEquals(0.5, counties.get(0).overdueShare(), 0);
        assertEquals(1.0, counties.get(1).overdueShare(), 0);
        assertEquals(0.0, counties.get(2).overdueShare(), 0);
        // without an as-of date an unfinished project is not yet overdue
        assertEquals(0.0, FundChecks.byCounty(read(CHECKS), null).get(0).overdueShare(), 0);
        Leaders leaders = Leaders.of(List.of(new Leaders.Leader("C01", Role.GOVERNMENT_HEAD, "李一")));
        List<Decision> d = Decisions.decide(counties.stream().flatMap(c -> java.util.Arrays.stream(FundMeasure.values()).map(m -> Measurement.of(c, m, IntervalMethod.KORN_GRAUBARD, 0.95))).toList(), leaders, Map.of(Line.MATERIALITY, 0.01), DecisionPolicy.POINT);
        assertEquals(6, d.size());
        assertTrue(d.get(0).triggered(), "1.33% ≥ 1%");
        assertEquals(List.of("李一"), d.get(0).names());
        assertFalse(d.get(0).fragile(), "a full check has no sampling error");
        assertFalse(d.get(2).triggered());
        assertTrue(d.get(3).triggered());
        assertTrue(DecisionText.bilingual(d.get(4)).contains("leaders.csv lists no government head for C03"), DecisionText.bilingual(d.get(4)));
        // a tie at materiality triggers
        List<FundChecks.CountyFunds> tie = List.of(new FundChecks.CountyFunds("C09", 100000, 1000, 10, 0));
        assertTrue(Decisions.decide(tie.stream().flatMap(c -> java.util.Arrays.stream(FundMeasure.values()).map(m -> Measurement.of(c, m, IntervalMethod.KORN_GRAUBARD, 0.95))).toList(), leaders, Map.of(Line.MATERIALITY, 0.01), DecisionPolicy.POINT).get(0).triggered());
    }

    @Test
    void badDatesAndAmountsSayWhere() {
        InputException e = Assertions.assertThrows(InputException.class,
                () -> read("project,county,amount,planned_finish\nP1,C01,100,31/05/2026\n"));
        assertEquals("fund_checks.csv line 2, column planned_finish: \"31/05/2026\" is not a date like 2026-05-31 (or 2026/5/31, 2026年5月31日)",
                e.getMessage());
        InputException m = Assertions.assertThrows(InputException.class,
                () -> read("project,county,amount,audited_misused\nP1,C01,100,200\n"));
        assertEquals("fund_checks.csv line 2, column audited_misused: \"200\" is more than the amount 100.0", m.getMessage());
    }
}
