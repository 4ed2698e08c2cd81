package com.azalea.products.projection;

import com.azalea.products.projection.DocumentStatements.Ids;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects products with the statement {@code projector/store.sql} (the documents of
 * {@code projector/documents.sql}, stored), then mirrors what it stored to Redis. The full rebuild
 * and a single-product reprojection both come here, so they give the same bytes.
 */
@Service
public class Projector {

    /**
     * For batches of changed products: planning the statement costs more than running it (10–25 ms
     * against 1–7 ms for one product here), so the connection's prepared statement keeps one generic
     * plan (PgJDBC prepares a statement on the server from its fifth use). Ranges keep custom plans.
     */
    private static final String KEEP_ONE_PLAN = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RedisMirror mirror;
    private final StoredProductEncoder encoder;
    private final String rangeStatement;
    private final String listStatement;

    public Projector(JdbcClient jdbc, TransactionTemplate transactions, RedisMirror mirror, StoredProductEncoder encoder) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mirror = mirror;
        this.encoder = encoder;
        String store = DocumentStatements.load("projector/store.sql");
        this.rangeStatement = DocumentStatements.compose(store, Ids.RANGE);
        this.listStatement = DocumentStatements.compose(store, Ids.LIST);
    }

    /** Projects one product (or removes its documents when it is gone). */
    public void project(long productId) {
        project(List.of(productId));
    }

    /** @return how many products of the range exist (deleted ones are projected too, as tombstones) */
    public int project(long firstId, long lastId) {
        return project(jdbc.sql(rangeStatement).param("first_id", firstId).param("last_id", lastId), false, null);
    }

    /** One statement for all of them. @return how many of them exist */
    public int project(Collection<Long> productIds) {
        return project(productIds, null);
    }

    /**
     * As {@link #project(Collection)}, following admin writes of which the earliest was at
     * {@code changedAt}: the instances that hear the announcement measure the lag to themselves from it.
     */
    public int project(Collection<Long> productIds, Instant changedAt) {
        return project(jdbc.sql(listStatement).param("ids", DocumentStatements.arrayLiteral(productIds)), true, changedAt);
    }

    /**
     * The table is committed only after Redis has the documents: a process killed in between leaves
     * the old version in the table, so the products still look stale and are projected again
     * ({@link StaleDocuments}), and Redis never keeps documents the table does not know.
     */
    private int project(JdbcClient.StatementSpec statement, boolean keepOnePlan, Instant changedAt) {
        Integer projected = transactions.execute(status -> {
            if (keepOnePlan) {
                jdbc.sql(KEEP_ONE_PLAN).update();
            }
            List<ProjectedProduct> products = statement
                    .query((rs, row) -> {
                        Long version = rs.getObject("version", Long.class);
                        if (version == null) {
                            return new ProjectedProduct(rs.getLong("product_id"), null, null, null);
                        }
                        // the text as it came over the wire, UTF-8: no decoding into a String and back; compressed
                        // here, in the rebuild's workers, once for every read
                        return new ProjectedProduct(rs.getLong("product_id"), version, encoder.encode(rs), rs.getBytes("summary"));
                    })
                    .list();
            mirror.write(products, changedAt);
            return (int) products.stream().filter(ProjectedProduct::live).count();
        });
        return projected == null ? 0 : projected;
    }
}
