package dev.lookback.decide;

import dev.lookback.rates.ErrorRate;
import dev.lookback.report.DecisionText;
import dev.lookback.survey.EstimateStatus;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.survey.RatioEstimate;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Outcome;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Role;
import dev.lookback.vocabulary.Unit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identification/exit rule on constructed estimates whose outcomes are known by hand. */
class DecisionsTest {
    static final Leaders LEADERS = Leaders.of(List.of(new Leaders.Leader("C1", Role.PARTY_SECRETARY, "王一"),
            new Leaders.Leader("C1", Role.GOVERNMENT_HEAD, "李一"), new Leaders.Leader("C2", Role.PARTY_SECRETARY, "王二")));

    /** An exit rate of county C1 (or C2) with a given estimate, SE and status; KG 95% interval. */
    static ErrorRate rate(String county, double p, double se, double df, double units, EstimateStatus status) {
        RatioEstimate e = new RatioEstimate(county, p, se, df, units, p * units, 8, 40, status);
        return new ErrorRate(county, Measure.EXIT, Unit.HOUSEHOLDS, e,
                List.of(e.interval(IntervalMethod.KORN_GRAUBARD, 0.95)), 8, 40);
    }

    static Decision decide(ErrorRate r, DecisionPolicy policy) {
        return Decisions.decide(List.of(Measurement.of(r)), LEADERS, Map.of(Line.ERROR_THRESHOLD, 0.02), policy).get(0);
    }

    @Test
    void aTieAtTheThresholdTriggersUnderThePointPolicy() {
        Decision d = decide(rate("C1", 0.02, 0.005, 7, 400, EstimateStatus.OK), DecisionPolicy.POINT);
        assertTrue(d.triggered());
        assertTrue(d.fragile(), "the interval holds rates below 2%");
        assertEquals(List.of("王一", "李一"), d.names());
        assertEquals(List.of(Role.PARTY_SECRETARY, Role.GOVERNMENT_HEAD), d.roles());
        assertTrue(DecisionText.bilingual(d).startsWith("C1精准退出误差率 2.00%（95%区间 "), DecisionText.bilingual(d));
        assertTrue(DecisionText.bilingual(d).contains("accountability reaches the party secretary 王一 and government head 李一"),
                DecisionText.bilingual(d));
    }

    @Test
    void thePoliciesDifferWhereTheIntervalSpansTheThreshold() {
        ErrorRate r = rate("C1", 0.03, 0.008, 7, 400, EstimateStatus.OK); // KG interval about [1.3%, 5.9%]
        assertTrue(r.interval().lower() < 0.02 && r.interval().upper() > 0.02, r.interval().toString());
        assertTrue(decide(r, DecisionPolicy.POINT).triggered());
        assertFalse(decide(r, DecisionPolicy.CONFIDENT).triggered());
        assertTrue(decide(r, DecisionPolicy.PRECAUTIONARY).triggered());
        ErrorRate low = rate("C1", 0.012, 0.004, 7, 400, EstimateStatus.OK);
        assertFalse(decide(low, DecisionPolicy.POINT).triggered());
        assertTrue(decide(low, DecisionPolicy.PRECAUTIONARY).triggered() == (low.interval().upper() >= 0.02));
        assertTrue(decide(low, DecisionPolicy.POINT).extraVillages() >= 0, "a fragile decision says how many more");
    }

    @ParameterizedTest
    @EnumSource(DecisionPolicy.class)
    void zeroErrorsWithManyUnitsClearACountyUnderEveryPolicy(DecisionPolicy policy) {
        // 0 errors in 1000 units: exact upper bound 1 − 0.025^(1/1000) = 0.37% < 2%
        Decision d = decide(rate("C1", 0, 0, 7, 1000, EstimateStatus.OK), policy);
        assertFalse(d.triggered());
        assertFalse(d.fragile());
        assertEquals(-1, d.extraVillages());
    }

