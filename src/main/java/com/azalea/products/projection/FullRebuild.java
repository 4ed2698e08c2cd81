package com.azalea.products.projection;

import com.azalea.products.system.Progress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Projects every product, range by range, a few ranges at once. Documents are replaced in place, one
 * range per transaction, so readers see the old or the new document of a product, never none.
 */
@Service
public class FullRebuild {

    private static final Logger log = LoggerFactory.getLogger(FullRebuild.class);

    private final JdbcClient jdbc;
    private final Projector projector;
    private final ProjectionProperties properties;

    public FullRebuild(JdbcClient jdbc, Projector projector, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.projector = projector;
        this.properties = properties;
    }

    public boolean readModelEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM product_documents)").query(Boolean.class).single();
    }

    public RebuildReport rebuild() {
        long started = System.nanoTime();
        // The span covers old documents too, so those of deleted products are removed.
        Map<String, Object> span = jdbc.sql("""
                SELECT least(min(p.id), (SELECT min(product_id) FROM product_documents)) AS first_id,
                       greatest(max(p.id), (SELECT max(product_id) FROM product_documents)) AS last_id,
                       count(*) AS products
                FROM products p
                """).query().singleRow();
        if (span.get("first_id") == null) {
            return new RebuildReport(0, Duration.ZERO);
        }
        long first = ((Number) span.get("first_id")).longValue();
        long last = ((Number) span.get("last_id")).longValue();
        long total = ((Number) span.get("products")).longValue();
        log.info("rebuilding the documents of {} products, ids {} to {}", total, first, last);

        ExecutorService pool = Executors.newFixedThreadPool(properties.workers());
        long projected = 0;
        try (Progress progress = Progress.start("project", total, "products", 1)) {
            CompletionService<Integer> ranges = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            for (long from = first; from <= last; from += properties.batchSize()) {
                long rangeFirst = from;
                long rangeLast = Math.min(last, from + properties.batchSize() - 1);
                ranges.submit(() -> projector.project(rangeFirst, rangeLast));
                submitted++;
            }
            for (int i = 0; i < submitted; i++) {
                int done = ranges.take().get();
                projected += done;
                progress.advance(done, done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new RebuildReport(projected, Duration.ofNanos(System.nanoTime() - started));
    }
}
