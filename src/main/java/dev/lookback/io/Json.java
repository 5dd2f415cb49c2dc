package dev.lookback.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's one JSON component (RFC 8259), for the draw certificates people must be able to trust:
 * values are {@code Map<String, Object>} (insertion order kept), {@code List<Object>}, {@code String},
 * {@code Long} (whole numbers), {@code Double} (other numbers), {@code Boolean} and {@code null}.
 * {@link #write} and {@link #parse} are inverse: {@code parse(write(v)).equals(v)} for such values.
 */
public final class Json {
    private Json() {
    }

    /**
     * JSON text of a value, indented by two spaces; an object or array whose members are all scalars is
     * written on one line (a certificate lists one village a line).
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            boolean flat = map.values().stream().allMatch(Json::scalar);
            String inner = indent + "  ";
            sb.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON object's keys are text, not " + e.getKey());
                }
                sb.append(i++ == 0 ? "" : ",").append(flat ? (i == 1 ? "" : " ") : "\n" + inner);
                string(sb, key);
                sb.append(": ");
                write(sb, e.getValue(), inner);
            }
            sb.append(flat || map.isEmpty() ? "" : "\n" + indent).append('}');
        } else if (value instanceof List<?> list) {
            boolean flat = list.stream().allMatch(Json::scalar);
            String inner = indent + "  ";
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(flat ? (i == 0 ? "" : " ") : "\n" + inner);
                write(sb, list.get(i), inner);
            }
            sb.append(flat || list.isEmpty() ? "" : "\n" + indent).append(']');
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no number " + d);
            }
            sb.append(d);
        } else if (value instanceof Number || value instanceof Boolean || value == null) {
            sb.append(value);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
        }
    }

    private static boolean scalar(Object v) {
        return !(v instanceof Map) && !(v instanceof List);
    }

    /** {@code s} as a JSON string, with quotes, backslashes and control characters escaped. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder();
        string(sb, s);
        return sb.toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Parses JSON text.
     *
     * @throws IllegalArgumentException naming the line and column where the text stops being JSON
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.space();
        Object v = p.value();
        p.space();
        if (p.at < text.length()) {
            throw p.error("the end of the text after the JSON value");
        }
        return v;
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            if (at >= s.length()) {
                throw error("a value, found the end of the text");
            }
            char c = s.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return word("true", Boolean.TRUE);
                case 'f':
                    return word("false", Boolean.FALSE);
                case 'n':
                    return word("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("a value, found '" + c + "'");
            }
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return m;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("a member name in quotes");
                }
                String key = string();
                space();
                expect(':');
                space();
                if (m.containsKey(key)) {
                    throw error("one member named \"" + key + "\", found two");
                }
                m.put(key, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        String string() {
            at++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (at >= s.length()) {
                    throw error("a closing quote, found the end of the text");
                }
                char c = s.charAt(at++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("no control character inside a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = at < s.length() ? s.charAt(at++) : ' ';
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (at + 4 > s.length()) {
                            throw error("four hex digits after \\u");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("four hex digits after \\u");
                        }
                        at += 4;
                    }
                    default -> throw error("an escape such as \\n or \\u0041, found \\" + e);
                }
            }
        }

        Object number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            digits();
            boolean whole = true;
            if (peek() == '.') {
                whole = false;
                at++;
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                whole = false;
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                digits();
            }
            String n = s.substring(start, at);
            if (whole) {
                try {
                    return Long.parseLong(n);
                } catch (NumberFormatException tooLong) {
                    return new BigDecimal(n).doubleValue();
                }
            }
            return Double.parseDouble(n);
        }

        private void digits() {
            int start = at;
            while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                at++;
            }
            if (at == start) {
                throw error("a digit");
            }
        }

        Object word(String w, Object v) {
            if (!s.startsWith(w, at)) {
                throw error("a value such as " + w);
            }
            at += w.length();
            return v;
        }

        char peek() {
            return at < s.length() ? s.charAt(at) : '\0';
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'" + (at < s.length() ? ", found '" + s.charAt(at) + "'" : ", found the end"));
            }
            at++;
        }

        void space() {
            while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
        }

        IllegalArgumentException error(String expected) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(at, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new IllegalArgumentException("line " + line + ", column " + column + ": expected " + expected);
        }
    }
}
