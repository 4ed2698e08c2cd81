package com.azalea.products.projection;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds and reprojects the products whose documents lag behind the write model: a document with
 * another version than its product, a product without documents, documents of a deleted product.
 * What a process killed during a rebuild or a batch of changes leaves behind; the service runs it at start.
 */
@Service
public class StaleDocuments {

    private static final Logger log = LoggerFactory.getLogger(StaleDocuments.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Projector projector;

    public StaleDocuments(JdbcClient jdbc, Projector projector) {
        this.jdbc = jdbc;
        this.projector = projector;
    }

    /** @return how many products were stale */
    public int catchUp() {
        long started = System.nanoTime();
        List<Long> stale = jdbc.sql("""
                SELECT p.id FROM products p LEFT JOIN product_documents d ON d.product_id = p.id
                WHERE d.version IS DISTINCT FROM p.version
                UNION ALL
                SELECT d.product_id FROM product_documents d
                WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)
                """).query(Long.class).list();
        for (int from = 0; from < stale.size(); from += BATCH) {
            projector.project(stale.subList(from, Math.min(stale.size(), from + BATCH)));
        }
        if (!stale.isEmpty()) {
            log.info("reprojected {} products whose documents lagged behind the write model, in {} ms",
                    stale.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return stale.size();
    }
}
