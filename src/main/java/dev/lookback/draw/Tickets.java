package dev.lookback.draw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The draw's lottery tickets: ticket(v) = lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code seed + "/" + village}, and u(v) = (first 13 hex digits as an integer + 0.5) / 16^13.
 * Anyone can recompute a ticket with {@code printf '%s' "SEED/VILLAGE" | sha256sum}. The digest is the
 * platform's ({@link MessageDigest}) and the hex the platform's ({@link HexFormat}): the part people
 * must trust has no hand-written cryptography.
 */
public final class Tickets {
    private static final HexFormat HEX = HexFormat.of();

    private Tickets() {
    }

    /** One SHA-256 engine per thread: getting one from the providers costs more than a digest. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Tickets::sha256);

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The ticket of a village under a seed. */
    public static String ticket(String seed, String village) {
        return HEX.formatHex(digest((seed + "/").getBytes(StandardCharsets.UTF_8), village));
    }

    /**
     * The ticket's 32 bytes (whose unsigned order is the order of the hex tickets), with the seed's bytes
     * and its "/" already encoded: what a draw of many villages calls.
     */
    static byte[] digest(byte[] seedSlash, String village) {
        MessageDigest sha = SHA256.get();
        sha.update(seedSlash);
        return sha.digest(village.getBytes(StandardCharsets.UTF_8));
    }

    /** u from the ticket's bytes: the first 13 hex digits are the first 52 bits. */
    static double uniform(byte[] digest) {
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (digest[i] & 0xff);
        }
        return ((v >>> 4) + 0.5) / 0x10000000000000L;
    }

    /** The hex ticket of a digest. */
    static String hexOf(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** The lower-case hex SHA-256 of a text's UTF-8 bytes, as {@code printf '%s' TEXT | sha256sum} prints it. */
    public static String sha256(String text) {
        MessageDigest sha = SHA256.get();
        return HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The lower-case hex SHA-256 of a file's bytes, as {@code sha256sum} prints it. */
    public static String fileSha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HEX.formatHex(sha.digest());
    }

    /** u(v): a uniform number in (0, 1) from the ticket's first 13 hex digits. */
    public static double uniform(String ticket) {
        long v = Long.parseLong(ticket.substring(0, 13), 16);
        return (v + 0.5) / 0x10000000000000L;
    }
}
