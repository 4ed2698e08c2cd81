package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With the whole catalog held, every product's documents are in the near cache after a fill, none
 * expires, and a write still reaches the reads: its announcement drops the product, the next read keeps
 * the new documents.
 */
@IntegrationTest
@TestPropertySource(properties = {"azalea.read.near-cache.whole-catalog.enabled=true", "azalea.read.near-cache.max-age=1s"})
class WholeCatalogNearCacheTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    WholeCatalogFill fill;
    @Autowired
    NearCache near;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    @Test
    void everyProductIsHeldNoneExpiresAndAWriteStillShows(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 31);
        await().atMost(Duration.ofSeconds(10)).until(near::usable);
        List<Long> products = jdbc.sql("SELECT product_id FROM product_documents ORDER BY product_id").query(Long.class).list();

        assertThat(fill.fill()).isEqualTo(products.size());
        Thread.sleep(1500); // longer than max-age, which the whole catalog does not expire by
        assertThat(products).allSatisfy(id -> assertThat(near.peek(id)).as("product %d", id).isNotNull());

        List<Long> sku = jdbc.sql("SELECT s.product_id, k.id FROM skus k JOIN styles s ON s.id = k.style_id ORDER BY k.id LIMIT 1")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        AdminClient client = new AdminClient(port);
        assertThat(client.admin("PATCH", "/admin/skus/" + sku.get(1), "{\"quantity\": 4321}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(client.get("/products/" + sku.get(0) + "/styles").body()).contains("\"quantity\": 4321"));
        await().atMost(Duration.ofSeconds(5)).until(() -> near.peek(sku.get(0)) != null);
    }
}
