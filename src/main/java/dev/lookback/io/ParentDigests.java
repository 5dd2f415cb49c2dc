package dev.lookback.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * SHA-256 digests of a review's input files, taken by the JVM that {@code java -jar} starts and handed to the JVM that
 * runs the review, which reads the files with only the JIT's quick compiler (C1). C1 has no SHA instructions: hashing a
 * city's 40 MB there took 0.3 s of CPU, while the first JVM waits idle with the optimising compiler (C2), which uses
 * them. The job still hashes what it reads, but with CRC-32C (which C1 computes with the processor's CRC instruction):
 * a digest from the first JVM stands for a file only when the job read the same number of bytes with the same CRC-32C,
 * so a file changed between the two reads gets no digest from here (the manifest then hashes the file as it is, as
 * when a file changes after a review read it). The SHA-256 is OpenSSL's where it is installed, else the platform's
 * ({@link MessageDigest}), and the same either way (below).
 * The CRC-32C finds any accidental change and any careless edit between the two reads; it is no defence against
 * someone who, during the review, swaps a file for a crafted twin of the same length and CRC-32C (who can write the
 * inputs then can as well change them before the review).
 *
 * <p>Where OpenSSL's command line is installed, the first JVM has it take each SHA-256 ({@code openssl dgst -sha256
 * -binary}), feeding it the very bytes whose CRC-32C it computes, through a pipe: OpenSSL reaches the processor's SHA
 * instructions at once, where this JVM would first run the platform's SHA-256 in the interpreter and have C2 compile
 * it (a city's 40 MB: 0.03 s of CPU in OpenSSL against 0.15 s or more here, on the two cores the review needs). A
 * program that cannot be started, stops reading, ends with another status, answers anything but 32 bytes or nothing
 * within {@value #ANSWER_SECONDS} s of the file's end is not asked again, and the file is hashed here with
 * {@link MessageDigest}, as it always is without OpenSSL.
 *
 * <p>The first JVM writes to the job's standard input (UTF-8 lines, fields split by tabs): {@code lookback-digests 1},
 * one {@code file PATH} line for each file it will hash, {@code files-end}, then for each file either
 * {@code sha256 PATH BYTES CRC32C SHA256} or {@code failed PATH}, and closes it. Paths are absolute and normalised;
 * a path with a tab or a line break is not handed over (the job hashes it itself). Only the launcher
 * ({@code dev.lookback.cli.Launcher}) starts a job with {@value #PROPERTY}{@code =stdin}; a program that embeds
 * Lookback never does, and its reads hash with SHA-256 as before.
 */
public final class ParentDigests {
    /** The system property that tells the job its first JVM hands it digests on standard input ({@code stdin}). */
    public static final String PROPERTY = "lookback.digests";
    private static final String HEADER = "lookback-digests 1";

    /** One file as the first JVM read it. */
    record Entry(long bytes, long crc32c, String sha256) {
    }

    private final Object lock = new Object();
    private Set<Path> files;
    private final Map<Path, Optional<Entry>> digests = new HashMap<>();
    private boolean ended;

    private ParentDigests() {
    }

    private static volatile ParentDigests received;

    /**
     * The digests this JVM's first JVM hands over, read from standard input on a thread of their own, or null when this
     * JVM was not started so ({@value #PROPERTY} not {@code stdin}).
     */
    static ParentDigests received() {
        if (!"stdin".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        ParentDigests r = received;
        if (r == null) {
            synchronized (ParentDigests.class) {
                r = received;
                if (r == null) {
                    received = r = from(System.in);
                }
            }
        }
        return r;
    }

    /** The digests read from a stream (the job's standard input) by a daemon thread. */
    static ParentDigests from(InputStream in) {
        ParentDigests d = new ParentDigests();
        Thread t = new Thread(() -> d.readFrom(in), "lookback-digests");
        t.setDaemon(true);
        t.start();
        return d;
    }

    private void readFrom(InputStream in) {
        Set<Path> announced = new HashSet<>();
        boolean listed = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!HEADER.equals(r.readLine())) {
                return; // not the launcher's protocol: nothing is handed over
            }
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (!listed && f.length == 2 && f[0].equals("file")) {
                    announced.add(Path.of(f[1]));
                } else if (!listed && f.length == 1 && f[0].equals("files-end")) {
                    listed = true;
                    synchronized (lock) {
                        files = Set.copyOf(announced);
                        lock.notifyAll();
                    }
                } else if (listed && f.length == 5 && f[0].equals("sha256")) {
                    put(Path.of(f[1]), Optional.of(new Entry(Long.parseLong(f[2]), Long.parseLong(f[3], 16), f[4])));
                } else if (listed && f.length == 2 && f[0].equals("failed")) {
                    put(Path.of(f[1]), Optional.empty());
                } else {
                    return; // malformed: what came so far stands, nothing more is believed
                }
            }
        } catch (IOException | RuntimeException e) {
            // the first JVM went away or wrote nonsense: the files not yet digested get no digest from it
        } finally {
            synchronized (lock) {
                if (files == null) {
                    files = Set.of();
                }
                ended = true;
                lock.notifyAll();
            }
        }
    }

    private void put(Path file, Optional<Entry> entry) {
        synchronized (lock) {
            digests.put(file, entry);
            lock.notifyAll();
        }
    }

    /** Whether the first JVM digests this file (waits for its list, which it writes as the job starts). */
    boolean covers(Path file) {
        Path key = key(file);
        synchronized (lock) {
            while (files == null) {
                waitOn();
            }
            return key != null && files.contains(key);
        }
    }

    /**
     * The SHA-256 of a file the job read, as the first JVM took it, when it read the same bytes: the same count and
     * CRC-32C; empty otherwise. Waits for the first JVM's line for the file, or for the end of its input.
     */
    Optional<String> sha256(Path file, long bytes, long crc32c) {
        Path key = key(file);
        synchronized (lock) {
            while (!digests.containsKey(key) && !ended) {
                waitOn();
            }
            Optional<Entry> e = digests.getOrDefault(key, Optional.empty());
            return e.filter(x -> x.bytes() == bytes && x.crc32c() == crc32c).map(Entry::sha256);
        }
    }

    private void waitOn() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the input files' digests", e);
        }
    }

    /** A file's key in the list: its absolute, normalised path; null for a path the lines cannot carry. */
    static Path key(Path file) {
        Path p = file.toAbsolutePath().normalize();
        String s = p.toString();
        return s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 ? null : p;
    }

    /**
     * Hands the digests of files to a job (the first JVM's side): lists them, then reads each once, computing its
     * SHA-256 and CRC-32C, and writes a line for it as it is done. The stream is flushed, not closed.
     *
     * @param openssl OpenSSL's command line program that takes the SHA-256s (a path, or a name looked up on the
     *                {@code PATH}); null to take them in this JVM
     * @throws IOException when the job's input cannot be written (the job ended)
     */
    public static void send(List<Path> files, OutputStream to, String openssl) throws IOException {
        Writer w = new OutputStreamWriter(to, StandardCharsets.UTF_8);
        Set<Path> keys = new LinkedHashSet<>(); // a loop, not a stream: the first JVM links no lambda before it hashes
        for (Path f : files) {
            Path k = key(f);
            if (k != null) {
                keys.add(k);
            }
        }
        w.write(HEADER + "\n");
        for (Path k : keys) {
            w.write("file\t" + k + "\n");
        }
        w.write("files-end\n");
        w.flush();
        String program = openssl;
        for (Path k : keys) {
            String line;
            try {
                Entry e = program == null ? null : digestByOpenssl(k, program);
                if (e == null) {
                    program = null; // OpenSSL is missing or failed: not asked again
                    e = digest(k);
                }
                line = "sha256\t" + k + "\t" + e.bytes() + "\t" + Long.toHexString(e.crc32c()) + "\t" + e.sha256();
            } catch (IOException e) {
                line = "failed\t" + k;
            }
            w.write(line + "\n");
            w.flush();
        }
    }

    /** How long OpenSSL may take to answer once it has all the bytes (it takes milliseconds). */
    private static final long ANSWER_SECONDS = 30;

    /**
     * A file's byte count, CRC-32C and SHA-256, from one read, the SHA-256 taken by OpenSSL's command line program fed
     * the bytes through a pipe; null when the program cannot be started, stops reading, fails, answers anything but 32
     * bytes or does not answer within {@value #ANSWER_SECONDS} s of the file's end (it is then stopped).
     *
     * @throws IOException when the file cannot be read
     */
    static Entry digestByOpenssl(Path file, String openssl) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(openssl, "dgst", "-sha256", "-binary")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Answer answer = new Answer(p);
        answer.start();
        try {
            CRC32C crc = new CRC32C();
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            OutputStream out = p.getOutputStream();
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                    bytes += n;
                    if (!fed(out, buffer, n)) {
                        return null; // the program went away or was stopped: the caller hashes the file itself
                    }
                }
            }
            if (!closed(out) || !p.waitFor(ANSWER_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                    || p.exitValue() != 0) {
                return null;
            }
            answer.join(ANSWER_SECONDS * 1000);
            byte[] sha = answer.bytes;
            return sha != null && sha.length == 32
                    ? new Entry(bytes, crc.getValue(), HexFormat.of().formatHex(sha)) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            p.destroyForcibly();
        }
    }

    /** Writes bytes to the program's input; false when the pipe is broken. */
    private static boolean fed(OutputStream out, byte[] buffer, int n) {
        try {
            out.write(buffer, 0, n);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the program's input (the file's end); false when the pipe is broken. */
    private static boolean closed(OutputStream out) {
        try {
            out.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the program's answer while it is fed, so that a program that writes back (a wrong program named) cannot
     * block the feeding: more than a digest's 32 bytes, and it is stopped.
     */
    private static final class Answer extends Thread {
        private final Process process;
        volatile byte[] bytes;

        Answer(Process process) {
            super("lookback-openssl");
            this.process = process;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                byte[] b = process.getInputStream().readNBytes(33);
                if (b.length > 32) {
                    process.destroyForcibly();
                }
                bytes = b;
            } catch (IOException e) {
                // no answer: bytes stays null
            }
        }
    }

    /** A file's byte count, CRC-32C and SHA-256, from one read, all in this JVM. */
    static Entry digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        CRC32C crc = new CRC32C();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Entry(bytes, crc.getValue(), HexFormat.of().formatHex(sha.digest()));
    }
}
