package dev.lookback.draw;

import dev.lookback.frame.Frame;
import dev.lookback.frame.Sample;
import dev.lookback.frame.SampledVillage;
import dev.lookback.io.InputException;
import dev.lookback.vocabulary.DrawStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a review found of its sample's draw, checked against the draw's certificate before anything is estimated:
 * the frame must be the file the certificate names by its SHA-256, and the sample must be exactly the draw that
 * the certificate's seed and method give from that frame, each village in the round the certificate says. A
 * certificate that the frame or the sample contradicts stops the review ({@link #verify} throws); a review
 * without a certificate says that its draw could not be verified; a review told not to check says so.
 *
 * @param status      verified, no certificate, or not checked
 * @param file        the certificate's file name (empty when none)
 * @param certificate the certificate read (null unless verified)
 * @param frameSha256 the frame file's SHA-256 (empty when not computed)
 */
public record CertificateCheck(DrawStatus status, String file, Certificate certificate, String frameSha256) {

    public CertificateCheck {
        Objects.requireNonNull(status, "status");
        file = file == null ? "" : file;
        frameSha256 = frameSha256 == null ? "" : frameSha256;
    }

    /** A review of a sample without a certificate: its draw could not be verified. */
    public static CertificateCheck noCertificate() {
        return new CertificateCheck(DrawStatus.NO_CERTIFICATE, "", null, "");
    }

    /** A review told not to check the certificate (the command line's {@code --no-certificate}). */
    public static CertificateCheck notChecked() {
        return new CertificateCheck(DrawStatus.NOT_CHECKED, "", null, "");
    }

    /** The rounds the certificate declares, or 0 when there is none. */
    public int rounds() {
        return certificate == null ? 0 : certificate.rounds();
    }

    /**
     * Checks a certificate against the frame and the sample: the frame file's SHA-256, the draw re-derived from the
     * certificate's seed and method ({@link Draw#verify(Frame, Sample, Map, String, DrawMethod, int, Certificate)},
     * which also compares the villages per county and the certified villages), and each village's round.
     *
     * @param file      the certificate file
     * @param frame     the frame as read
     * @param frameFile the frame's file (null when it is not a file: its SHA-256 cannot be compared)
     * @param sample    the sample as read
     * @param tickets   the sample's tickets by village (may be empty)
     * @throws InputException naming the certificate and every difference (the first few), when there is one
     */
    public static CertificateCheck verify(Path file, Frame frame, Path frameFile, Sample sample,
            Map<String, String> tickets) {
        String name = String.valueOf(file.getFileName());
        Certificate c;
        try {
            c = Certificate.read(file);
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputException(name, 0, null, e.getMessage().replace(file + ": ", ""), true,
                    "抽样证书无法读取：请使用抽样时写出的证书，或加 --no-certificate 明示不核对");
        }
        List<String> differences = new ArrayList<>();
        String sha = "";
        if (frameFile == null) {
            differences.add("the frame is not a file, so its SHA-256 cannot be compared with the certificate's");
        } else {
            try {
                sha = Tickets.fileSha256(frameFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!sha.equalsIgnoreCase(c.frameSha256())) {
                differences.add("the frame " + frameFile.getFileName() + " has SHA-256 " + sha + ", the certificate's"
                        + " frame " + c.frame() + " had " + c.frameSha256() + ": the frame changed after the draw");
            }
        }
        for (Certificate.Village v : c.villages()) {
            SampledVillage s = sample.village(v.village());
            if (s != null && sample.round(v.village()) != v.round()) {
                differences.add(v.county() + ": village " + v.village() + " is in round " + sample.round(v.village())
                        + " in the sample, round " + v.round() + " in the certificate");
            }
        }
        differences.addAll(Draw.verify(frame, sample, tickets, c.seed(), null, 0, c).differences());
        if (!differences.isEmpty()) {
            throw new InputException(name, 0, null, "the draw's certificate does not match the frame and the sample"
                    + " given (" + differences.size() + " " + (differences.size() == 1 ? "difference" : "differences")
                    + "): " + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? "; …" : "") + ". Review the files the certificate was drawn from, or"
                    + " review without it explicitly (--no-certificate)", true,
                    "抽样证书与抽样框或样本不符：请使用抽样时的原始文件，或加 --no-certificate 明示不核对证书");
        }
        return new CertificateCheck(DrawStatus.VERIFIED, name, c, sha);
    }

    @Override
    public String toString() {
        return status.english() + (file.isEmpty() ? "" : " (" + file + ")");
    }
}
