package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SHA-256 digests the first JVM hands to the review's JVM: the lines written and read back, and a digest standing
 * for a file only when the job read the same bytes.
 */
@Timeout(30)
class ParentDigestsTest {
    @TempDir
    Path dir;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static InputStream sent(List<Path> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParentDigests.send(files, out, null);
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void theFirstJvmsLinesCarryEachFilesSha256AndAreReadBack() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.csv"), "abc");
        Path other = Files.writeString(dir.resolve("other.csv"), "household,persons\nH1,3\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParentDigests.send(List.of(abc, other, dir.resolve("gone.csv")), out, null);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("lookback-digests 1", lines[0]);
        assertEquals("file\t" + abc.toAbsolutePath(), lines[1]);
        assertEquals("files-end", lines[4]);
        // FIPS 180-2's example: SHA-256("abc"); CRC-32C("abc") = 0x364b3fb7 (Castagnoli's polynomial, RFC 3720)
        assertEquals("sha256\t" + abc.toAbsolutePath() + "\t3\t364b3fb7\t"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", lines[5]);
        assertEquals("failed\t" + dir.resolve("gone.csv").toAbsolutePath(), lines[7]);

        ParentDigests handed = ParentDigests.from(new ByteArrayInputStream(out.toByteArray()));
        assertTrue(handed.covers(abc));
        assertTrue(handed.covers(dir.resolve("x/../other.csv")), "the same file by another spelling of its path");
        assertFalse(handed.covers(dir.resolve("elsewhere.csv")));
        byte[] text = Files.readAllBytes(other);
        ParentDigests.Entry e = ParentDigests.digest(other);
        assertEquals(Optional.of(sha256(text)), handed.sha256(other, text.length, e.crc32c()));
        assertEquals(Optional.empty(), handed.sha256(other, text.length, e.crc32c() ^ 1), "other bytes: no digest");
        assertEquals(Optional.empty(), handed.sha256(other, text.length - 1, e.crc32c()), "fewer bytes: no digest");
        assertEquals(Optional.empty(), handed.sha256(dir.resolve("gone.csv"), 0, 0), "the first JVM could not read it");
    }

    @Test
    void aFileReadAsTheFirstJvmReadItHasItsSha256AndAChangedOneHasNone() throws Exception {
        String before = "household,persons\nH1,3\nH2,4\n";
        Path file = Files.writeString(dir.resolve("self_check.csv"), before);
        InputStream lines = sent(List.of(file));

        TabularSource same = new TabularSource.CsvSource("self_check.csv", file, null, null, ParentDigests.from(lines));
        assertEquals(2, same.read(TabularSourceTest.COLUMNS, r -> { }));
        assertEquals(sha256(before.getBytes(StandardCharsets.UTF_8)), same.lastDigest().orElseThrow().sha256());
        assertEquals(before.length(), same.lastDigest().orElseThrow().bytes());

        // the file changes between the first JVM's read and the job's, keeping its length
        InputStream stale = sent(List.of(file));
        Files.writeString(file, before.replace("H2,4", "H2,5"));
        TabularSource changed = new TabularSource.CsvSource("self_check.csv", file, null, null, ParentDigests.from(stale));
        assertEquals(2, changed.read(TabularSourceTest.COLUMNS, r -> { }));
        assertTrue(changed.lastDigest().isEmpty(), "the first JVM's digest does not stand for the bytes read");
    }

    @Test
    void aFileTheFirstJvmDoesNotListIsHashedByTheJob() throws Exception {
        Path listed = Files.writeString(dir.resolve("spot_check.csv"), "household,persons\nH1,3\n");
        Path file = Files.writeString(dir.resolve("self_check.csv"), "household,persons\nH9,1\n");
        TabularSource source = new TabularSource.CsvSource("self_check.csv", file, null, null,
                ParentDigests.from(sent(List.of(listed))));
        source.read(TabularSourceTest.COLUMNS, r -> { });
        assertEquals(sha256(Files.readAllBytes(file)), source.lastDigest().orElseThrow().sha256());
    }

    @Test
    void aFirstJvmThatEndsOrWritesNonsenseLeavesNoDigestAndNoWait() throws Exception {
        Path file = Files.writeString(dir.resolve("self_check.csv"), "household,persons\nH1,3\n");
        for (String input : List.of("", "lookback-digests 1\nfile\t" + file.toAbsolutePath() + "\n",
                "something else\n", "lookback-digests 1\nfile\t" + file.toAbsolutePath() + "\nfiles-end\nsha256\tbad\n")) {
            ParentDigests handed = ParentDigests.from(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            TabularSource source = new TabularSource.CsvSource("self_check.csv", file, null, null, handed);
            source.read(TabularSourceTest.COLUMNS, r -> { });
            Optional<TabularSource.FileDigest> d = source.lastDigest();
            if (handed.covers(file)) {
                assertTrue(d.isEmpty(), input);
            } else {
                assertEquals(sha256(Files.readAllBytes(file)), d.orElseThrow().sha256(), input);
            }
        }
    }

    /** Whether OpenSSL's command line program is on the PATH (it is on Debian and on CI's machine). */
    private static boolean opensslInstalled() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void openSslTakesTheSameSha256AsThePlatformFromTheBytesWhoseCrcIsTaken() throws Exception {
        Assumptions.assumeTrue(opensslInstalled(), "OpenSSL's command line program is not installed");
        Path abc = Files.writeString(dir.resolve("abc.csv"), "abc");
        ParentDigests.Entry e = ParentDigests.digestByOpenssl(abc, "openssl");
        // FIPS 180-2's example and CRC-32C("abc") (RFC 3720), as above
        assertEquals(new ParentDigests.Entry(3, 0x364b3fb7L,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), e);
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertEquals(new ParentDigests.Entry(0, 0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                ParentDigests.digestByOpenssl(empty, "openssl"));
        byte[] bytes = new byte[1_000_003]; // pieces of 64 kB and a last one shorter
        new Random(20261204L).nextBytes(bytes);
        Path big = Files.write(dir.resolve("big.csv"), bytes);
        assertEquals(ParentDigests.digest(big), ParentDigests.digestByOpenssl(big, "openssl"));
        assertEquals(sha256(bytes), ParentDigests.digestByOpenssl(big, "openssl").sha256());

        ByteArrayOutputStream here = new ByteArrayOutputStream();
        ByteArrayOutputStream byOpenssl = new ByteArrayOutputStream();
        List<Path> files = List.of(abc, big, dir.resolve("gone.csv"));
        ParentDigests.send(files, here, null);
        ParentDigests.send(files, byOpenssl, "openssl");
        assertEquals(here.toString(StandardCharsets.UTF_8), byOpenssl.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProgramThatIsMissingFailsOrAnswersNonsenseLeavesTheSha256ToThisJvm() throws Exception {
        byte[] bytes = new byte[1 << 20]; // more than a pipe holds: a program that echoes it must not block the feeding
        new Random(7L).nextBytes(bytes);
        Path other = Files.write(dir.resolve("other.csv"), bytes);
        Path missing = dir.resolve("no-such-openssl");
        assertEquals(null, ParentDigests.digestByOpenssl(other, missing.toString()), "cannot be started");
        for (String program : List.of("/bin/false", "/bin/echo", "/bin/cat", "/bin/true")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(program)), program);
        }
        assertEquals(null, ParentDigests.digestByOpenssl(other, "/bin/false"), "ends with status 1");
        assertEquals(null, ParentDigests.digestByOpenssl(other, "/bin/echo"), "answers a line of text, not 32 bytes");
        assertEquals(null, ParentDigests.digestByOpenssl(other, "/bin/cat"), "answers all the bytes back: stopped");
        assertEquals(null, ParentDigests.digestByOpenssl(other, "/bin/true"), "ends without reading or answering");
        ByteArrayOutputStream here = new ByteArrayOutputStream();
        ParentDigests.send(List.of(other), here, null);
        for (String program : List.of(missing.toString(), "/bin/false", "/bin/echo", "/bin/cat", "/bin/true")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParentDigests.send(List.of(other, other.resolveSibling("x/../other.csv")), out, program);
            assertEquals(here.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8), program);
        }
        assertThrows(IOException.class, () -> ParentDigests.digestByOpenssl(dir.resolve("gone.csv"), "/bin/echo"),
                "a file that cannot be read is the file's failure, not the program's");
    }
}
