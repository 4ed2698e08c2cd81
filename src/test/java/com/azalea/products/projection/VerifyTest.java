package com.azalea.products.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.generate.CatalogGenerator;
import com.azalea.products.generate.DirtRates;
import com.azalea.products.ingest.CatalogIngest;
import com.azalea.products.ingest.SourceDirectory;
import com.azalea.products.projection.Drift.State;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The verifier against a projected catalog that is then damaged in every way it must notice. */
@IntegrationTest
class VerifyTest {

    private static final long UNKNOWN_PRODUCT = 9_000_000;
    /** What Redis holds for a product: three documents and its list entry (or tombstone). */
    private static final int VALUES_PER_PRODUCT = 4;

    @Autowired
    CatalogIngest ingest;
    @Autowired
    FullRebuild rebuild;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;

    long products;
    List<Long> ids;

    @BeforeEach
    void loadAndProject(@TempDir Path dir) throws IOException {
        new CatalogGenerator(DirtRates.DEFAULT).generate(dir, 0.001, 11);
        ingest.ingest(SourceDirectory.check(dir));
        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        jdbc.sql("TRUNCATE product_documents").update();
        rebuild.rebuild();
        products = jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
        ids = jdbc.sql("SELECT id FROM products ORDER BY id LIMIT 6").query(Long.class).list();
    }

    @Test
    void aFreshProjectionHasNoDrift() {
        VerifyReport report = verifier.verify(false);

        assertThat(report.drifting()).isFalse();
        assertThat(report.products()).isEqualTo(products);
        assertThat(report.found().table().get(State.EQUAL)).isEqualTo(products);
        assertThat(report.found().cache().get(State.EQUAL)).isEqualTo(VALUES_PER_PRODUCT * products);
        assertThat(report.summary()).endsWith("no drift");
    }

    @Test
    void everyKindOfDriftIsCountedAndRepaired() {
        jdbc.sql("UPDATE product_documents SET styles = '{}' WHERE product_id = ?").param(ids.get(0)).update();
        jdbc.sql("DELETE FROM product_documents WHERE product_id = ?").param(ids.get(1)).update();
        jdbc.sql("INSERT INTO product_documents SELECT ?, version, summary, product, styles, related, projected_at FROM product_documents WHERE product_id = ?")
                .param(UNKNOWN_PRODUCT).param(ids.get(2)).update();
        byte[] stored = RedisBytes.get(redis, ids.get(3));
        RedisBytes.set(redis, ids.get(3), RedisBytes.withDocument(stored, Document.STYLES, RedisBytes.uncompressed("\"1-" + "0".repeat(32) + "\"\n{}")));
        RedisBytes.delete(redis, ids.get(4)); // its three documents
        // a write that never reached the projection: the table and all three cached documents are stale
        jdbc.sql("UPDATE products SET name = 'Renamed', version = nextval('catalog_version') WHERE id = ?").param(ids.get(5)).update();

        VerifyReport found = verifier.verify(false);

        assertThat(found.drifting()).isTrue();
        Drift table = found.found().table();
        assertThat(table.get(State.DIFFERING)).isEqualTo(2);
        assertThat(table.get(State.MISSING)).isEqualTo(1);
        assertThat(table.get(State.EXTRA)).isEqualTo(1);
        assertThat(table.get(State.EQUAL)).isEqualTo(products - 3);
        Drift cache = found.found().cache();
        assertThat(cache.get(State.DIFFERING)).isEqualTo(1 + 4);
        assertThat(cache.get(State.MISSING)).isEqualTo(3);
        assertThat(cache.get(State.EXTRA)).isZero();
        assertThat(found.summary()).contains("DRIFT");

        VerifyReport repaired = verifier.verify(true);

        assertThat(repaired.repaired()).isEqualTo(6);
        assertThat(repaired.afterRepair().drifting()).isFalse();
        assertThat(repaired.drifting()).isFalse();
        VerifyReport after = verifier.verify(false);
        assertThat(after.drifting()).isFalse();
        assertThat(after.found().table().get(State.EQUAL)).isEqualTo(products);
        assertThat(after.found().cache().get(State.EQUAL)).isEqualTo(VALUES_PER_PRODUCT * products);
        assertThat(jdbc.sql("SELECT count(*) FROM product_documents WHERE product_id = ?").param(UNKNOWN_PRODUCT).query(Long.class).single()).isZero();
    }

