package dev.lookback.io;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Independent writes of output files, run on every core: a city review's 17 workbooks and their lists are small
 * files whose cost is mostly fixed (a writer set up, a package zipped); with Java's default JIT two cores took a city's from
 * 0.53 s to 0.47 s, with C1 alone the first workbook's cold start leaves little to share (0.22 → 0.21 s). Every
 * write runs to its end; then the first failure in the list's order is thrown, so that the same failure gives the
 * same message however the writes were scheduled.
 */
public final class Writes {
    /** One output's write (a file, or a few that belong together). */
    @FunctionalInterface
    public interface Write {
        /** Writes the output. */
        void run() throws IOException;
    }

    private Writes() {
    }

    /**
     * Runs every write, in parallel, and returns when all have ended.
     *
     * @throws IOException the first write's failure, in the list's order
     */
    public static void all(List<? extends Write> writes) throws IOException {
        IOException[] failed = new IOException[writes.size()];
        IntStream.range(0, writes.size()).parallel().forEach(i -> {
            try {
                writes.get(i).run();
            } catch (IOException e) {
                failed[i] = e;
            }
        });
        for (IOException e : failed) {
            if (e != null) {
                throw e;
            }
        }
    }
}
