package com.azalea.products.query;

import com.azalea.products.system.CrossOrigin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxCount        the largest {@code count} GET /products accepts
 * @param source          what answers the read API; the controllers are chosen by this property's text, and
 *                        it is bound here too so that a misspelt value stops the start instead of leaving no read API
 * @param redisTimeout    how long a read waits for Redis before it counts as failed
 * @param redisRetryAfter how long reads go straight to the read table once Redis keeps failing
 * @param cors            the browser origins that may call the read API (any, by default)
 * @param admission       how long a read may wait for a request thread ({@link ReadAdmission})
 * @param nearCache       the hot products' documents in this instance ({@link NearCache})
 */
@Validated
@ConfigurationProperties("azalea.read")
public record ReadProperties(@Min(1) @Max(1000) int maxCount, @NotNull Source source, @NotNull Duration redisTimeout,
        @NotNull Duration redisRetryAfter, @NotNull @Valid CrossOrigin cors, @NotNull @Valid Admission admission,
        @NotNull @Valid NearCache nearCache) {

    /**
     * @param enabled        whether reads use it
     * @param maxSize        the bytes it holds at most, entries' overhead included
     * @param maxAge         the longest an entry is kept: the last safety net if every announcement of it were lost
     * @param heartbeat      how often an instance sends itself a heartbeat on the announcements channel
     * @param channelTimeout how long without hearing one before the cache is emptied and bypassed
     */
    public record NearCache(boolean enabled, @NotNull DataSize maxSize, @NotNull Duration maxAge, @NotNull Duration heartbeat,
            @NotNull Duration channelTimeout) {
    }

    /**
     * @param enabled whether reads are admitted by {@link ReadAdmission} at all
     * @param maxWait how long a read may wait for a request thread; one that waited longer is refused with a 429 (the connection kept)
     */
    public record Admission(boolean enabled, @NotNull Duration maxWait) {
    }

    public enum Source {
        /** the projected documents: Redis, on a miss the read table (the service) */
        DOCUMENTS,
        /** the write model, aggregated at read time: the load test's baseline */
        BASELINE
    }
}
