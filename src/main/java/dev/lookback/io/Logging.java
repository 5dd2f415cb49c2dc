package dev.lookback.io;

import java.util.ServiceLoader;

/**
 * Lookback logs nothing itself; Tablesaw, which it uses for its tables, logs through SLF4J. Where the
 * application has no SLF4J provider, SLF4J would fall back to discarding every message and print a
 * three-line notice on standard error at the first table: noise for an embedder who chose no logging. So,
 * and only then, the notice is turned down ({@code slf4j.internal.verbosity=ERROR}, unless already set);
 * an application with a provider is left exactly as it is, and one that names its provider
 * ({@code slf4j.provider}, as {@code java -jar lookback.jar} does for its job) is not searched.
 */
public final class Logging {
    /** SLF4J's system property that names its provider (SLF4J 2.0.9 and later) instead of a search for one. */
    public static final String PROVIDER_PROPERTY = "slf4j.provider";

    private static volatile boolean done;

    private Logging() {
    }

    /** Turns SLF4J's "no providers" notice down when no provider is on the class path; idempotent. */
    public static void quietWithoutProvider() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PROVIDER_PROPERTY) != null) {
            return; // the application named its provider: SLF4J takes that one, and nothing searches the class path
        }
        try {
            Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
            boolean none = ServiceLoader.load(provider, Logging.class.getClassLoader()).findFirst().isEmpty();
            if (none && System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "ERROR");
            }
        } catch (ClassNotFoundException | LinkageError | java.util.ServiceConfigurationError e) {
            // no SLF4J 2 here, or a broken provider: nothing to turn down, and SLF4J will say what is wrong
        }
    }
}
