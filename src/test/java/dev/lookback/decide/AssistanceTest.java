package dev.lookback.decide;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.DecisionText;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.decide.DecisionPolicy;
import dev.lookback.vocabulary.Line;
import dev.lookback.vocabulary.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistance link: cadre failures, satisfaction, and the rule that reaches the leader in charge. */
class AssistanceTest {
    static Frame frame() {
        List<Village> v = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            v.add(new Village("C1", "", "V" + i, 30));
            v.add(new Village("C2", "", "W" + i, 30));
        }
        return Frame.of(v);
    }

    /** Villages V0–V4 of C1 and W0–W4 of C2, a simple random sample (π = 5/10). */
    static Sample sample() {
        List<SampledVillage> v = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            v.add(new SampledVillage("C1", "V" + i, Double.NaN));
            v.add(new SampledVillage("C2", "W" + i, Double.NaN));
        }
        return Sample.of(v);
    }

    static TabularSource csv(String name, String text) {
        return TabularSource.csv(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void cadresFailOnMonthsUnapprovedReplacementOrTasks() {
        // Chinese headers as in every other file (县区, 村名: one column vocabulary)
        String cadres = "帮扶干部,县区,村名,职务,驻村月数,是否调整,调整是否经批准,任务落实\n"
                + "a,C1,V0,第一书记,12,否,,是\n"     // complies: 12 ≥ 12
                + "b,C1,V0,第一书记,11,否,,是\n"     // months below 12
                + "c,C1,V1,工作队员,6,是,否,是\n"     // replaced without approval
                + "d,C1,V1,工作队员,6,是,是,否\n"     // tasks not done
                + "e,C2,W0,TEAM_MEMBER,9,false,,true\n"
                + "f,C2,W1,TEAM_MEMBER,7,false,,true\n";
        List<AssistanceCheck.Rate> rates = AssistanceCheck.cadres(csv("cadres.csv", cadres), frame(),
                sample(), AssistanceCheck.Minimums.defaults(), IntervalMethod.KORN_GRAUBARD, 0.95, 0.05);
        AssistanceCheck.Rate c1 = rates.get(0);
        assertEquals("C1", c1.county());
        assertEquals(0.75, c1.estimate().estimate(), 1e-15);
        assertEquals(List.of("b (V0): 11 months in the village, below 12", "c (V1): replaced without approval",
                "d (V1): tasks not done"), c1.failures().stream().map(Object::toString).toList());
        assertEquals(0, rates.get(1).estimate().estimate());
        Leaders leaders = Leaders.of(List.of(new Leaders.Leader("C1", Role.ASSISTANCE_LEAD, "赵助"),
                new Leaders.Leader("C2", Role.ASSISTANCE_LEAD, "钱助")));
        List<Decision> d = Decisions.decide(rates.stream().map(Measurement::of).toList(), leaders, Map.of(Line.CADRE_TOLERANCE, 0.10, Line.SATISFACTION_STANDARD, 0.90), DecisionPolicy.POINT);
        assertTrue(d.get(0).triggered());
        assertEquals(List.of("赵助"), d.get(0).names());
        assertEquals(List.of(Role.ASSISTANCE_LEAD), d.get(0).roles());
        assertFalse(d.get(1).triggered());
        assertEquals("assistance", d.get(0).rule().label());
    }

    @Test
    void lowSatisfactionTriggersAndTheBoundsSwapRoles() {
        StringBuilder answers = new StringBuilder("household,county,village,answer\n");
        for (int v = 0; v < 5; v++) {
            for (int h = 0; h < 20; h++) {
                // C1: 85% satisfied in every village; C2: all satisfied
                answers.append("h").append(v).append('-').append(h).append(",C1,V").append(v).append(',')
                        .append(h < 17 ? (h % 2 == 0 ? "满意" : "基本满意") : "不满意").append('\n');
                answers.append("k").append(v).append('-').append(h).append(",C2,W").append(v).append(",满意\n");
            }
        }
        List<AssistanceCheck.Rate> rates = AssistanceCheck.satisfaction(csv("satisfaction.csv", answers.toString()),
                frame(), sample(), IntervalMethod.KORN_GRAUBARD, 0.95, 0.05);
        assertEquals(0.85, rates.get(0).estimate().estimate(), 1e-12);
        Leaders none = Leaders.of(List.of());
        Decision point = Decisions.decide(rates.stream().map(Measurement::of).toList(), none, Map.of(Line.CADRE_TOLERANCE, 0.10, Line.SATISFACTION_STANDARD, 0.90), DecisionPolicy.POINT).get(0);
        assertTrue(point.triggered(), "85% < 90%");
        assertEquals(point.fragile(), point.extraVillages() >= 0, "a fragile decision says how many villages more: " + point);
        // confident: the upper bound must be below 90%; precautionary: the lower bound below 90% suffices
        double upper = rates.get(0).interval().upper();
        assertEquals(upper < 0.90, Decisions.decide(rates.stream().map(Measurement::of).toList(), none, Map.of(Line.CADRE_TOLERANCE, 0.10, Line.SATISFACTION_STANDARD, 0.90), DecisionPolicy.CONFIDENT).get(0).triggered());
        assertTrue(Decisions.decide(rates.stream().map(Measurement::of).toList(), none, Map.of(Line.CADRE_TOLERANCE, 0.10, Line.SATISFACTION_STANDARD, 0.90), DecisionPolicy.PRECAUTIONARY).get(0).triggered());
        Decision c2 = Decisions.decide(rates.stream().map(Measurement::of).toList(), none, Map.of(Line.CADRE_TOLERANCE, 0.10, Line.SATISFACTION_STANDARD, 0.90), DecisionPolicy.POINT).get(1);
        assertFalse(c2.triggered());
        assertTrue(DecisionText.bilingual(c2).contains("leaders.csv lists no leader in charge of assistance for C2"), DecisionText.bilingual(c2));
    }

    /**
     * The assistance link goes through the error rates' estimation path: every interval method (the bootstrap among
     * them, which once crashed here), a city row, and the bootstrap's replicate variance when asked.
     */
    @Test
    void assistanceRatesHaveEveryMethodAndACityRow() {
        StringBuilder answers = new StringBuilder("household,county,village,answer\n");
        for (int v = 0; v < 5; v++) {
            for (int h = 0; h < 20; h++) {
                answers.append("h").append(v).append('-').append(h).append(",C1,V").append(v).append(',')
                        .append(h < 15 + v ? "满意" : "不满意").append('\n');
                answers.append("k").append(v).append('-').append(h).append(",C2,W").append(v).append(',')
                        .append(h < 18 ? "满意" : "不满意").append('\n');
            }
        }
        var methods = List.of(IntervalMethod.values());
        var options = new dev.lookback.survey.DomainEstimates.Options(methods, 0.95, dev.lookback.survey.LonelyPsu.ADJUST,
                true);
        List<AssistanceCheck.Rate> rates = AssistanceCheck.satisfaction(csv("satisfaction.csv", answers.toString()),
                frame(), sample(), options, 0.05, dev.lookback.survey.RaoWuBootstrap.of(7, 400));
        assertEquals(List.of("C1", "C2", "ALL"), rates.stream().map(AssistanceCheck.Rate::county).toList());
        AssistanceCheck.Rate city = rates.get(2);
        assertTrue(city.city() && city.failures().isEmpty());
        // R̂ of the city over both counties' answers: (85 + 90) satisfied of 200 answers, weights equal per county
        assertEquals(city.estimate().errors() / city.estimate().units(), city.estimate().estimate(), 1e-12);
        assertEquals(175.0 / 200, city.estimate().estimate(), 0.02);
        for (AssistanceCheck.Rate r : rates) {
            assertEquals(methods, r.intervals().stream().map(dev.lookback.survey.Interval::method).toList());
            assertTrue(r.intervals().stream().allMatch(dev.lookback.survey.Interval::isDefined), r.toString());
            // the standard error is the replicate variance's
            assertEquals(Math.sqrt(r.estimate().replicates().variance()), r.estimate().standardError(), 1e-15);
        }
    }

    @Test
    void badAnswersAreRefusedWithTheirPlace() {
        InputException e = Assertions.assertThrows(InputException.class, () -> AssistanceCheck.satisfaction(
                csv("satisfaction.csv", "household,county,village,answer\nh,C1,V0,还行\n"), frame(),
                sample(), IntervalMethod.KORN_GRAUBARD, 0.95, 0.05));
        assertEquals("satisfaction.csv line 2, column answer: \"还行\" is not one of SATISFIED/FAIRLY_SATISFIED/DISSATISFIED"
                + " (满意/基本满意/不满意)", e.getMessage());
    }

    /**
     * Satisfaction is weighted by the sample's inclusion probabilities, like every rate of the review. R 4.2.2,
     * survey 4.1.1 (src/test/r/assistance-reference.R): svyratio gives 0.88841978287092893 (SE
     * 0.04848912712837667) where the unweighted share is 0.89.
     */
    @Test
    void satisfactionIsWeightedByTheSample() {
        double[] pi = {0.2, 0.3, 0.5, 0.4, 0.6};
        int[] answers = {20, 16, 24, 10, 30};
        int[] satisfied = {19, 12, 24, 7, 27};
        List<SampledVillage> villages = new ArrayList<>();
        StringBuilder text = new StringBuilder("household,county,village,answer\n");
        for (int v = 0; v < 5; v++) {
            villages.add(new SampledVillage("C1", "V" + v, pi[v]));
            for (int h = 0; h < answers[v]; h++) {
                text.append("h").append(v).append('-').append(h).append(",C1,V").append(v).append(',')
                        .append(h < satisfied[v] ? "满意" : "不满意").append('\n');
            }
        }
        AssistanceCheck.Rate r = AssistanceCheck.satisfaction(csv("satisfaction.csv", text.toString()), frame(),
                Sample.of(villages), IntervalMethod.KORN_GRAUBARD, 0.95, 0.05).get(0);
        assertEquals(0.88841978287092893, r.estimate().estimate(), 1e-12);
        assertEquals(0.04848912712837667, r.estimate().standardError(), 1e-12);
        // a village outside the sample cannot be weighted: refused with its place
        InputException e = Assertions.assertThrows(InputException.class, () -> AssistanceCheck.satisfaction(
                csv("satisfaction.csv", "household,county,village,answer\nh,C1,V9,满意\n"), frame(), Sample.of(villages),
                IntervalMethod.KORN_GRAUBARD, 0.95, 0.05));
        assertTrue(e.getMessage().startsWith("satisfaction.csv line 2, column village: \"V9\" is not a sampled village"),
                e.getMessage());
    }

    /** At 100% satisfaction the bound counts the answers' villages' design effect, not answers as independent. */
    @Test
    void allSatisfiedBoundsOverIndependentAnswers() {
        StringBuilder text = new StringBuilder("household,county,village,answer\n");
        for (int v = 0; v < 5; v++) {
            for (int h = 0; h < 20; h++) {
                text.append("h").append(v).append('-').append(h).append(",C1,V").append(v).append(",满意\n");
                // C2 has the one dissatisfied answer that makes ρ̂ estimable
                text.append("k").append(v).append('-').append(h).append(",C2,W").append(v).append(',')
                        .append(v == 0 && h == 0 ? "不满意" : "满意").append('\n');
            }
        }
        List<AssistanceCheck.Rate> rates = AssistanceCheck.satisfaction(csv("satisfaction.csv", text.toString()), frame(),
                sample(), IntervalMethod.KORN_GRAUBARD, 0.95, 0.05);
        AssistanceCheck.Rate c1 = rates.get(0);
        assertEquals(1, c1.estimate().estimate());
        double rho = dev.lookback.survey.IntraclassCorrelation.anova(new double[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20},
                new double[] {20, 20, 20, 20, 20, 19, 20, 20, 20, 20});
        double nb = 100 / (1 + (20 - 1) * rho);
        assertEquals(nb, c1.estimate().independentUnits(), 1e-9);
        assertEquals(Math.pow(0.025, 1 / nb), c1.interval().lower(), 1e-12);
    }
}
