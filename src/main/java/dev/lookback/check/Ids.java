package dev.lookback.check;

import dev.lookback.vocabulary.IdDifference;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Household ids as people and spreadsheets rewrite them, and the one normalisation that undoes the usual rewrites:
 * full-width characters made half-width (Unicode NFKC), spaces removed, letters in upper case, a number written as
 * {@code 4.30121E+11} or {@code 430121.0} written out in digits, and leading zeros dropped from an all-digit id. Two
 * ids that differ but normalise alike are one id written two ways; {@link #differences} says which ways.
 */
public final class Ids {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]+(\\.[0-9]+)?([eE][+]?[0-9]+)?");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** The steps, in order, each with the difference it undoes. */
    private static final IdDifference[] STEPS = {IdDifference.FULL_WIDTH, IdDifference.SPACES, IdDifference.CASE,
        IdDifference.NUMBER_FORMAT, IdDifference.LEADING_ZEROS};

    private Ids() {
    }

    /** The id normalised: see the class documentation. */
    public static String normalise(String id) {
        int kind = plain(id);
        if (kind == DIGITS_ONLY) { // the usual ids, a register's million of them: only leading zeros to drop
            return withoutLeadingZeros(id);
        }
        if (kind == UPPER_ALPHANUMERIC) {
            return id;
        }
        String s = id;
        for (IdDifference step : STEPS) {
            s = step(step).apply(s);
        }
        return s;
    }

    /** The ways two ids that normalise alike are written differently (empty when they are equal or unlike). */
    public static Set<IdDifference> differences(String a, String b) {
        Set<IdDifference> out = EnumSet.noneOf(IdDifference.class);
        if (a.equals(b) || !normalise(a).equals(normalise(b))) {
            return out;
        }
        String x = a;
        String y = b;
        for (IdDifference step : STEPS) { // a step counts while the two still differ, when it rewrites either
            if (x.equals(y)) {
                break;
            }
            String nx = step(step).apply(x);
            String ny = step(step).apply(y);
            if (!nx.equals(x) || !ny.equals(y)) {
                out.add(step);
            }
            x = nx;
            y = ny;
        }
        return out;
    }

    /**
     * Whether an id is a number in scientific notation ({@code 4.30121E+11}): a spreadsheet showed a long id as a
     * number and the file kept what it showed, so its last digits are lost.
     */
    public static boolean scientific(String id) {
        return SCIENTIFIC.matcher(id.strip()).matches();
    }

    private static final int DIGITS_ONLY = 0;
    private static final int UPPER_ALPHANUMERIC = 1;
    private static final int OTHER = 2;

    /** Whether an id is ASCII digits only, ASCII digits and upper-case letters, or anything else (the slow path). */
    private static int plain(String id) {
        boolean letters = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 'A' && c <= 'Z' && c != 'E') { // an E may be a number's exponent (4E11)
                letters = true;
            } else if (c < '0' || c > '9') {
                return OTHER;
            }
        }
        return id.isEmpty() ? OTHER : letters ? UPPER_ALPHANUMERIC : DIGITS_ONLY;
    }

    private static UnaryOperator<String> step(IdDifference d) {
        switch (d) {
            case FULL_WIDTH:
                return s -> Normalizer.normalize(s, Normalizer.Form.NFKC);
            case SPACES:
                return s -> s.replaceAll("\\s+", "");
            case CASE:
                return s -> s.toUpperCase(Locale.ROOT);
            case NUMBER_FORMAT:
                return Ids::plainNumber;
            default:
                return Ids::withoutLeadingZeros;
        }
    }

    /** {@code 4.30121E+11} as {@code 430121000000}, {@code 430121.0} as {@code 430121}; anything else unchanged. */
    private static String plainNumber(String s) {
        if (!NUMBER.matcher(s).matches() || DIGITS.matcher(s).matches()) {
            return s;
        }
        try {
            BigDecimal v = new BigDecimal(s.startsWith("+") ? s.substring(1) : s).stripTrailingZeros();
            return v.scale() <= 0 ? v.toBigIntegerExact().toString() : s;
        } catch (ArithmeticException | NumberFormatException e) {
            return s;
        }
    }

    private static String withoutLeadingZeros(String s) {
        if (!DIGITS.matcher(s).matches()) {
            return s;
        }
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
