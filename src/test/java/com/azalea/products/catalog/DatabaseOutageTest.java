package com.azalea.products.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.support.TestServices;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL out of reach, as during a restart: documents keep coming from Redis, what needs the
 * database is a 503 (never a 500), and once it is back the pool reconnects by itself.
 */
@IntegrationTest
@TestPropertySource(properties = TestServices.GATED_POSTGRES)
class DatabaseOutageTest {

    private static final TcpGate POSTGRES = TestServices.gatePostgres();

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Value("${local.server.port}")
    int port;

    @Test
    void readsCarryOnFromRedisAndTheServiceRecoversByItself(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 9);
        List<Long> ids = jdbc.sql("SELECT product_id FROM product_documents ORDER BY product_id LIMIT 50").query(Long.class).list();
        long sku = jdbc.sql("SELECT k.id FROM skus k JOIN styles s ON s.id = k.style_id WHERE s.product_id = ? LIMIT 1").param(ids.get(0)).query(Long.class).single();
        AdminClient client = new AdminClient(port);
        for (long id : ids) {
            assertThat(client.get("/products/" + id + "/styles").statusCode()).isEqualTo(200); // cached in Redis
        }
        String list = client.get("/products?count=50").body();
        long uncached = ids.get(1);
        RedisBytes.delete(redis, uncached);

        POSTGRES.cut();
        try {
            for (long id : ids) {
                if (id != uncached) {
                    assertThat(client.get("/products/" + id + "/styles").statusCode()).as("styles of %d from Redis", id).isEqualTo(200);
                }
            }
            assertThat(client.get("/products?count=50").body()).as("the list from Redis").isEqualTo(list);
            HttpResponse<String> miss = client.get("/products/" + uncached);
            assertThat(miss.statusCode()).as("a read that needs the read table").isEqualTo(503);
            assertThat(miss.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(miss.headers().firstValue("Retry-After")).isPresent();
            assertThat(client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": 4321}").statusCode()).isEqualTo(503);
        } finally {
            POSTGRES.open();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/products/" + uncached).statusCode() == 200);
        assertThat(client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": 1234}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/products/" + ids.get(0) + "/styles").body().contains("\"quantity\": 1234"));
    }
}
