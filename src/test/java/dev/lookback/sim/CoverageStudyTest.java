package dev.lookback.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.sim.CoverageStudy.Coverage;
import dev.lookback.survey.IntervalMethod;
import dev.lookback.vocabulary.Measure;
import dev.lookback.vocabulary.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coverage study with fixed seeds: on synthetic cities whose true rates are known, the 95%
 * Korn–Graubard interval covers the truth at least 93% of the time, per county and city-wide.
 */
class CoverageStudyTest {
    static final CitySpec CITY = new CitySpec(6, 30, 15, 50, 0.08, 0.12, 0.01, 0.05, 0.04, 0.003, 0.8, 1);

    @Test
    void kornGraubardCoversAtLeast93Percent() {
        List<Coverage> study = CoverageStudy.run(CITY, 60, 8, Unit.HOUSEHOLDS, 0.95);
        for (Coverage c : study) {
            if (c.method() == IntervalMethod.KORN_GRAUBARD) {
                assertTrue(c.rate() >= 0.93, c.toString());
            }
        }
        Coverage wald = study.stream().filter(c -> c.method() == IntervalMethod.WALD && c.rows().equals("county"))
                .findFirst().orElseThrow();
        Coverage kg = study.stream().filter(c -> c.method() == IntervalMethod.KORN_GRAUBARD && c.rows().equals("county"))
                .findFirst().orElseThrow();
        assertTrue(wald.rate() < kg.rate(), "Wald undercovers rare clustered errors: " + wald + " vs " + kg);
        assertEquals(60 * 6 * Measure.values().length, kg.defined() + kg.undefined());
    }

    @Test
    void trueRatesAreFinitePopulationRatios() {
        SyntheticCity city = SyntheticCity.generate(CITY);
        double all = city.trueRate("ALL", Measure.EXIT, Unit.HOUSEHOLDS);
        assertTrue(all > 0 && all < 0.2, "exit rate " + all);
        double c1 = city.trueRate("C01", Measure.IDENTIFICATION, Unit.PERSONS);
        assertTrue(c1 >= 0 && c1 < 1);
        assertEquals(city.frame().villages().size(), 180);
        assertEquals(city.toString(), SyntheticCity.generate(CITY).toString(), "deterministic");
    }
}
