package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCityTest {
    @Test
    void theDemoCitysLeadersAreDistinctPeople(@TempDir Path dir) throws Exception {
        SyntheticCity city = SyntheticCity.generate(CitySpec.demo(SyntheticCity.seedOf("leaders")));
        city.writeLeaders(dir);
        List<String> lines = Files.readAllLines(dir.resolve("leaders.csv"), StandardCharsets.UTF_8);
        List<String> names = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[2]).toList();
        assertEquals(3 * city.frame().counties().size(), names.size());
        assertEquals(names.size(), new HashSet<>(names).size(), "a name holds one post in one county: " + names);
    }
}
