package com.azalea.products.query;

import com.azalea.products.projection.Document;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a document: one Redis GET; on a miss, one primary-key read of {@code product_documents} and a
 * refill. Concurrent misses of one key share a single read and refill.
 */
@Component
class DocumentReader {

    private record Key(Document document, long productId) {
    }

    private final DocumentCache cache;
    private final JdbcClient jdbc;
    private final ConcurrentMap<Key, CompletableFuture<CachedDocument>> refills = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    DocumentReader(DocumentCache cache, JdbcClient jdbc, MeterRegistry meters) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.hits = Counter.builder("azalea.cache.requests").tag("result", "hit").description("document reads answered by Redis").register(meters);
        this.misses = Counter.builder("azalea.cache.requests").tag("result", "miss").description("document reads that went to the read table").register(meters);
    }

    CachedDocument read(Document document, long productId) {
        byte[] cached = cache.get(document.key(productId));
        if (cached != null) {
            hits.increment();
            return CachedDocument.of(cached);
        }
        misses.increment();
        return refill(new Key(document, productId));
    }

    private CachedDocument refill(Key key) {
        CompletableFuture<CachedDocument> mine = new CompletableFuture<>();
        CompletableFuture<CachedDocument> running = refills.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // A refill that finished between our miss and now has stored the value: no second read.
            byte[] stored = cache.get(key.document().key(key.productId()));
            if (stored != null) {
                CachedDocument document = CachedDocument.of(stored);
                mine.complete(document);
                return document;
            }
            byte[] value = jdbc.sql("SELECT cached_document(version, " + key.document().column() + ") FROM product_documents WHERE product_id = ?")
                    .param(key.productId())
                    .query(String.class)
                    .optional()
                    .map(text -> text.getBytes(StandardCharsets.UTF_8))
                    .orElse(new byte[0]);
            cache.refill(key.document().key(key.productId()), value);
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
}
