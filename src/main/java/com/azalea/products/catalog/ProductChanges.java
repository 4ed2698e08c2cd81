package com.azalea.products.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records, inside the write's own transaction, that a product's documents changed: it takes a new
 * version from the catalog's sequence (which also locks the product row, so writes to one product
 * commit in order) and an outbox row tells the relay to reproject it.
 */
@Component
class ProductChanges {

    private static final String CHANGED = """
            WITH product AS (UPDATE products SET version = nextval('catalog_version') WHERE id = :id RETURNING id)
            INSERT INTO outbox (product_id, change) SELECT id, :change FROM product
            """;

    private final JdbcClient jdbc;

    ProductChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void changed(long productId, String change) {
        if (jdbc.sql(CHANGED).param("id", productId).param("change", change).update() == 0) {
            throw new NotFoundException("product", productId);
        }
    }

    /** The deletion's version is recorded by the database (V5); the reprojection turns the documents into a tombstone. */
    void deleted(long productId) {
        jdbc.sql("INSERT INTO outbox (product_id, change) VALUES (?, 'product.deleted')").param(productId).update();
    }
}
