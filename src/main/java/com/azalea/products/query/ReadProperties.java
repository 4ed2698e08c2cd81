package com.azalea.products.query;

import com.azalea.products.system.CrossOrigin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
     * @param wholeCatalog   every product's documents held, not only the hot ones ({@link WholeCatalogFill})
     */
    public record NearCache(boolean enabled, @NotNull DataSize maxSize, @NotNull Duration maxAge, @NotNull Duration heartbeat,
            @NotNull Duration channelTimeout, @NotNull @Valid WholeCatalog wholeCatalog) {

        /** The bytes the cache may hold: {@code max-size}, or with the whole catalog its share of the heap. */
        long maxBytes() {
            return wholeCatalog.enabled() ? (long) (Runtime.getRuntime().maxMemory() * wholeCatalog.heapShare()) : maxSize.toBytes();
        }
    }

    /**
     * @param enabled   whether each instance holds every product's documents: filled from Redis in the
     *                  background at start (and after the announcements channel came back), kept by the
     *                  announcements alone, with no maximum age
     * @param heapShare the share of the heap ({@code -Xmx}) the cache may then take, in place of {@code max-size}
     */
    public record WholeCatalog(boolean enabled, @DecimalMin("0.05") @DecimalMax("0.9") double heapShare) {
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
