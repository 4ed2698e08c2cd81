package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.ListEntry;
import com.azalea.products.projection.StoredProduct;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a document: from the near cache ({@link NearCache}) when it holds the product, else one Redis
 * GET of its product's stored documents ({@link StoredProduct}); on a miss, one primary-key read of
 * {@code product_documents} and a refill of all of them. Concurrent misses of one product share a
 * single read and refill. When Redis keeps failing, a
 * circuit breaker sends reads straight to the read table (no wait per request) and lets a few reads
 * try Redis again every {@code azalea.read.redis-retry-after}.
 */
@Component
class DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(DocumentReader.class);

    private static final byte[] ENTRY_SEPARATOR = {',', ' '};

    private final DocumentCache cache;
    private final NearCache near;
    private final JdbcClient jdbc;
    private final CircuitBreaker redis;
    private final ConcurrentMap<Long, CompletableFuture<byte[]>> refills = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    DocumentReader(DocumentCache cache, NearCache near, JdbcClient jdbc, ReadProperties properties, MeterRegistry meters) {
        this.cache = cache;
        this.near = near;
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
            if (event.getStateTransition().getFromState() == State.CLOSED) {
                near.clear(); // announcements may not get through either; the near cache is used again once Redis answers
            }
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
        boolean redisHealthy = redis.getState() == State.CLOSED;
        byte[] cached = redisHealthy ? near.get(productId) : null;
        if (cached != null) {
            return slice(cached, document, productId);
        }
        long stamp = near.stamp();
        try {
            cached = redis.executeSupplier(() -> cache.get(StoredProduct.key(productId)));
        } catch (CallNotPermittedException | RedisException e) {
            bypasses.increment();
            return fromTable(document, productId);
        }
        if (cached != null) {
            hits.increment();
        } else {
            misses.increment();
            cached = refill(productId);
        }
        if (redisHealthy) {
            near.keep(productId, cached, stamp);
        }
        return slice(cached, document, productId);
    }

    private CachedDocument slice(byte[] cached, Document document, long productId) {
        try {
            return CachedDocument.in(cached, document);
        } catch (IllegalArgumentException e) {
            // a damaged value in Redis (verify finds it, --repair replaces it): the read table answers meanwhile
            log.warn("the cached documents of product {} are damaged ({}): answered from the read table", productId, e.getMessage());
            return fromTable(document, productId);
        }
    }

    private byte[] refill(long productId) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = refills.putIfAbsent(productId, mine);
        if (running != null) {
            return running.join();
        }
        try {
            byte[] key = StoredProduct.key(productId);
            // A refill that finished between our miss and now has stored the value: no second read.
            byte[] stored = tryRedis(() -> cache.get(key));
            // stored as the projection stores it, so the refill writes the same bytes
            byte[] value = stored != null ? stored : readProduct(productId);
            if (stored == null) {
                tryRedisWrite(() -> cache.refill(key, value));
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refills.remove(productId, mine);
        }
    }

    /**
     * A list page from the list index in Redis: the JSON array, an empty value when the index cannot
     * answer (incomplete, or an entry damaged), null when Redis is failing.
     */
    byte[] listPage(ListPage page) {
        // an offset past any catalog stays a plain integer for Redis
        long skip = Math.min(page.offset(), 1L << 50);
        Optional<List<byte[]>> index = tryRedis(() -> Optional.ofNullable(cache.listPage(skip, page.count())));
        if (index == null) {
            return null;
        }
        if (index.isEmpty()) {
            return new byte[0];
        }
        List<byte[]> members = index.get();
        ByteArrayOutputStream json = new ByteArrayOutputStream(members.size() * 420 + 2);
        json.write('[');
        try {
            for (byte[] member : members) {
                if (json.size() > 1) {
                    json.writeBytes(ENTRY_SEPARATOR);
                }
                ListEntry.appendJson(member, json);
            }
        } catch (ZipException e) {
            log.warn("a damaged entry in the list index ({}): the page is read from the read table", e.getMessage());
            return new byte[0];
        }
        json.write(']');
        return json.toByteArray();
    }

    /**
     * The document as the read table holds it (a tombstone for a deleted product), plain: for a cached
     * value that cannot be used, and while Redis is failing, when a read would pay for compressing and
     * keep nothing. No row gives an absent document.
     */
    CachedDocument fromTable(Document document, long productId) {
        return jdbc.sql("SELECT cached_document(version, " + document.column() + ") FROM product_documents WHERE product_id = ?")
                .param(productId)
                .query(String.class)
                .optional()
                .map(text -> CachedDocument.of(text.getBytes(StandardCharsets.UTF_8)))
                .orElse(CachedDocument.ABSENT);
    }

    /** The product's documents from the read table, stored as the projection stores them; an empty value when there is no row. */
    private byte[] readProduct(long productId) {
        return jdbc.sql("""
                SELECT version, cached_document(version, product) AS product, cached_document(version, styles) AS styles,
                       cached_document(version, related) AS related
                FROM product_documents WHERE product_id = ?
                """)
                .param(productId)
                .query((rs, row) -> StoredProduct.encode(rs.getLong("version"), rs.getBytes("product"), rs.getBytes("styles"), rs.getBytes("related")))
                .optional()
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
