package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON component: RFC 8259 examples, escapes, round trips, and errors that say where. */
class JsonTest {

    @Test
    void parsesTheRfcExample() {
        // RFC 8259, section 13 (the "Image" object, shortened)
        String text = "{\"Image\": {\"Width\": 800, \"Height\": 600, \"Title\": \"View from 15th Floor\","
                + " \"Animated\" : false, \"IDs\": [116, 943, 234, 38793], \"Ratio\": 1.5e0, \"Tag\": null}}";
        Map<?, ?> image = (Map<?, ?>) ((Map<?, ?>) Json.parse(text)).get("Image");
        assertEquals(800L, image.get("Width"));
        assertEquals("View from 15th Floor", image.get("Title"));
        assertEquals(false, image.get("Animated"));
        assertEquals(List.of(116L, 943L, 234L, 38793L), image.get("IDs"));
        assertEquals(1.5, image.get("Ratio"));
        assertEquals(true, image.containsKey("Tag"));
        assertEquals(null, image.get("Tag"));
    }

    @Test
    void escapesRoundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", "2026-05-10 双色球 \"03\" \\ 17\n22\t25\u0001");
        m.put("pi", 0.1 + 0.2);
        m.put("n", -12L);
        m.put("list", Arrays.asList("a", null, true, 1e-300));
        m.put("nested", List.of(Map.of("county", "C01"), Map.of()));
        String text = Json.write(m);
        assertEquals(m, Json.parse(text));
        assertEquals("\"a\\\"b\\\\c\\u0001\"", Json.string("a\"b\\c\u0001"));
        assertEquals("é€😀", Json.parse("\"\\u00e9\\u20ac\\ud83d\\ude00\""));
    }

    @Test
    void flatObjectsStayOnOneLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("villages", List.of(Map.of("county", "C01")));
        assertEquals("{\n  \"villages\": [\n    {\"county\": \"C01\"}\n  ]\n}\n", Json.write(m));
    }

    @Test
    void errorsSayWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": tru\n}"));
        assertEquals("line 2, column 8: expected a value such as true", e.getMessage());
        assertEquals("line 1, column 12: expected one member named \"a\", found two",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}")).getMessage());
        assertEquals("line 1, column 4: expected the end of the text after the JSON value",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("01x"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
