package dev.lookback.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The single-block SHA-256 of tickets gives MessageDigest's bytes for every length and alphabet. */
class ShortSha256Test {

    @Test
    void equalsMessageDigestForEveryShortLength() throws Exception {
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        ShortSha256 sha = new ShortSha256();
        SplittableRandom random = new SplittableRandom(1);
        for (int length = 0; length <= ShortSha256.MAX; length++) {
            for (int k = 0; k < 20; k++) {
                byte[] message = new byte[length];
                for (int i = 0; i < length; i++) {
                    message[i] = (byte) random.nextInt(256);
                }
                assertArrayEquals(reference.digest(message), sha.digest(message, length), "length " + length);
            }
        }
        // FIPS 180-4's example "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Tickets.hexOf(sha.digest("abc".getBytes(StandardCharsets.US_ASCII), 3)));
    }

    @Test
    void ticketsOfAnyVillageCodeMatchTheContract() throws Exception {
        ShortSha256 sha = new ShortSha256();
        byte[] seedSlash = "2026-05-10 双色球 03 17/".getBytes(StandardCharsets.UTF_8);
        String[] villages = {"", "C01-V001", "610528-103-205", "富平县庄里镇东村", "x".repeat(30), "x".repeat(40),
            "村".repeat(20)};
        for (String v : villages) {
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(("2026-05-10 双色球 03 17/" + v)
                    .getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(expected, Tickets.digest(sha, seedSlash, v), v);
            assertEquals(Tickets.ticket("2026-05-10 双色球 03 17", v), Tickets.hexOf(Tickets.digest("2026-05-10 双色球 03 17", v)));
        }
        assertNull(sha.digest(seedSlash, "x".repeat(40)), "too long for one block: MessageDigest's turn");
    }
}
