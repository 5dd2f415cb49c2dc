package dev.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReviewSettingsTest {
    /** The default seed's number is written out in the code; it must be the one {@code --seed lookback} derives. */
    @Test
    void theWrittenOutDefaultSeedIsTheDerivedOne() throws Exception {
        assertEquals(ReviewSettings.seed(ReviewSettings.DEFAULT_SEED), ReviewSettings.DEFAULT_SEED_VALUE);
        // derived again without Lookback's code: the first 16 hex digits of SHA-256("lookback/bootstrap")
        byte[] sha = MessageDigest.getInstance("SHA-256").digest("lookback/bootstrap".getBytes(StandardCharsets.UTF_8));
        long expected = Long.parseUnsignedLong(HexFormat.of().formatHex(sha).substring(0, 16), 16);
        assertEquals(expected, ReviewSettings.DEFAULT_SEED_VALUE);
        assertEquals(ReviewSettings.defaults().bootstrap().toString(),
                dev.lookback.survey.RaoWuBootstrap.of(expected, ReviewSettings.DEFAULT_REPLICATES).toString());
    }
}
