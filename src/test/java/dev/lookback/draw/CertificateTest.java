package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.frame.Village;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates written and read by one component, and {@link Draw#verify} checking a sample against one. */
class CertificateTest {
    static final String SEED = "2026-05-10 \"双色球\" 03 17 22 25 31";

    static Frame frame() {
        List<Village> villages = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            for (int v = 1; v <= 10; v++) {
                villages.add(new Village(String.format("C%02d", c), "T" + (v % 3), String.format("C%02d-V%02d", c, v),
                        20 + 7 * v));
            }
        }
        return Frame.of(villages);
    }

    @Test
    void roundTripsThroughJson(@TempDir Path dir) throws Exception {
        DrawResult drawn = Draw.draw(frame(), SEED, DrawMethod.PPS, Allocation.perCounty(frame(), 4));
        Path file = dir.resolve("sample.certificate.json");
        Certificate written = drawn.writeCertificate(file, "villages.csv", "ab12", "test");
        Certificate read = Certificate.read(file);
        assertEquals(written, read);
        assertEquals(SEED, read.seed());
        assertEquals(DrawMethod.PPS, read.method());
        assertEquals(Map.of("C01", 4, "C02", 4, "C03", 4), read.villagesPerCounty());
        assertEquals(drawn.villages().get(0).ticket(), read.villages().get(0).ticket());
        assertEquals(drawn.villages().get(0).inclusionProbability(), read.villages().get(0).inclusionProbability(), 0);
        assertTrue(Files.readString(file).contains("\"seed\": \"2026-05-10 \\\"双色球\\\" 03 17 22 25 31\""));
    }

    @Test
    void aBrokenCertificateSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"seed\": \"s\", \"method\": \"srs\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Certificate.read(file));
        assertEquals(file + ": not a draw certificate: villages_per_county must be a JSON object", e.getMessage());
        Files.writeString(file, "{\"seed\": ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Certificate.read(file)).getMessage()
                .startsWith(file + ": not a draw certificate: line 1, column 10: expected a value"));
    }

    @Test
    void verifyChecksTheSampleAgainstItsCertificate() {
        Frame frame = frame();
        DrawResult drawn = Draw.draw(frame, SEED, DrawMethod.SRS, Allocation.perCounty(frame, 3).withMaxPerTownship(1));
        Certificate c = Certificate.of(drawn, "villages.csv", "ab12", "test");
        Sample sample = Draw.sample(drawn);
        Draw.Verification ok = Draw.verify(frame, sample, Map.of(), SEED, null, 0, c);
        assertTrue(ok.ok(), ok.differences().toString());
        assertEquals(DrawMethod.SRS, ok.method());
        assertEquals(1, ok.maxPerTownship());
        // a village left out of the sample: the certificate catches it (the re-derivation with the sample's
        // own counts would not)
        List<SampledVillage> fewer = new ArrayList<>(sample.villages());
        SampledVillage gone = fewer.remove(fewer.size() - 1);
        Draw.Verification gap = Draw.verify(frame, Sample.of(fewer), Map.of(), SEED, null, 0, c);
        assertTrue(gap.differences().contains("C03: the certificate has 3 villages, the sample 2"), gap.toString());
        assertTrue(gap.differences().contains("C03: village " + gone.village() + " is in the certificate but not in the"
                + " sample"), gap.toString());
        // a method or a cap other than the certificate's, and another seed
        Draw.Verification other = Draw.verify(frame, sample, Map.of(), SEED + "!", DrawMethod.SRS, 2, c);
        assertTrue(other.differences().contains("the certificate says at most 1 villages per township, not 2"));
        assertTrue(other.differences().contains("the certificate's seed is \"" + SEED + "\", not \"" + SEED + "!\""));
        DrawResult plain = Draw.draw(frame, SEED, DrawMethod.SRS, Allocation.perCounty(frame, 3));
        Draw.Verification pps = Draw.verify(frame, Draw.sample(plain), Map.of(), SEED, DrawMethod.PPS, 0,
                Certificate.of(plain, "villages.csv", "ab12", "test"));
        assertTrue(pps.differences().contains("the certificate says method srs, not pps"), pps.toString());
        assertEquals(DrawMethod.SRS, Draw.verify(frame, Draw.sample(plain), Map.of(), SEED, null, 0, null).method());
    }
}