    @Test
    void noIntervalOrNoDataIsStatedNotSkipped() {
        // one village: an estimate but no interval. The point policy decides on the estimate; a policy that
        // reads a bound has nothing to read: NO_DATA, neither triggered nor cleared
        ErrorRate single = rate("C1", 0.05, Double.NaN, 0, 60, EstimateStatus.SINGLE_CLUSTER);
        Decision point = decide(single, DecisionPolicy.POINT);
        assertEquals(Outcome.TRIGGERED, point.outcome());
        assertTrue(point.fragile(), "no interval: fragile");
        for (DecisionPolicy policy : new DecisionPolicy[] {DecisionPolicy.CONFIDENT, DecisionPolicy.PRECAUTIONARY}) {
            Decision d = decide(single, policy);
            assertEquals(Outcome.NO_DATA, d.outcome(), policy.label());
            assertFalse(d.triggered());
            assertFalse(d.fragile());
            assertTrue(DecisionText.bilingual(d).contains("has nothing to decide on: no decision for the party secretary"),
                    DecisionText.bilingual(d));
        }
        // an empty domain: NO_DATA under every policy (it used to trigger under precautionary)
        for (DecisionPolicy policy : DecisionPolicy.values()) {
            Decision empty = decide(rate("C1", Double.NaN, Double.NaN, Double.NaN, 0, EstimateStatus.EMPTY_DOMAIN), policy);
            assertEquals(Outcome.NO_DATA, empty.outcome(), policy.label());
            assertTrue(DecisionText.bilingual(empty).contains("no data to decide on"), DecisionText.bilingual(empty));
            assertTrue(DecisionText.sentence(empty, dev.lookback.chart.Lang.ZH).contains("无法判断，不作结论"));
        }
        Decision noHead = decide(rate("C2", 0.05, 0.01, 7, 400, EstimateStatus.OK), DecisionPolicy.POINT);
        assertEquals(List.of("王二", "?"), noHead.names());
        assertTrue(DecisionText.bilingual(noHead).contains("leaders.csv lists no government head for C2"),
                DecisionText.bilingual(noHead));
    }

