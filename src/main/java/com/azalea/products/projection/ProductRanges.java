package com.azalea.products.projection;

import com.azalea.products.system.Progress;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks every product id in ranges of {@code azalea.projection.batch-size}, a few ranges at once, with
 * progress: the shape of the jobs that cover the whole catalog (rebuild, verify).
 */
@Component
public class ProductRanges {

    /** Handles the ids {@code first} to {@code last}; returns how many products it found there. */
    @FunctionalInterface
    public interface RangeJob {
        int run(long first, long last);
    }

    private static final Logger log = LoggerFactory.getLogger(ProductRanges.class);

    private final JdbcClient jdbc;
    private final ProjectionProperties properties;

    public ProductRanges(JdbcClient jdbc, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @return how many products the ranges held, 0 for an empty catalog */
    public long walk(String task, RangeJob job) {
        // The span covers deleted products and stored documents too, so their tombstones and leftovers are met.
        Map<String, Object> span = jdbc.sql("""
                SELECT least(min(p.id), (SELECT min(id) FROM deleted_products), (SELECT min(product_id) FROM product_documents)) AS first_id,
                       greatest(max(p.id), (SELECT max(id) FROM deleted_products), (SELECT max(product_id) FROM product_documents)) AS last_id,
                       count(*) AS products
                FROM products p
                """).query().singleRow();
        if (span.get("first_id") == null) {
            return 0;
        }
        long first = ((Number) span.get("first_id")).longValue();
        long last = ((Number) span.get("last_id")).longValue();
        long total = ((Number) span.get("products")).longValue();
        log.info("{}: {} products, ids {} to {}", task, total, first, last);

        ExecutorService pool = Executors.newFixedThreadPool(properties.workers());
        long handled = 0;
        try (Progress progress = Progress.start(task, total, "products", 1)) {
            CompletionService<Integer> ranges = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            for (long from = first; from <= last; from += properties.batchSize()) {
                long rangeFirst = from;
                long rangeLast = Math.min(last, from + properties.batchSize() - 1);
                ranges.submit(() -> job.run(rangeFirst, rangeLast));
                submitted++;
            }
            for (int i = 0; i < submitted; i++) {
                int done = ranges.take().get();
                handled += done;
                progress.advance(done, done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(task + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(task + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return handled;
    }
}
