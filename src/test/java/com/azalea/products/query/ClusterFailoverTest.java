package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.projection.ReadModelVerifier;
import com.azalea.products.projection.StoredProduct;
import com.azalea.products.support.IntegrationTest;
import io.lettuce.core.cluster.SlotHash;
import com.azalea.products.support.OnRedisCluster;
import com.azalea.products.support.RedisCluster;
import com.azalea.products.support.SqlStatements;
import com.azalea.products.support.TestCatalog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A master of the Redis Cluster lost as in a crash: every read goes on being answered (those of its
 * slots from the read table until its replica has taken over and the client has seen it, those of the
 * other masters' slots from Redis all along), a write to its slots is projected once the replica serves
 * them, and verify finds no drift.
 */
@IntegrationTest
@OnRedisCluster
class ClusterFailoverTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    NearCache near;
    @Value("${local.server.port}")
    int port;

    @Test
    void readsGoOnThroughAMasterFailoverAndAWriteToItsSlotsIsProjectedAfterIt(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 19);
        AdminClient client = new AdminClient(port);
        List<Long> ids = jdbc.sql("SELECT id FROM products ORDER BY id LIMIT 300").query(Long.class).list();
        Map<Long, String> styles = new LinkedHashMap<>();
        for (long id : ids) {
            styles.put(id, client.get("/products/" + id + "/styles").body());
        }
        long product = ids.getFirst();
        byte[] key = StoredProduct.key(product);
        String master = RedisCluster.masterOf(key);

        Set<Integer> crashedSlots = RedisCluster.slotsOf(master);
        RedisCluster.crash(master);
        near.clear(); // the reads below ask Redis, not the near cache
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        int reads = 0;
        long sqlOfCrashed = 0;
        long sqlOfOthers = 0;
        while (System.nanoTime() < until) {
            for (long id : ids) {
                long sqlBefore = SqlStatements.count();
                HttpResponse<String> read = client.get("/products/" + id + "/styles");
                assertThat(read.statusCode()).as("styles of %d, %d reads after the crash", id, reads).isEqualTo(200);
                assertThat(read.body()).isEqualTo(styles.get(id));
                long sql = SqlStatements.count() - sqlBefore;
                if (crashedSlots.contains(SlotHash.getSlot(StoredProduct.key(id)))) {
                    sqlOfCrashed += sql;
                } else {
                    sqlOfOthers += sql;
                }
                reads++;
            }
        }
        assertThat(sqlOfCrashed).as("reads of the crashed master's products answered by the read table").isPositive();
        assertThat(sqlOfOthers).as("reads of the other masters' products: their circuits stay closed, no read goes to the table").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !RedisCluster.masterOf(key).equals(master));

        long sku = jdbc.sql("SELECT k.id FROM skus k JOIN styles s ON s.id = k.style_id WHERE s.product_id = ? ORDER BY k.id LIMIT 1")
                .param(product).query(Long.class).single();
        assertThat(client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": 4242}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/products/" + product + "/styles").body().contains("\"quantity\": 4242"));
        assertThat(verifier.verify(false).drifting()).as("verify").isFalse();
    }
}