    @Test
    void aDeletionNotYetProjectedIsDriftAndItsRepairLeavesATombstone() throws Exception {
        // no other product links to it, so no other document changes with it
        long doomed = jdbc.sql("SELECT min(id) FROM products p WHERE NOT EXISTS (SELECT 1 FROM related r WHERE r.related_product_id = p.id)")
                .query(Long.class).single();
        jdbc.sql("DELETE FROM products WHERE id = ?").param(doomed).update();

        VerifyReport found = verifier.verify(false);

        assertThat(found.products()).isEqualTo(products - 1);
        assertThat(found.found().table().get(State.DIFFERING)).isEqualTo(1);
        assertThat(found.found().cache().get(State.DIFFERING)).as("three documents and the list entry").isEqualTo(4);
        assertThat(verifier.verify(true).afterRepair().drifting()).isFalse();
        VerifyReport after = verifier.verify(false);
        assertThat(after.drifting()).isFalse();
        assertThat(after.found().table().get(State.EQUAL)).as("the products and the tombstone").isEqualTo(products);
        assertThat(after.found().cache().get(State.EQUAL)).isEqualTo(VALUES_PER_PRODUCT * products);
        assertThat(RedisBytes.document(redis, doomed, Document.STYLES)).as("a tombstone").isEmpty();
        assertThat(new String(StoredProduct.cachedDocument(RedisBytes.get(redis, doomed), Document.STYLES), StandardCharsets.US_ASCII))
                .matches("\"[0-9]+-deleted\"\n");
        assertThat(redis.opsForZSet().rangeByScore(new String(ListIndex.key(doomed), StandardCharsets.US_ASCII), -doomed, -doomed)).as("its tombstone in the list index")
                .singleElement().satisfies(tombstone -> assertThat(tombstone).matches("[0-9]+:" + doomed));
    }

    @Test
    void aCompressedDocumentThatNoLongerInflatesIsDriftAndARepairRestoresIt() {
        long product = jdbc.sql("SELECT product_id FROM styles GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 1")
                .query(Long.class).single();
        byte[] projected = RedisBytes.get(redis, product);
        byte[] styles = RedisBytes.document(projected, Document.STYLES);
        int body = 16; // after the digest
        assertThat(styles[body]).as("gzip's magic bytes").isEqualTo((byte) 0x1f);
        assertThat(styles[body + 1]).isEqualTo((byte) 0x8b);
        styles[(body + styles.length) / 2] ^= (byte) 0xff; // in the deflate data
        RedisBytes.set(redis, product, RedisBytes.withDocument(projected, Document.STYLES, styles));

        VerifyReport found = verifier.verify(false);

        assertThat(found.drifting()).isTrue();
        assertThat(found.found().cache().get(State.DIFFERING)).isEqualTo(1);
        assertThat(verifier.verify(true).afterRepair().drifting()).isFalse();
        assertThat(RedisBytes.get(redis, product)).isEqualTo(projected);
    }

    @Test
    void aDocumentMissingFromRedisIsNotDriftButIsRefilledByARepair() {
        RedisBytes.delete(redis, ids.get(0));

        VerifyReport found = verifier.verify(false);
        assertThat(found.found().cache().get(State.MISSING)).isEqualTo(3);
        assertThat(found.drifting()).isFalse();

        verifier.verify(true);
        assertThat(redis.hasKey(RedisBytes.key(ids.get(0)))).isTrue();
    }
}
