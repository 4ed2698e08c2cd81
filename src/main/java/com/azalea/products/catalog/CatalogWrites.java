package com.azalea.products.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin writes. Each is one transaction: the change to the write model and, through
 * {@link ProductChanges}, the outbox row of every product whose documents it changes. A change or
 * deletion of one child row is a single statement that also records its product's change and commits
 * on its own ({@link ProductChanges#recording}); the writes of several statements run in a transaction.
 */
@Service
public class CatalogWrites {

    private final JdbcClient jdbc;
    private final ProductChanges changes;

    CatalogWrites(JdbcClient jdbc, ProductChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    // --- products

    @Transactional
    long createProduct(Inputs.Product in) {
        long id = productParams(jdbc.sql("""
                INSERT INTO products (name, slogan, description, category, default_price)
                VALUES (:name, :slogan, :description, :category, :price) RETURNING id
                """), in).query(Long.class).single();
        changes.changed(id, id, "product.created");
        return id;
    }

    @Transactional
    void updateProduct(long id, Inputs.Product in) {
        int updated = productParams(jdbc.sql("""
                UPDATE products SET name = :name, slogan = :slogan, description = :description, category = :category,
                                    default_price = :price, updated_at = now()
                WHERE id = :id
                """), in).param("id", id).update();
        found(updated, "product", id);
        changes.changed(id, id, "product.updated");
    }

    @Transactional
    void deleteProduct(long id) {
        // products that list this one as related lose that link (ON DELETE CASCADE): their documents change too
        List<Long> referencing = jdbc.sql("SELECT DISTINCT product_id FROM related WHERE related_product_id = :id AND product_id <> :id")
                .param("id", id).query(Long.class).list();
        found(jdbc.sql("DELETE FROM products WHERE id = ?").param(id).update(), "product", id);
        changes.deleted(id, referencing);
    }

    private static JdbcClient.StatementSpec productParams(JdbcClient.StatementSpec statement, Inputs.Product in) {
        return statement.param("name", in.name()).param("slogan", in.slogan()).param("description", in.description())
                .param("category", in.category()).param("price", in.defaultPrice());
    }

    // --- features

    @Transactional
    long createFeature(long productId, Inputs.Feature in) {
        long id = insertUnder("product", productId, jdbc.sql("""
                INSERT INTO features (product_id, feature, value)
                SELECT id, :feature, CAST(:value AS text) FROM products WHERE id = :parent RETURNING id
                """).param("feature", in.feature()).param("value", in.value()));
        changes.changed(id, productId, "feature.created");
        return id;
    }

    void updateFeature(long id, Inputs.Feature in) {
        changed("feature", id, "feature.updated", recording("UPDATE features SET feature = :feature, value = CAST(:value AS text) WHERE id = :id RETURNING product_id")
                .param("feature", in.feature()).param("value", in.value()).param("id", id));
    }

    void deleteFeature(long id) {
        changed("feature", id, "feature.deleted", recording("DELETE FROM features WHERE id = :id RETURNING product_id").param("id", id));
    }

    // --- styles

    @Transactional
    long createStyle(long productId, Inputs.Style in) {
        long id = insertUnder("product", productId, styleParams(jdbc.sql("""
                INSERT INTO styles (product_id, name, original_price, sale_price, is_default)
                SELECT id, :name, :original, CAST(:sale AS numeric), :isDefault FROM products WHERE id = :parent RETURNING id
                """), in));
        changes.changed(id, productId, "style.created");
        return id;
    }

    void updateStyle(long id, Inputs.Style in) {
        changed("style", id, "style.updated", styleParams(recording("""
                UPDATE styles SET name = :name, original_price = :original, sale_price = CAST(:sale AS numeric), is_default = :isDefault
                WHERE id = :id RETURNING product_id
                """), in).param("id", id));
    }

    void deleteStyle(long id) {
        changed("style", id, "style.deleted", recording("DELETE FROM styles WHERE id = :id RETURNING product_id").param("id", id));
    }

    private static JdbcClient.StatementSpec styleParams(JdbcClient.StatementSpec statement, Inputs.Style in) {
        return statement.param("name", in.name()).param("original", in.originalPrice()).param("sale", in.salePrice())
                .param("isDefault", in.isDefault());
    }

    // --- photos

    @Transactional
    long createPhoto(long styleId, Inputs.Photo in) {
        return insertUnderStyle(styleId, "photo.created", jdbc.sql("""
                INSERT INTO photos (style_id, url, thumbnail_url) SELECT id, :url, :thumbnail FROM styles WHERE id = :parent RETURNING id
                """).param("url", in.url()).param("thumbnail", in.thumbnailUrl()));
    }

    void updatePhoto(long id, Inputs.Photo in) {
        changed("photo", id, "photo.updated", recording("""
                UPDATE photos p SET url = :url, thumbnail_url = :thumbnail FROM styles s
                WHERE p.id = :id AND s.id = p.style_id RETURNING s.product_id
                """).param("url", in.url()).param("thumbnail", in.thumbnailUrl()).param("id", id));
    }

    void deletePhoto(long id) {
        changed("photo", id, "photo.deleted",
                recording("DELETE FROM photos p USING styles s WHERE p.id = :id AND s.id = p.style_id RETURNING s.product_id").param("id", id));
    }

    // --- skus

    @Transactional
    long createSku(long styleId, Inputs.Sku in) {
        return insertUnderStyle(styleId, "sku.created", jdbc.sql("""
                INSERT INTO skus (style_id, size, quantity) SELECT id, :size, :quantity FROM styles WHERE id = :parent RETURNING id
                """).param("size", in.size()).param("quantity", in.quantity()));
    }

    void updateSku(long id, Inputs.Sku in) {
        changed("sku", id, "sku.updated", recording("""
                UPDATE skus k SET size = :size, quantity = :quantity FROM styles s
                WHERE k.id = :id AND s.id = k.style_id RETURNING s.product_id
                """).param("size", in.size()).param("quantity", in.quantity()).param("id", id));
    }

    /** The most frequent write: one statement changes the quantity and records the product's change. */
    void updateQuantity(long id, int quantity) {
        changed("sku", id, "sku.quantity", recording("""
                UPDATE skus k SET quantity = :quantity FROM styles s WHERE k.id = :id AND s.id = k.style_id RETURNING s.product_id
                """).param("quantity", quantity).param("id", id));
    }

    void deleteSku(long id) {
        changed("sku", id, "sku.deleted",
                recording("DELETE FROM skus k USING styles s WHERE k.id = :id AND s.id = k.style_id RETURNING s.product_id").param("id", id));
    }

    // --- related links

    @Transactional
    long createRelated(long productId, Inputs.Related in) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE id = ?)").param(in.relatedProductId()).query(Boolean.class).single()) {
            throw new InvalidFieldException("related_product_id", "no product has id " + in.relatedProductId());
        }
        long id = insertUnder("product", productId, jdbc.sql("""
                INSERT INTO related (product_id, related_product_id) SELECT id, :related FROM products WHERE id = :parent RETURNING id
                """).param("related", in.relatedProductId()));
        changes.changed(id, productId, "related.created");
        return id;
    }

    void deleteRelated(long id) {
        changed("related link", id, "related.deleted", recording("DELETE FROM related WHERE id = :id RETURNING product_id").param("id", id));
    }

    // --- shared steps

    /** A child write that returns its product id, made into the statement that also records the product's change. */
    private JdbcClient.StatementSpec recording(String write) {
        return jdbc.sql(ProductChanges.recording(write));
    }

    /** Runs a statement of {@link #recording}: it commits on its own. */
    private void changed(String kind, long id, String change, JdbcClient.StatementSpec statement) {
        changes.recorded(statement, id, change).orElseThrow(() -> new NotFoundException(kind, id));
    }

    /** Inserts a row whose statement selects its parent by {@code :parent}; no row means no parent. */
    private long insertUnder(String parentKind, long parentId, JdbcClient.StatementSpec insert) {
        return insert.param("parent", parentId).query(Long.class).optional().orElseThrow(() -> new NotFoundException(parentKind, parentId));
    }

    private long insertUnderStyle(long styleId, String change, JdbcClient.StatementSpec insert) {
        long productId = jdbc.sql("SELECT product_id FROM styles WHERE id = ?").param(styleId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("style", styleId));
        long id = insertUnder("style", styleId, insert);
        changes.changed(id, productId, change);
        return id;
    }

    private static void found(int rows, String kind, long id) {
        if (rows == 0) {
            throw new NotFoundException(kind, id);
        }
    }
}
