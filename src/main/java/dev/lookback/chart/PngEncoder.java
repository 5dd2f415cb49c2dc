package dev.lookback.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A small PNG writer for charts: 8-bit RGB, the Sub filter on every row but one like the row above (Up: all zeros),
 * the rows deflated by {@link RowDeflater}, and the resolution in a pHYs chunk. Charts are mostly flat colour: a run
 * of one colour is found with the platform's vectorised comparison and filtered to zeros at once, and the encoder
 * writes runs of zeros as long matches instead of scanning them byte by byte as zlib does. The city's seven charts at
 * 300 dpi and their halved copies encode about 3 times faster than with zlib's fastest level (0.34 s against 1.1 s
 * with C1, warm) into files 15% smaller; ImageIO's adaptive filtering, before that, took most of a review's chart time.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image, int dpi) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 8 + 1024);
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream d = new DataOutputStream(header);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(8); // bit depth
        d.writeByte(2); // truecolour RGB
        d.writeByte(0); // deflate
        d.writeByte(0); // adaptive filtering (per-row filter byte)
        d.writeByte(0); // no interlace
        chunk(out, "IHDR", header.toByteArray());
        ByteArrayOutputStream phys = new ByteArrayOutputStream(9);
        DataOutputStream p = new DataOutputStream(phys);
        int perMetre = (int) Math.round(dpi / 0.0254);
        p.writeInt(perMetre);
        p.writeInt(perMetre);
        p.writeByte(1); // metres
        chunk(out, "pHYs", phys.toByteArray());
        RowDeflater data = new RowDeflater(1 + 3 * w, w * h / 64 + 1024);
        int[] pixels = pixels(image);
        byte[] row = new byte[1 + 3 * w];
        row[0] = 1; // Sub: each byte minus the byte three to its left
        byte[] same = new byte[1 + 3 * w];
        same[0] = 2; // Up: each byte minus the byte above it, all zeros for a row like the one above
        byte[] zeros = new byte[3 * w];
        for (int y = 0; y < h; y++) {
            int offset = y * w;
            int end = offset + w;
            if (y > 0 && Arrays.equals(pixels, offset - w, offset, pixels, offset, end)) {
                data.row(same); // a chart's margins, bands and the rows its vertical lines cross
                continue;
            }
            int before = 0;
            int i = 1;
            for (int x = offset; x < end; ) {
                int c = pixels[x];
                row[i] = (byte) ((c >> 16) - (before >> 16));
                row[i + 1] = (byte) ((c >> 8) - (before >> 8));
                row[i + 2] = (byte) (c - before);
                before = c;
                x++;
                i += 3;
                if (x + 1 < end && pixels[x] == c && pixels[x + 1] == c) { // a run of one colour: zeros
                    int n = run(pixels, x, end);
                    System.arraycopy(zeros, 0, row, i, 3 * n);
                    x += n;
                    i += 3 * n;
                }
            }
            data.row(row);
        }
        chunk(out, "IDAT", data.finish());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** How many pixels from {@code from} on (before {@code end}) have the colour of the one at {@code from}. */
    static int run(int[] pixels, int from, int end) {
        int differs = Arrays.mismatch(pixels, from + 1, end, pixels, from, end - 1);
        return differs < 0 ? end - from : differs + 1;
    }

    /** The image's RGB pixels, row by row: its own buffer when it is TYPE_INT_RGB (no copy), else a copy. */
    static int[] pixels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt buffer
                && buffer.getNumBanks() == 1 && image.getRaster().getParent() == null) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
