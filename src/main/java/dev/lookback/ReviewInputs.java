package dev.lookback;

import dev.lookback.draw.Certificate;
import dev.lookback.draw.CertificateCheck;
import dev.lookback.io.TabularSource;
import dev.lookback.vocabulary.InputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a review reads, beside how it runs ({@link ReviewSettings}): its tables by role and where the draw's
 * certificate is. Every entry point (the command line, {@link Review#ofFolder}, the builder) makes one; the
 * manifest's list of inputs is made from it ({@link #read}). Immutable.
 *
 * @param tables      the tables by role (never the certificate, which is JSON)
 * @param certificate where the draw's certificate is, or that it is not checked
 */
public record ReviewInputs(Map<InputFile, TabularSource> tables, CertificatePlace certificate) {

    /** Where a review finds the draw's certificate. */
    public enum CertificateUse {
        /** Beside the sample file (sample.certificate.json for sample.csv), when there is one. */
        BESIDE_SAMPLE,
        /** The file given, which must exist. */
        GIVEN,
        /** None: the review was told not to check (stated in the report and the manifest). */
        WAIVED
    }

    /**
     * The certificate's place: how it is found and the file (beside the sample: where it would be, null when the
     * sample is not a file; given: the file; waived: null).
     */
    public record CertificatePlace(CertificateUse use, Path file) {
        public CertificatePlace {
            Objects.requireNonNull(use, "use");
            if (use == CertificateUse.GIVEN) {
                Objects.requireNonNull(file, "file");
            }
        }

        /** The file the review checks, or null when none is to be checked (waived, or none beside the sample). */
        public Path checked() {
            return switch (use) {
                case WAIVED -> null;
                case GIVEN -> file;
                case BESIDE_SAMPLE -> file != null && Files.isRegularFile(file) ? file : null;
            };
        }

        @Override
        public String toString() {
            return switch (use) {
                case WAIVED -> "certificate not checked";
                case GIVEN -> "certificate " + file.getFileName();
                case BESIDE_SAMPLE -> checked() != null ? "certificate " + file.getFileName() : "";
            };
        }
    }

    public ReviewInputs {
        EnumMap<InputFile, TabularSource> copy = new EnumMap<>(InputFile.class);
        copy.putAll(tables);
        if (copy.containsKey(InputFile.CERTIFICATE)) {
            throw new IllegalArgumentException("the certificate is JSON, not a table: use certificate(Path)");
        }
        tables = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(certificate, "certificate");
    }

    /** These tables, the certificate looked for beside the sample when the sample is a file. */
    public static ReviewInputs of(Map<InputFile, TabularSource> tables) {
        TabularSource sample = tables.get(InputFile.SAMPLE);
        Path beside = sample == null ? null : sample.path().map(Certificate::beside).orElse(null);
        return new ReviewInputs(tables, new CertificatePlace(CertificateUse.BESIDE_SAMPLE, beside));
    }

    /** The same inputs with one table replaced, or removed with {@code null}. */
    public ReviewInputs with(InputFile role, TabularSource table) {
        Map<InputFile, TabularSource> m = new EnumMap<>(InputFile.class);
        m.putAll(tables);
        if (table == null) {
            m.remove(role);
        } else {
            m.put(role, table);
        }
        return new ReviewInputs(m, certificate);
    }

    /** The same tables, the draw checked against this certificate file. */
    public ReviewInputs withCertificate(Path file) {
        return new ReviewInputs(tables, new CertificatePlace(CertificateUse.GIVEN, file));
    }

    /** The same tables, the draw's certificate not checked. */
    public ReviewInputs withoutCertificate() {
        return new ReviewInputs(tables, new CertificatePlace(CertificateUse.WAIVED, null));
    }

    /** Whether there is a table for the role. */
    public boolean has(InputFile role) {
        return tables.containsKey(role);
    }

    /** The table for the role, or null. */
    public TabularSource table(InputFile role) {
        return tables.get(role);
    }

    /**
     * What the review read, for its result and manifest: each table by role with its name, file, encoding and the
     * SHA-256 of the bytes read (when the file was read whole and has not changed since), then the certificate when
     * it was checked.
     */
    public List<ReviewResult.Input> read(CertificateCheck draw) {
        List<ReviewResult.Input> read = new ArrayList<>();
        tables.forEach((role, source) -> read.add(new ReviewResult.Input(role, source.name(),
                source.path().orElse(null), source.encodingLabel(), source.lastDigest())));
        Path file = certificate.checked();
        if (file != null && draw.certificate() != null) {
            read.add(new ReviewResult.Input(InputFile.CERTIFICATE, draw.file(), file, "json"));
        }
        return read;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        tables.forEach((role, source) -> sb.append(sb.length() == 0 ? "" : ", ").append(source.name()));
        String c = certificate.toString();
        return c.isEmpty() ? sb.toString() : sb + ", " + c;
    }
}
