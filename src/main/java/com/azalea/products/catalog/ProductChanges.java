package com.azalea.products.catalog;

import com.azalea.products.events.OutboxWritten;
import com.azalea.products.projection.DocumentStatements;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records, inside the write's own transaction, that a product's documents changed: it takes a new
 * version from the catalog's sequence (which also locks the product row, so writes to one product
 * commit in order) and an outbox row tells the relay to reproject it. The relay of this instance is
 * woken once the transaction commits ({@link OutboxWritten}). A write of one row can carry its change in
 * the same statement ({@link #recording}), which then commits on its own: one round trip to PostgreSQL.
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

    /**
     * A write that returns its product's id ({@code RETURNING product_id}) followed by the change it
     * makes to that product, with {@code :change} its name, and the write's audit entry. The statement
     * returns the product's id, or no row when the write found nothing. Run through {@link #recorded}.
     */
    static String recording(String write) {
        return """
                WITH written AS (%s),
                product AS (UPDATE products p SET version = nextval('catalog_version') FROM written w WHERE p.id = w.product_id RETURNING p.id),
                outboxed AS (INSERT INTO outbox (product_id, change) SELECT id, :change FROM product RETURNING product_id),
                %s
                SELECT product_id FROM outboxed
                """.formatted(write.strip(), AuditTrail.INSERTING);
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ProductChanges(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    /** The row {@code id} created or changed: its product's change and the audit entry, in the write's transaction. */
    void changed(long id, long productId, String change) {
        changed(productId, change);
        audit.record(kind(change), List.of(id), List.of(productId), null);
    }

    /** What a change's rows are: the first part of its name ({@code sku} of {@code sku.quantity}). */
    private static String kind(String change) {
        return change.substring(0, change.indexOf('.'));
    }

    private void changed(long productId, String change) {
        if (jdbc.sql(CHANGED).param("id", productId).param("change", change).update() == 0) {
            throw new NotFoundException("product", productId);
        }
        events.publishEvent(OutboxWritten.INSTANCE);
    }

    /**
     * Runs a statement of {@link #recording} that wrote the row {@code id}.
     * @return the product it changed, none if the write found no row
     */
    Optional<Long> recorded(JdbcClient.StatementSpec statement, long id, String change) {
        Optional<Long> product = audit.bind(statement, kind(change), id).param("change", change).query(Long.class).optional();
        product.ifPresent(written -> events.publishEvent(OutboxWritten.INSTANCE));
        return product;
    }

    /**
     * A bulk write's changes: one outbox row per product, however many of its rows the write changed, and
     * one audit entry listing its items.
     */
    void changedInBulk(Collection<Long> ids, Collection<Long> productIds, String change, List<?> items) {
        jdbc.sql(BULK_CHANGED).param("ids", DocumentStatements.arrayLiteral(productIds)).param("change", change).update();
        audit.record(kind(change), ids, productIds, items);
        events.publishEvent(OutboxWritten.INSTANCE);
    }

    /**
     * A product deleted, and the products that listed it as related (their links went with it). The
     * deletion's version is recorded by the database (V5); the reprojection turns the documents into a tombstone.
     */
    void deleted(long productId, List<Long> referencing) {
        jdbc.sql("INSERT INTO outbox (product_id, change) VALUES (?, 'product.deleted')").param(productId).update();
        referencing.forEach(other -> changed(other, "related.removed"));
        List<Long> products = new ArrayList<>(List.of(productId));
        products.addAll(referencing);
        audit.record("product", List.of(productId), products, null);
        events.publishEvent(OutboxWritten.INSTANCE);
    }
}
