package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookback.io.InputException;
import dev.lookback.report.ReviewFiles;
import dev.lookback.sim.Demo;
import dev.lookback.vocabulary.DrawStatus;
import dev.lookback.vocabulary.InputFile;
import dev.lookback.vocabulary.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder, one set of decisions: the library's folder review, the command line's {@code --input} and its file
 * options read the same inputs the same way, the draw's certificate (and its rounds) included; and a certificate
 * that the frame or the sample contradicts stops the review.
 */
class ReviewInputsTest {
    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void demo() throws IOException {
        input = Demo.run(dir.resolve("demo"), Demo.SEED, Demo.PER_COUNTY, Unit.PERSONS).inputs();
    }

    static int lookback(String... args) {
        return dev.lookback.cli.Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** A copy of the demo's inputs, to change one of them. */
    static Path copy(String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(input)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    @Test
    void theFolderTheCommandLineAndItsFileOptionsGiveTheSameDecisions() throws IOException {
        ReviewResult library = Review.ofFolder(input).run();
        assertEquals(DrawStatus.VERIFIED, library.draw().status());
        assertEquals(2, library.settings().rounds(), "the certificate's declared rounds");
        // R: 1 - 2 * (2 - 2 * pnorm(qnorm(1 - 0.025 / 2) / sqrt(0.5))), the O'Brien–Fleming-type first look
        assertEquals(0.996949354484022, library.settings().decisionLevel(1), 1e-12);
        assertEquals(List.of(InputFile.FRAME, InputFile.SAMPLE, InputFile.SELF_CHECK, InputFile.SPOT_CHECK,
                InputFile.LEADERS, InputFile.CADRES, InputFile.SATISFACTION, InputFile.FUNDS, InputFile.REPORTS,
                InputFile.RECHECK, InputFile.CERTIFICATE), library.inputs().stream().map(ReviewResult.Input::role).toList());
        Path fromLibrary = dir.resolve("library");
        ReviewFiles.write(library, fromLibrary);
        assertEquals(0, lookback("review", "--input", input.toString(), "--out", dir.resolve("cli-folder").toString(),
                "--report", "none", "--charts", "none"));
        List<String> files = new ArrayList<>(List.of("review", "--out", dir.resolve("cli-files").toString(), "--report",
                "none", "--charts", "none"));
        for (InputFile role : List.of(InputFile.FRAME, InputFile.SAMPLE, InputFile.SELF_CHECK, InputFile.SPOT_CHECK,
                InputFile.LEADERS, InputFile.CADRES, InputFile.SATISFACTION, InputFile.FUNDS, InputFile.REPORTS,
                InputFile.RECHECK)) {
            files.addAll(List.of(role.option(), input.resolve(role.fileName()).toString()));
        }
        assertEquals(0, lookback(files.toArray(new String[0])));
        byte[] expected = Files.readAllBytes(fromLibrary.resolve("decisions.csv"));
        assertTrue(new String(expected, StandardCharsets.UTF_8).contains("99.69%区间"), "decided at the certificate's first look");
        for (String run : List.of("cli-folder", "cli-files")) {
            assertEquals(-1L, Files.mismatch(fromLibrary.resolve("decisions.csv"), dir.resolve(run).resolve("decisions.csv")),
                    run + " decisions.csv");
            assertEquals(-1L, Files.mismatch(fromLibrary.resolve("estimates.csv"), dir.resolve(run).resolve("estimates.csv")),
                    run + " estimates.csv");
        }
        String manifest = Files.readString(dir.resolve("cli-folder/manifest.json"));
        assertTrue(manifest.contains("\"draw\": \"VERIFIED\""), manifest);
        assertTrue(manifest.contains("\"rounds\": 2"), manifest);
        assertTrue(manifest.contains("\"role\": \"certificate\""), manifest);
        assertTrue(manifest.contains("\"usable\": true"), manifest);
    }

    @Test
    void theInputsAreOneRecordAndWhatWasReadIsMadeFromIt() {
        Review review = Review.ofFolder(input);
        ReviewInputs inputs = review.inputs();
        assertEquals(ReviewInputs.CertificateUse.BESIDE_SAMPLE, inputs.certificate().use());
        assertEquals(input.resolve("sample.certificate.json"), inputs.certificate().checked());
        ReviewResult r = review.run();
        // what the result (and so the manifest) lists is the record's tables, then the checked certificate
        assertEquals(inputs.read(r.draw()), r.inputs());
        // every CSV input was hashed as it was read: the manifest's SHA-256 without a second pass over the register
        for (ReviewResult.Input i : r.inputs()) {
            if (i.role() != InputFile.CERTIFICATE) {
                try {
                    assertEquals(dev.lookback.draw.Tickets.fileSha256(i.file()), i.digest().orElseThrow().sha256(),
                            i.toString());
                    assertEquals(Files.size(i.file()), i.digest().get().bytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        // the builder and the two records give the same review
        Review same = Review.of(inputs, review.settings());
        assertEquals(review.toString(), same.toString());
        ReviewInputs waived = inputs.withoutCertificate();
        assertEquals(null, waived.certificate().checked());
        assertTrue(waived.toString().endsWith("certificate not checked"), waived.toString());
        assertEquals(DrawStatus.NOT_CHECKED, Review.of(waived, review.settings()).run().draw().status());
        assertThrows(IllegalArgumentException.class, () -> inputs.with(InputFile.CERTIFICATE,
                inputs.table(InputFile.SAMPLE)));
        assertThrows(IllegalArgumentException.class, () -> Review.of(inputs.with(InputFile.FRAME, null),
                review.settings()));
    }

    @Test
    void aFileChangedAfterItWasReadIsHashedAgain() throws IOException {
        Path changed = copy("changed-after-reading");
        var source = dev.lookback.io.TabularSource.of(changed.resolve("villages.csv"));
        source.read(List.of(dev.lookback.io.Columns.VILLAGE), row -> { });
        String read = source.lastDigest().orElseThrow().sha256();
        assertEquals(dev.lookback.draw.Tickets.fileSha256(changed.resolve("villages.csv")), read);
        Files.writeString(changed.resolve("villages.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(source.lastDigest().isEmpty(), "the digest no longer stands for the file");
    }

    @Test
    void aFrameEditedAfterTheDrawStopsTheReviewNamingTheCertificate() throws IOException {
        Path edited = copy("edited-frame");
        List<String> frame = new ArrayList<>(Files.readAllLines(edited.resolve("villages.csv")));
        frame.set(1, frame.get(1).replaceFirst(",\\d+$", ",999")); // a village's households changed
        Files.write(edited.resolve("villages.csv"), frame);
        InputException e = assertThrows(InputException.class, () -> Review.ofFolder(edited).run());
        assertEquals("sample.certificate.json", e.file());
        assertTrue(e.getMessage().startsWith("sample.certificate.json: the draw's certificate does not match the frame"
                + " and the sample given (1 difference): the frame villages.csv has SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains(": the frame changed after the draw. Review the files the certificate was"
                + " drawn from, or review without it explicitly (--no-certificate)"), e.getMessage());
        StringWriter err = new StringWriter();
        int status = dev.lookback.cli.Main.run(new String[] {"review", "--input", edited.toString(), "--out",
            dir.resolve("edited-out").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, status);
        assertTrue(err.toString().endsWith(" / sample.certificate.json：抽样证书与抽样框或样本不符：请使用抽样时的原始文件，或加"
                + " --no-certificate 明示不核对证书\n"), err.toString());
        assertTrue(Files.notExists(dir.resolve("edited-out/estimates.csv")), "nothing estimated, nothing written");
        // reviewing without the certificate is an explicit choice, stated in the result and the manifest
        ReviewResult waived = Review.ofFolder(edited).withoutCertificate().run();
        assertEquals(DrawStatus.NOT_CHECKED, waived.draw().status());
        assertEquals(1, waived.settings().rounds(), "no certificate, no declared rounds but those given");
        assertEquals(0, lookback("review", "--input", edited.toString(), "--no-certificate", "--out",
                dir.resolve("waived").toString(), "--report", "none", "--charts", "none"));
        assertTrue(Files.readString(dir.resolve("waived/manifest.json")).contains("\"draw\": \"NOT_CHECKED\""));
    }

    @Test
    void aCertificateWhoseSeedMethodOrVillagesDifferIsRefused() throws IOException {
        Path seed = copy("seed");
        String certificate = Files.readString(seed.resolve("sample.certificate.json"));
        Files.writeString(seed.resolve("sample.certificate.json"), certificate.replace("\"seed\": \"" + Demo.SEED,
                "\"seed\": \"" + Demo.SEED + "x"));
        InputException s = assertThrows(InputException.class, () -> Review.ofFolder(seed).run());
        assertTrue(s.getMessage().contains("but not in the sample"), s.getMessage());
        Path method = copy("method");
        Files.writeString(method.resolve("sample.certificate.json"), certificate.replace("\"method\": \"srs\"",
                "\"method\": \"pps\""));
        InputException m = assertThrows(InputException.class, () -> Review.ofFolder(method).run());
        assertTrue(m.getMessage().contains("has inclusion probability"), m.getMessage());
        Path villages = copy("villages");
        List<String> sample = new ArrayList<>(Files.readAllLines(villages.resolve("sample.csv")));
        String first = sample.get(1).split(",")[1];
        String other = first.substring(0, first.length() - 3) + (first.endsWith("040") ? "039" : "040");
        sample.set(1, sample.get(1).replace(first, other));
        Files.write(villages.resolve("sample.csv"), sample);
        InputException v = assertThrows(InputException.class, () -> Review.ofFolder(villages).run());
        assertTrue(v.getMessage().contains("village " + first + " is in the certificate but not in the sample"),
                v.getMessage());
        // the rounds cannot change after the draw
        IllegalArgumentException rounds = assertThrows(IllegalArgumentException.class,
                () -> Review.ofFolder(input).rounds(3).run());
        assertTrue(rounds.getMessage().startsWith("3 rounds asked for, but the draw's certificate sample.certificate.json"
                + " declares 2 rounds"), rounds.getMessage());
    }

    @Test
    void aSampleWithoutCertificateWorksAndSaysTheDrawCouldNotBeVerified() throws IOException {
        Path alone = copy("alone");
        Files.delete(alone.resolve("sample.certificate.json"));
        ReviewResult r = Review.ofFolder(alone).run();
        assertEquals(DrawStatus.NO_CERTIFICATE, r.draw().status());
        assertEquals(1, r.settings().rounds());
        assertEquals(0, lookback("review", "--input", alone.toString(), "--out", dir.resolve("alone-out").toString(),
                "--charts", "none"));
        assertTrue(Files.readString(dir.resolve("alone-out/manifest.json")).contains("\"draw\": \"NO_CERTIFICATE\""));
        assertTrue(Files.readString(dir.resolve("alone-out/report.html")).contains("抽样无法核验"));
    }
}
