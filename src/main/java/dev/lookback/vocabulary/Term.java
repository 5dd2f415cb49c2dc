package dev.lookback.vocabulary;

import java.util.Locale;

/**
 * A word of the review's vocabulary (a status, a verdict, a measure, a rule, a role, a policy, a line): an
 * enum constant that knows its code in files, and its Chinese and English names from the project's one
 * text table ({@code NamesTable}). Renderers ({@code report}, {@code chart}) build their
 * sentences from these names; nothing else spells a term out.
 */
public interface Term {

    /** The constant's name, e.g. {@code WRONG_INCLUSION} (every term is an enum constant). */
    String name();

    /** The code in files and on the command line: the constant's name in lower case, e.g. {@code wrong_inclusion}. */
    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Chinese name, e.g. 错评率. */
    default String chinese() {
        return Names.of(this).zh();
    }

    /** The English name, e.g. {@code wrong-inclusion rate}. */
    default String english() {
        return Names.of(this).en();
    }

    /** The Chinese explanation, e.g. 应退未退 (empty when the name says it all). */
    default String chineseDetail() {
        return Names.of(this).zhDetail();
    }

    /** The English explanation, e.g. {@code should be out, is in} (empty when the name says it all). */
    default String englishDetail() {
        return Names.of(this).enDetail();
    }

    /** "精准退出误差率 / exit error rate": both names, for a meeting. */
    default String bilingual() {
        return chinese() + " / " + english();
    }

    /**
     * "is not one of POOR/EXITED/NON_POOR (贫困户/已脱贫/一般户)": what a file may say for these terms, for
     * an error message.
     */
    @SafeVarargs
    static <T extends Term> String notOneOf(T... terms) {
        StringBuilder names = new StringBuilder();
        StringBuilder chinese = new StringBuilder();
        for (T t : terms) {
            names.append(names.length() == 0 ? "" : "/").append(t.name());
            chinese.append(chinese.length() == 0 ? "" : "/").append(t.chinese());
        }
        return "is not one of " + names + " (" + chinese + ")";
    }
}
