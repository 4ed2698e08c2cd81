package com.azalea.products.catalog;

import com.azalea.products.events.OutboxWritten;
import com.azalea.products.projection.DocumentStatements;
import java.util.Collection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records, inside the write's own transaction, that a product's documents changed: it takes a new
 * version from the catalog's sequence (which also locks the product row, so writes to one product
 * commit in order) and an outbox row tells the relay to reproject it. The relay of this instance is
 * woken once the transaction commits ({@link OutboxWritten}).
 */
@Component
class ProductChanges {

    private static final String CHANGED = """
            WITH product AS (UPDATE products SET version = nextval('catalog_version') WHERE id = :id RETURNING id)
            INSERT INTO outbox (product_id, change) SELECT id, :change FROM product
            """;

    /** In id order, the order in which every bulk write locks the product rows. */
    private static final String BULK_CHANGED = """
            WITH product AS (
                UPDATE products SET version = nextval('catalog_version') WHERE id = ANY (CAST(:ids AS bigint[])) RETURNING id
            )
            INSERT INTO outbox (product_id, change, bulk) SELECT id, :change, true FROM product ORDER BY id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProductChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void changed(long productId, String change) {
        if (jdbc.sql(CHANGED).param("id", productId).param("change", change).update() == 0) {
            throw new NotFoundException("product", productId);
        }
        events.publishEvent(OutboxWritten.INSTANCE);
    }

    /** A bulk write's changes: one outbox row per product, however many of its rows the write changed. */
    void changedInBulk(Collection<Long> productIds, String change) {
        jdbc.sql(BULK_CHANGED).param("ids", DocumentStatements.arrayLiteral(productIds)).param("change", change).update();
        events.publishEvent(OutboxWritten.INSTANCE);
    }

    /** The deletion's version is recorded by the database (V5); the reprojection turns the documents into a tombstone. */
    void deleted(long productId) {
        jdbc.sql("INSERT INTO outbox (product_id, change) VALUES (?, 'product.deleted')").param(productId).update();
        events.publishEvent(OutboxWritten.INSTANCE);
    }
}
