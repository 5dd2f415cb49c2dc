package dev.lookback.vocabulary;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A term's names, from the project's one text table ({@code NamesTable}): per term, {@code key}, Chinese and English
 * names, their explanations, and the other words a file may use for it ({@code ;}-separated). The key is the enum's
 * simple name and the constant, e.g. {@code Measure.EXIT}.
 *
 * @param zh       Chinese name
 * @param en       English name
 * @param zhDetail Chinese explanation (may be empty)
 * @param enDetail English explanation (may be empty)
 * @param aliases  other spellings accepted in input files
 */
record Names(String zh, String en, String zhDetail, String enDetail, List<String> aliases) {
    private static final Map<String, Names> TABLE = load();

    static String key(Term t) {
        Enum<?> e = (Enum<?>) t;
        return e.getDeclaringClass().getSimpleName() + "." + e.name();
    }

    static Names of(Term t) {
        Names n = TABLE.get(key(t));
        if (n == null) {
            throw new IllegalStateException("the names table (NamesTable) has no row " + key(t));
        }
        return n;
    }

    /** Every key of the table (for the test that the table and the enums agree). */
    static java.util.Set<String> keys() {
        return TABLE.keySet();
    }

    /**
     * The term of an enum named by its code, constant name, Chinese name or an alias (case, spaces and
     * hyphens ignored); null when none.
     */
    static <E extends Enum<E> & Term> E parse(Class<E> type, String text) {
        String s = normal(text);
        for (E e : type.getEnumConstants()) {
            Names n = of(e);
            if (s.equals(normal(e.name())) || s.equals(normal(n.zh())) || n.aliases().stream().anyMatch(a -> s.equals(normal(a)))) {
                return e;
            }
        }
        return null;
    }

    private static String normal(String s) {
        return s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    private static Map<String, Names> load() {
        Map<String, Names> m = new HashMap<>();
        int number = 0;
        for (String line : NamesTable.ROWS.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            f = Arrays.copyOf(f, 6);
            if (f[2] == null || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty()) {
                throw new IllegalStateException("the names table, row " + number + ": key, Chinese and English are required");
            }
            List<String> aliases = f[5] == null || f[5].isEmpty() ? List.of() : List.of(f[5].split(";"));
            if (m.put(f[0], new Names(f[1], f[2], f[3] == null ? "" : f[3], f[4] == null ? "" : f[4], aliases)) != null) {
                throw new IllegalStateException("the names table, row " + number + ": " + f[0] + " twice");
            }
        }
        return m;
    }
}
