package dev.lookback.decide;

import dev.lookback.assist.AssistanceCheck;
import dev.lookback.frame.Frame;
import dev.lookback.frame.Village;
import dev.lookback.io.InputException;
import dev.lookback.io.TabularSource;
import dev.lookback.report.DecisionText;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.DecisionPolicy;
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
                AssistanceCheck.Minimums.defaults(), IntervalMethod.KORN_GRAUBARD, 0.95);
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
                frame(), IntervalMethod.KORN_GRAUBARD, 0.95);
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

    @Test
    void badAnswersAreRefusedWithTheirPlace() {
        InputException e = Assertions.assertThrows(InputException.class, () -> AssistanceCheck.satisfaction(
                csv("satisfaction.csv", "household,county,village,answer\nh,C1,V0,还行\n"), frame(),
                IntervalMethod.KORN_GRAUBARD, 0.95));
        assertEquals("satisfaction.csv line 2, column answer: \"还行\" is not one of SATISFIED/FAIRLY_SATISFIED/DISSATISFIED"
                + " (满意/基本满意/不满意)", e.getMessage());
    }
}
