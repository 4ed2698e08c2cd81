package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.ListEntry;
import com.azalea.products.projection.ListIndex;
import com.azalea.products.projection.StoredProduct;
import com.azalea.products.projection.StoredProductEncoder;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
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
 * single read and refill. When the Redis that serves a product keeps failing, its circuit breaker
 * ({@link RedisCircuits}) sends reads straight to the read table (no wait per request) and lets a few
 * reads try Redis again every {@code azalea.read.redis-retry-after}.
 */
@Component
class DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(DocumentReader.class);

    private static final byte[] ENTRY_SEPARATOR = {',', ' '};

    private final DocumentCache cache;
    private final NearCache near;
    private final JdbcClient jdbc;
    private final RedisCircuits circuits;
    private final StoredProductEncoder encoder;
    private final ConcurrentMap<Long, CompletableFuture<byte[]>> refills = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    DocumentReader(DocumentCache cache, NearCache near, JdbcClient jdbc, RedisCircuits circuits, StoredProductEncoder encoder,
            MeterRegistry meters) {
        this.cache = cache;
        this.encoder = encoder;
        this.circuits = circuits;
        this.near = near;
        this.jdbc = jdbc;
        this.hits = Counter.builder("azalea.cache.requests").tag("result", "hit").description("document reads answered by Redis").register(meters);
        this.misses = Counter.builder("azalea.cache.requests").tag("result", "miss").description("document reads that went to the read table").register(meters);
        this.bypasses = Counter.builder("azalea.cache.requests").tag("result", "bypass")
                .description("document reads that went to the read table because Redis was failing").register(meters);
    }

    CachedDocument read(Document document, long productId) {
        byte[] key = StoredProduct.key(productId);
        CircuitBreaker redis = circuits.of(key);
        boolean redisHealthy = redis.getState() == State.CLOSED;
        byte[] cached = redisHealthy ? near.get(productId) : null;
        if (cached != null) {
            return slice(cached, document, productId);
        }
        long stamp = near.stamp();
        try {
            cached = redis.executeSupplier(() -> cache.get(key));
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

    /**
     * The document when this instance's near cache holds it, with no network call; else null, and the
     * {@link #read} that follows answers: a product the cache does not hold, or a deleted one, or any
     * while the circuit of the product's Redis is not closed (announcements may not get through either).
     * Only an answered hit is counted here, so that the read that follows counts each lookup once.
     */
    CachedDocument nearHit(Document document, long productId) {
        byte[] held = near.peek(productId);
        if (held == null || circuits.ofProduct(productId).getState() != State.CLOSED) {
            return null;
        }
        CachedDocument found = slice(held, document, productId);
        if (found.absent()) {
            return null;
        }
        // counted, and seen by the eviction policy; an announcement since the peek changes nothing: this read
        // overlapped it and may answer with what was current when it looked
        near.get(productId);
        return found;
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
            byte[] stored = tryRedis(key, () -> cache.get(key));
            // stored as the projection stores it, so the refill writes the same bytes
            byte[] value = stored != null ? stored : readProduct(productId);
            if (stored == null) {
                tryRedisWrite(key, () -> cache.refill(key, value));
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
        Optional<List<byte[]>> index = tryRedis(ListIndex.FIRST, () -> Optional.ofNullable(cache.listPage(skip, page.count())));
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
                .query((rs, row) -> encoder.encode(rs))
                .optional()
                .orElse(new byte[0]);
    }

    /** A Redis call on {@code key} the read can do without: its failure is counted by the key's breaker and otherwise ignored. */
    private <T> T tryRedis(byte[] key, Supplier<T> call) {
        try {
            return circuits.of(key).executeSupplier(call);
        } catch (CallNotPermittedException | RedisException e) {
            return null;
        }
    }

    private void tryRedisWrite(byte[] key, Runnable call) {
        tryRedis(key, () -> {
            call.run();
            return null;
        });
    }
}