    @Test
    void leadersAreReadWithChineseRolesAndBadOnesAreRefused() {
        Leaders l = Leaders.read(dev.lookback.io.TabularSource.csv("leaders.csv", new java.io.ByteArrayInputStream(
                "县,职务,姓名\nC1,党委书记,王一\nC1,县长,李一\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("李一", l.of("C1", Role.GOVERNMENT_HEAD).get(0).name());
        dev.lookback.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.lookback.io.InputException.class, () -> Leaders.read(dev.lookback.io.TabularSource.csv("leaders.csv",
                        new java.io.ByteArrayInputStream("county,role,name\nC1,mayor,X\n".getBytes()),
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("leaders.csv line 2, column role: \"mayor\" is not one of PARTY_SECRETARY/GOVERNMENT_HEAD/"
                + "ASSISTANCE_LEAD (党委书记/政府主要负责人/分管帮扶工作领导)", e.getMessage());
    }

    /**
     * Every indicator, whatever its link, is decided by the one evaluator and written by the one sentence
     * builder, in both languages, with its own names, line and direction: a new indicator needs its enum
     * constant and its row in the names table (NamesTable), nothing here.
     */
    @Test
    void everyIndicatorIsDecidedAndWrittenByTheSameCode() {
        Leaders all = Leaders.of(List.of(new Leaders.Leader("C1", Role.PARTY_SECRETARY, "王一"),
                new Leaders.Leader("C1", Role.GOVERNMENT_HEAD, "李一"), new Leaders.Leader("C1", Role.ASSISTANCE_LEAD, "赵一")));
        for (dev.lookback.vocabulary.Indicator indicator : dev.lookback.vocabulary.Indicator.values()) {
            if (indicator.rule().isEmpty()) {
                continue;
            }
            double line = indicator.line().defaultValue();
            // far on the bad side of the line: triggered under every policy
            double bad = indicator.badWhenHigh() ? Math.min(0.9, line * 10) : line / 10;
            RatioEstimate e = new RatioEstimate("C1", bad, 0.001, 7, 400, bad * 400, 8, 40, EstimateStatus.OK);
            Measurement m = new Measurement("C1", indicator, bad, e.interval(IntervalMethod.KORN_GRAUBARD, 0.95),
                    bad * 400, 400, e);
            for (DecisionPolicy policy : DecisionPolicy.values()) {
                Decision d = Decisions.decide(List.of(m), all, Map.of(), policy).get(0);
                assertTrue(d.triggered(), d.toString());
                assertEquals(indicator.rule().get(), d.rule());
                assertEquals(line, d.threshold());
                assertEquals(indicator.rule().get().roles(), d.roles());
                String zh = DecisionText.sentence(d, dev.lookback.chart.Lang.ZH);
                String en = DecisionText.sentence(d, dev.lookback.chart.Lang.EN);
                assertTrue(zh.startsWith("C1" + indicator.chinese()) && zh.contains(indicator.line().chinese())
                        && zh.contains("启动问责"), zh);
                assertTrue(en.startsWith("C1 " + indicator.english()) && en.contains(indicator.line().english())
                        && en.contains("accountability reaches the"), en);
                assertEquals(zh + " / " + en, DecisionText.bilingual(d));
            }
        }
    }

    @Test
    void holmMatchesR() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 1, 0.2), "holm")
        double[] adjusted = Decisions.holm(new double[] {0.01, 0.04, 0.03, 0.005, 1, 0.2});
        double[] r = {0.050000000000000003, 0.12, 0.12, 0.029999999999999999, 1, 0.40000000000000002};
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], adjusted[i], 1e-15);
        }
        double[] withNaN = Decisions.holm(new double[] {0.01, Double.NaN, 0.04});
        assertEquals(0.02, withNaN[0], 1e-15);
        assertTrue(Double.isNaN(withNaN[1]), "no data counts in no family");
        assertEquals(0.04, withNaN[2], 1e-15);
    }

    /** The p-value inverts the interval: confident triggers exactly when p ≤ (1 − level)/2, for every method. */
    @ParameterizedTest
    @EnumSource(value = IntervalMethod.class, names = {"WALD", "LOGIT", "KORN_GRAUBARD", "WILSON"})
    void thePValueInvertsTheInterval(IntervalMethod method) {
        for (double p : new double[] {0.01, 0.02, 0.03, 0.05, 0.08}) {
            for (double se : new double[] {0.004, 0.008, 0.015}) {
                RatioEstimate e = new RatioEstimate("C1", p, se, 7, 400, p * 400, 8, 40, EstimateStatus.OK);
                Measurement m = new Measurement("C1", dev.lookback.vocabulary.Measure.EXIT, p, e.interval(method, 0.95),
                        p * 400, 400, e);
                double pv = Decisions.pValue(m, 0.02);
                assertTrue(pv > 0 && pv <= 1, pv + "");
                boolean confident = Decisions.decide(List.of(m), LEADERS, Map.of(), DecisionPolicy.CONFIDENT).get(0)
                        .triggered();
                if (Math.abs(pv - 0.025) > 1e-9) {
                    assertEquals(confident, pv <= 0.025, method + " p " + p + " se " + se + ": p-value " + pv);
                }
                // at the level 1 − 2p the lower bound sits on the line
                if (pv > 1e-6 && pv < 0.49) {
                    assertEquals(0.02, e.interval(method, 1 - 2 * pv).lower(), 1e-9, method + " " + p + " " + se);
                }
            }
        }
        RatioEstimate zero = new RatioEstimate("C1", 0, 0, 7, 400, 0, 8, 40, EstimateStatus.OK);
        assertEquals(1, Decisions.pValue(new Measurement("C1", dev.lookback.vocabulary.Measure.EXIT, 0,
                zero.interval(method, 0.95), 0, 400, zero), 0.02), "zero errors never prove a rate above the line");
    }

    @Test
    void theFamilyWisePolicyHoldsTheReviewsFalseTriggersAtHalfTheLevelsComplement() {
        // five counties: their p-values and Holm's adjustment decide, not each interval alone
        List<Measurement> ms = new java.util.ArrayList<>();
        double[] rates = {0.06, 0.045, 0.035, 0.025, 0.01};
        for (int i = 0; i < rates.length; i++) {
            RatioEstimate e = new RatioEstimate("C" + i, rates[i], 0.006, 7, 600, rates[i] * 600, 8, 40,
                    EstimateStatus.OK);
            ms.add(new Measurement("C" + i, dev.lookback.vocabulary.Measure.EXIT, rates[i],
                    e.interval(IntervalMethod.KORN_GRAUBARD, 0.95), rates[i] * 600, 600, e));
        }
        List<Decision> confident = Decisions.decide(ms, LEADERS, Map.of(), DecisionPolicy.CONFIDENT);
        List<Decision> familyWise = Decisions.decide(ms, LEADERS, Map.of(), DecisionPolicy.FAMILY_WISE);
        double[] p = confident.stream().mapToDouble(d -> d.risk().pValue()).toArray();
        double[] adjusted = Decisions.holm(p);
        for (int i = 0; i < rates.length; i++) {
            assertEquals(p[i], familyWise.get(i).risk().pValue(), 0);
            assertEquals(adjusted[i], familyWise.get(i).risk().pAdjusted(), 0);
            assertEquals(adjusted[i] <= 0.025, familyWise.get(i).triggered(), "county " + i);
            assertTrue(!familyWise.get(i).triggered() || confident.get(i).triggered(), "family-wise is stricter");
        }
        assertTrue(familyWise.stream().filter(Decision::triggered).count() < confident.stream()
                .filter(Decision::triggered).count(), familyWise + "\n" + confident);
        assertEquals("family-wise", DecisionPolicy.parse("family_wise").label());
    }
}
