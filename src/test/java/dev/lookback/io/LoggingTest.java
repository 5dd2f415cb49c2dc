package dev.lookback.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** With an SLF4J provider on the class path (slf4j-nop, as in the runnable jar) nothing is touched. */
class LoggingTest {
    @Test
    void anApplicationWithAProviderIsLeftAsItIs() {
        assertFalse(ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).findFirst().isEmpty());
        Logging.quietWithoutProvider();
        assertNull(System.getProperty("slf4j.internal.verbosity"));
    }
}
