package com.azalea.products.projection;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds and reprojects the products whose documents lag behind the write model: a document with
 * another version than its product or than its deletion, a product without documents, documents that
 * neither a product nor a deletion explains.
 * What a process killed during a rebuild or a batch of changes leaves behind; the service runs it at start.
 */
@Service
public class StaleDocuments {

    private static final Logger log = LoggerFactory.getLogger(StaleDocuments.class);

    private final JdbcClient jdbc;
    private final Projector projector;
    private final ProjectionProperties properties;

    public StaleDocuments(JdbcClient jdbc, Projector projector, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.projector = projector;
        this.properties = properties;
    }

    /** @return how many products were stale */
    public int catchUp() {
        long started = System.nanoTime();
        List<Long> stale = jdbc.sql("""
                SELECT p.id FROM products p LEFT JOIN product_documents d ON d.product_id = p.id
                WHERE d.version IS DISTINCT FROM p.version
                UNION ALL
                SELECT x.id FROM deleted_products x LEFT JOIN product_documents d ON d.product_id = x.id
                WHERE d.version IS DISTINCT FROM x.version AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = x.id)
                UNION ALL
                SELECT d.product_id FROM product_documents d
                WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)
                  AND NOT EXISTS (SELECT 1 FROM deleted_products x WHERE x.id = d.product_id)
                ORDER BY 1
                """).query(Long.class).list();
        // Range statements, as the rebuild's: what an interrupted rebuild leaves is long runs of ids,
        // and reprojecting a product that was not stale in between changes nothing.
        int from = 0;
        while (from < stale.size()) {
            long first = stale.get(from);
            int to = from;
            while (to + 1 < stale.size() && stale.get(to + 1) - first < properties.batchSize()) {
                to++;
            }
            projector.project(first, stale.get(to));
            from = to + 1;
        }
        if (!stale.isEmpty()) {
            log.info("reprojected {} products whose documents lagged behind the write model, in {} ms",
                    stale.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return stale.size();
    }
}
