package dev.lookback.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vocabulary and its one text table agree: every term has its names, and every row is a term. */
class VocabularyTest {
    /**
     * Every enum of the library that is a term (found from the sources, so a new one is covered): the vocabulary's,
     * and a term that lives with its behaviour elsewhere (the decision policies in {@code decide}).
     */
    static List<Class<?>> terms() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
                java.nio.file.Path.of("src/main/java/dev/lookback"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = java.nio.file.Path.of("src/main/java").relativize(f).toString().replace(".java", "")
                        .replace(java.io.File.separatorChar, '.');
                Class<?> c = Class.forName(name, false, VocabularyTest.class.getClassLoader());
                if (c.isEnum() && Term.class.isAssignableFrom(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void everyTermHasExactlyOneRowAndEveryRowIsATerm() throws Exception {
        Set<String> keys = new HashSet<>();
        List<Class<?>> types = terms();
        assertTrue(types.size() >= 15, types.toString());
        for (Class<?> type : types) {
            for (Object o : type.getEnumConstants()) {
                Term t = (Term) o;
                keys.add(Names.key(t));
                assertFalse(t.chinese().isBlank(), Names.key(t));
                assertFalse(t.english().isBlank(), Names.key(t));
            }
        }
        assertEquals(keys, Names.keys());
        // one Chinese name per indicator: no two indicators share one
        Set<String> chinese = new HashSet<>();
        Indicator.values().forEach(i -> assertTrue(chinese.add(i.chinese()), i.chinese()));
    }

    @Test
    void indicatorsKnowTheirRuleLineAndDirection() {
        assertEquals(List.of(Measure.IDENTIFICATION, Measure.EXIT), Rule.IDENTIFICATION_EXIT.indicators());
        assertEquals(List.of(AssistanceMeasure.CADRE_NONCOMPLIANCE, AssistanceMeasure.SATISFACTION),
                Rule.ASSISTANCE.indicators());
        assertEquals(List.of(FundMeasure.MISUSED_SHARE, FundMeasure.OVERDUE_SHARE), Rule.FUNDS.indicators());
        assertFalse(AssistanceMeasure.SATISFACTION.badWhenHigh());
        assertEquals(Line.SATISFACTION_STANDARD, AssistanceMeasure.SATISFACTION.line());
        assertTrue(Measure.MISSED.rule().isEmpty());
        assertEquals("cadre_noncompliance", AssistanceMeasure.CADRE_NONCOMPLIANCE.label());
        assertEquals(0.02, Line.ERROR_THRESHOLD.defaultValue());
        List<Indicator> all = new ArrayList<>(Indicator.values());
        for (Indicator i : all) {
            assertEquals(i, Indicator.parse(i.label()));
            assertEquals(i, Indicator.parse(i.chinese()));
        }
    }

    @Test
    void wordsFromFilesAreReadByTheTable() {
        assertEquals(Status.POOR, Status.parse("未脱贫户"));
        assertEquals(Status.EXITED, Status.parse(" 已脱贫 "));
        assertEquals(Status.NON_POOR, Status.parse("non-poor"));
        assertNull(Status.parse("未登记"), "unregistered is the spot check's finding, not a register status");
        assertNull(Status.parse("脱贫了"));
        assertEquals(Role.GOVERNMENT_HEAD, Role.parse("县长"));
        assertNull(Role.parse("mayor"));
        assertEquals(Unit.HOUSEHOLDS, Unit.parse("户"));
        assertEquals(Measure.WRONG_INCLUSION, Measure.parse("wrong-inclusion"));
        assertEquals(Measure.EXIT, Measure.parse("精准退出误差率"));
        assertEquals("精准退出误差率 / exit error rate", Measure.EXIT.bilingual());
        assertEquals("应进未进", Kind.MISSED.chineseDetail());
        assertEquals("TRIGGERED", Outcome.TRIGGERED.label());
    }
}
