package dev.lookback.draw;

/**
 * SHA-256 (FIPS 180-4) of a message of at most 55 bytes, which fits one 64-byte block after padding:
 * every ticket's {@code seed/village}, almost always. The platform's MessageDigest computes the same
 * digest, but for half a million short messages its general machinery (buffers, padding, var-handle
 * byte order) costs more than the compression itself when the JIT stops at C1, as {@code bin/lookback}
 * does; the tests hold the two to the same bytes.
 */
final class ShortSha256 {
    /** The longest message this class digests. */
    static final int MAX = 55;

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private final int[] w = new int[64];
    private final byte[] buffer = new byte[MAX];

    /**
     * The digest of {@code prefix} followed by the UTF-8 bytes of {@code text}, or null when they do not
     * fit one block (the caller then uses MessageDigest). ASCII text is copied without an encoder.
     */
    byte[] digest(byte[] prefix, String text) {
        int n = prefix.length;
        if (n + text.length() > MAX) {
            return null;
        }
        System.arraycopy(prefix, 0, buffer, 0, n);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 0x80) { // not ASCII: let the encoder do it
                byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (n + bytes.length > MAX) {
                    return null;
                }
                System.arraycopy(bytes, 0, buffer, prefix.length, bytes.length);
                return digest(buffer, prefix.length + bytes.length);
            }
            buffer[n++] = (byte) ch;
        }
        return digest(buffer, n);
    }

    /** The digest of {@code message[0, length)}, length ≤ {@link #MAX}. */
    byte[] digest(byte[] message, int length) {
        if (length > MAX) {
            throw new IllegalArgumentException("a single block holds at most " + MAX + " bytes, not " + length);
        }
        int[] w = this.w;
        java.util.Arrays.fill(w, 0, 16, 0);
        for (int i = 0; i < length; i++) {
            w[i >> 2] |= (message[i] & 0xff) << (24 - 8 * (i & 3));
        }
        w[length >> 2] |= 0x80 << (24 - 8 * (length & 3));
        w[15] = length * 8; // the length in bits, big-endian, in the block's last 8 bytes (high word 0)
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = 0x6a09e667;
        int b = 0xbb67ae85;
        int c = 0x3c6ef372;
        int d = 0xa54ff53a;
        int e = 0x510e527f;
        int f = 0x9b05688c;
        int g = 0x1f83d9ab;
        int h = 0x5be0cd19;
        for (int t = 0; t < 64; t++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        byte[] out = new byte[32];
        put(out, 0, a + 0x6a09e667);
        put(out, 4, b + 0xbb67ae85);
        put(out, 8, c + 0x3c6ef372);
        put(out, 12, d + 0xa54ff53a);
        put(out, 16, e + 0x510e527f);
        put(out, 20, f + 0x9b05688c);
        put(out, 24, g + 0x1f83d9ab);
        put(out, 28, h + 0x5be0cd19);
        return out;
    }

    private static void put(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
    }
}
