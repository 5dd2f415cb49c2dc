package dev.lookback.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.draw.Tickets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Codes from the data never become paths: no separators, no "..", nothing outside the folder. */
class FileNamesTest {

    @Test
    void plainCodesKeepTheirNames() {
        assertEquals("C01", FileNames.safe("C01"));
        assertEquals("城关镇", FileNames.safe("城关镇"));
        assertEquals("430102-001_a", FileNames.safe("430102-001_a"));
    }

    @Test
    void codesThatCannotBeNamesAreMadeSafeAndStayDistinct() {
        String hash = Tickets.sha256("../../x").substring(0, 8);
        assertEquals("______x-" + hash, FileNames.safe("../../x"));
        assertTrue(FileNames.safe("市辖区/城关镇").startsWith("市辖区_城关镇-"));
        assertTrue(FileNames.safe("CON").startsWith("CON-"), "a Windows device name");
        assertTrue(FileNames.safe("").startsWith("_-"));
        assertTrue(FileNames.safe("a\u0000b").startsWith("a_b-"));
        Map<String, String> names = FileNames.safe(List.of("a_b", "a/b", "A_B"));
        assertEquals("a_b", names.get("a_b"));
        assertEquals(3, Map.copyOf(names).values().stream().map(String::toLowerCase).distinct().count(), names.toString());
        for (String n : names.values()) {
            assertFalse(n.contains("/") || n.contains("\\") || n.contains(".."), n);
        }
    }

    @Test
    void aNameThatWouldLeaveTheFolderIsRefused() {
        Path dir = Path.of("out", "rectification");
        assertEquals(dir.resolve("C01.csv").toAbsolutePath().normalize(), FileNames.inside(dir, "C01.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileNames.inside(dir, "../x.csv"));
        assertEquals("the file name \"../x.csv\" would leave " + dir, e.getMessage());
    }
}
