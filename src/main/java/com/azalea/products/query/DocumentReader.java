package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.StoredDocument;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a document: one Redis GET; on a miss, one primary-key read of {@code product_documents} and a
 * refill. Concurrent misses of one key share a single read and refill. When Redis keeps failing, a
 * circuit breaker sends reads straight to the read table (no wait per request) and lets a few reads
 * try Redis again every {@code azalea.read.redis-retry-after}.
 */
@Component
class DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(DocumentReader.class);

    private record Key(Document document, long productId) {
        byte[] redisKey() {
            return document.key(productId);
        }
    }

    private final DocumentCache cache;
    private final JdbcClient jdbc;
    private final CircuitBreaker redis;
    private final ConcurrentMap<Key, CompletableFuture<CachedDocument>> refills = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    DocumentReader(DocumentCache cache, JdbcClient jdbc, ReadProperties properties, MeterRegistry meters) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.redis = CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                // every read records its outcome: no lock on that path
                .slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.redisRetryAfter())
                .permittedNumberOfCallsInHalfOpenState(5)
                .build());
        redis.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN -> log.warn("Redis is failing: reads go to the read table, Redis is tried again every {}",
                        properties.redisRetryAfter());
                case HALF_OPEN_TO_CLOSED -> log.info("Redis answers again: reads use it");
                default -> log.debug("Redis circuit: {}", event.getStateTransition());
            }
        });
        this.hits = Counter.builder("azalea.cache.requests").tag("result", "hit").description("document reads answered by Redis").register(meters);
        this.misses = Counter.builder("azalea.cache.requests").tag("result", "miss").description("document reads that went to the read table").register(meters);
        this.bypasses = Counter.builder("azalea.cache.requests").tag("result", "bypass")
                .description("document reads that went to the read table because Redis was failing").register(meters);
        Gauge.builder("azalea.cache.circuit.open", redis, breaker -> breaker.getState() == State.CLOSED ? 0 : 1)
                .description("1 while reads avoid a failing Redis").register(meters);
    }

    CachedDocument read(Document document, long productId) {
        Key key = new Key(document, productId);
        byte[] cached;
        try {
            cached = redis.executeSupplier(() -> cache.get(key.redisKey()));
        } catch (CallNotPermittedException | RedisException e) {
            bypasses.increment();
            return CachedDocument.of(readTable(key));
        }
        if (cached != null) {
            hits.increment();
            return CachedDocument.of(cached);
        }
        misses.increment();
        return refill(key);
    }

    private CachedDocument refill(Key key) {
        CompletableFuture<CachedDocument> mine = new CompletableFuture<>();
        CompletableFuture<CachedDocument> running = refills.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // A refill that finished between our miss and now has stored the value: no second read.
            byte[] stored = tryRedis(() -> cache.get(key.redisKey()));
            // stored as the projection stores it, so the refill writes the same bytes
            byte[] value = stored != null ? stored : StoredDocument.encode(readTable(key));
            if (stored == null) {
                tryRedisWrite(() -> cache.refill(key.redisKey(), value));
            }
            CachedDocument document = CachedDocument.of(value);
            mine.complete(document);
            return document;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refills.remove(key, mine);
        }
    }

    /**
     * A list page from the list index in Redis: the JSON array, an empty value when the index cannot
     * answer, null when Redis is failing.
     */
    byte[] listPage(ListPage page) {
        // ranks are 1-based (the marker is rank 0); an offset past any catalog stays a plain integer for Redis
        long first = Math.min(page.offset(), 1L << 50) + 1;
        return tryRedis(() -> cache.listPage(first, first + page.count() - 1));
    }

    /** The document as the read table holds it, plain: for a cached value that cannot be used. */
    CachedDocument fromTable(Document document, long productId) {
        return CachedDocument.of(readTable(new Key(document, productId)));
    }

    /**
     * The document as the read table holds it (a tombstone for a deleted product); an empty value when
     * there is no row. Not compressed: while Redis is failing, a read would pay for it and keep nothing.
     */
    private byte[] readTable(Key key) {
        return jdbc.sql("SELECT cached_document(version, " + key.document().column() + ") FROM product_documents WHERE product_id = ?")
                .param(key.productId())
                .query(String.class)
                .optional()
                .map(text -> text.getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
    }

    /** A Redis call the read can do without: its failure is counted by the breaker and otherwise ignored. */
    private <T> T tryRedis(Supplier<T> call) {
        try {
            return redis.executeSupplier(call);
        } catch (CallNotPermittedException | RedisException e) {
            return null;
        }
    }

    private void tryRedisWrite(Runnable call) {
        tryRedis(() -> {
            call.run();
            return null;
        });
    }
}
