package com.azalea.products.catalog;

import com.azalea.products.projection.DocumentStatements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk writes: up to {@value BulkItems#MAX_ITEMS} SKU quantities or style prices in one transaction,
 * one set-based statement, all or nothing. The statement returns the product of every row it changed; an
 * item it did not find makes the whole write a 422, and the transaction rolls back. Each product changed
 * gets one outbox row, in the bulk lane, however many of its rows changed.
 */
@Service
@Transactional
public class BulkWrites {

    /** Rows are locked in id order (the items are sent sorted), the same order in every bulk write. */
    private static final String QUANTITIES = """
            WITH item AS (
                SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:quantities AS int[])) AS i (id, quantity)
            ),
            changed AS (
                UPDATE skus k SET quantity = i.quantity FROM item i WHERE k.id = i.id RETURNING k.id, k.style_id
            )
            SELECT c.id, s.product_id FROM changed c JOIN styles s ON s.id = c.style_id
            """;

    private static final String PRICES = """
            WITH item AS (
                SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:originals AS numeric[]), CAST(:sales AS numeric[]))
                    AS i (id, original_price, sale_price)
            )
            UPDATE styles s SET original_price = i.original_price, sale_price = i.sale_price FROM item i WHERE s.id = i.id
            RETURNING s.id, s.product_id
            """;

    private record Changed(long id, long productId) {
    }

    private final JdbcClient jdbc;
    private final ProductChanges changes;

    BulkWrites(JdbcClient jdbc, ProductChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    void updateQuantities(List<Inputs.SkuQuantity> items) {
        List<Inputs.SkuQuantity> sorted = sortedById(items, Inputs.SkuQuantity::id);
        apply(items, Inputs.SkuQuantity::id, "SKU", "sku.bulk", jdbc.sql(QUANTITIES)
                .param("ids", values(sorted, Inputs.SkuQuantity::id))
                .param("quantities", values(sorted, Inputs.SkuQuantity::quantity)));
    }

    void updatePrices(List<Inputs.StylePrice> items) {
        List<Inputs.StylePrice> sorted = sortedById(items, Inputs.StylePrice::id);
        apply(items, Inputs.StylePrice::id, "style", "style.bulk", jdbc.sql(PRICES)
                .param("ids", values(sorted, Inputs.StylePrice::id))
                .param("originals", values(sorted, Inputs.StylePrice::originalPrice))
                .param("sales", values(sorted, Inputs.StylePrice::salePrice)));
    }

    /** Runs the statement; names every item it found no row for, else records the changed products. */
    private <T> void apply(List<T> items, ToLongFunction<T> id, String kind, String change, JdbcClient.StatementSpec statement) {
        List<Changed> changed = statement.query((rs, n) -> new Changed(rs.getLong(1), rs.getLong(2))).list();
        Set<Long> found = new HashSet<>();
        Set<Long> products = new TreeSet<>();
        changed.forEach(row -> {
            found.add(row.id());
            products.add(row.productId());
        });
        if (found.size() < items.size()) {
            List<BulkItemsException.Problem> unknown = new ArrayList<>();
            for (int index = 0; index < items.size(); index++) {
                long itemId = id.applyAsLong(items.get(index));
                if (!found.contains(itemId)) {
                    unknown.add(new BulkItemsException.Problem(index, itemId, "no " + kind + " has this id"));
                }
            }
            throw new BulkItemsException(unknown);
        }
        changes.changedInBulk(items.stream().map(id::applyAsLong).toList(), products, change, items);
    }

    private static <T> List<T> sortedById(List<T> items, ToLongFunction<T> id) {
        return items.stream().sorted(Comparator.comparingLong(id)).toList();
    }

    private static <T> String values(List<T> items, Function<T, ?> value) {
        return DocumentStatements.arrayLiteral(items.stream().map(value).toList());
    }
}
