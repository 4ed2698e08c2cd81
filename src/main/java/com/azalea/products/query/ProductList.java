package com.azalea.products.query;

import com.azalea.products.projection.ListIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * GET /products: a page of list entries in id order. One script call to Redis answers it from the
 * list index ({@link ListIndex}); while the index is incomplete (Redis emptied) or Redis fails, the page
 * is read from the projected summaries in the read table, and an incomplete index is refilled in the
 * background. The write model is not touched. Before the service is ready, the table may still be
 * filling: the page is then a 503.
 */
@Component
class ProductList {

    /**
     * The offset is skipped on an index alone (of the rows with documents: deleted products' tombstones
     * are not listed), before any document is fetched.
     */
    private static final String PAGE = """
            SELECT '[' || coalesce(string_agg(summary::text, ', ' ORDER BY product_id), '') || ']'
            FROM (SELECT product_id, summary FROM product_documents
                  WHERE summary IS NOT NULL
                    AND product_id >= (SELECT product_id FROM product_documents WHERE summary IS NOT NULL
                                       ORDER BY product_id OFFSET :offset LIMIT 1)
                  ORDER BY product_id LIMIT :count) page
            """;

    private final DocumentReader documents;
    private final ListIndex index;
    private final JdbcClient jdbc;
    private final ReadModelReadiness readiness;
    private final Counter fromRedis;
    private final Counter fromTable;

    ProductList(DocumentReader documents, ListIndex index, JdbcClient jdbc, ReadModelReadiness readiness, MeterRegistry meters) {
        this.documents = documents;
        this.index = index;
        this.jdbc = jdbc;
        this.readiness = readiness;
        this.fromRedis = Counter.builder("azalea.list.pages").tag("source", "redis").description("list pages answered by the list index").register(meters);
        this.fromTable = Counter.builder("azalea.list.pages").tag("source", "table")
                .description("list pages read from the read table (the index incomplete or Redis failing)").register(meters);
    }

    byte[] page(ListPage page) {
        byte[] cached = documents.listPage(page);
        if (cached != null && cached.length > 0) {
            fromRedis.increment();
            return cached;
        }
        if (cached != null) {
            index.refillInBackground();
        }
        readiness.require(); // the first projection is still filling the table
        fromTable.increment();
        return jdbc.sql(PAGE).param("count", page.count()).param("offset", page.offset()).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }
}
