package com.azalea.products.query;

import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * GET /products: a page of list entries, in id order, read from the projected summaries by primary
 * key order and joined into one JSON array by PostgreSQL; the write model is not touched.
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

    private final JdbcClient jdbc;

    ProductList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] page(ListPage page) {
        return jdbc.sql(PAGE).param("count", page.count()).param("offset", page.offset()).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }
}
