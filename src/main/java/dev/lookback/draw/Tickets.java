package dev.lookback.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The draw's lottery tickets: ticket(v) = lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code seed + "/" + village}, and u(v) = (first 13 hex digits as an integer + 0.5) / 16^13.
 * Anyone can recompute a ticket with {@code printf '%s' "SEED/VILLAGE" | sha256sum}.
 */
public final class Tickets {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Tickets() {
    }

    /** One SHA-256 engine per thread: getting one from the providers costs more than a digest. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    /** The ticket of a village under a seed. */
    public static String ticket(String seed, String village) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return hex(sha.digest((seed + "/" + village).getBytes(StandardCharsets.UTF_8)));
    }

    /** The ticket's 32 bytes (whose unsigned order is the order of the hex tickets). */
    static byte[] digest(String seed, String village) {
        return digest(new ShortSha256(), (seed + "/").getBytes(StandardCharsets.UTF_8), village);
    }

    /**
     * The ticket's 32 bytes with a thread's own single-block SHA-256 and the seed's bytes with its
     * "/" already encoded: what a draw of many villages calls.
     */
    static byte[] digest(ShortSha256 sha, byte[] seedSlash, String village) {
        byte[] d = sha.digest(seedSlash, village);
        if (d != null) {
            return d;
        }
        MessageDigest full = SHA256.get();
        full.reset();
        full.update(seedSlash);
        return full.digest(village.getBytes(StandardCharsets.UTF_8));
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
        return hex(digest);
    }

    /** The lower-case hex SHA-256 of a file's bytes, as {@code sha256sum} prints it. */
    public static String fileSha256(java.nio.file.Path file) throws java.io.IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return hex(sha.digest());
    }

    private static String hex(byte[] digest) {
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    /** u(v): a uniform number in (0, 1) from the ticket's first 13 hex digits. */
    public static double uniform(String ticket) {
        long v = Long.parseLong(ticket.substring(0, 13), 16);
        return (v + 0.5) / 0x10000000000000L;
    }
}
