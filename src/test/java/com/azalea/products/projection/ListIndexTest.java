package com.azalea.products.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The list index is trusted only when complete, and a Redis emptied during a walk never makes it look complete. */
@IntegrationTest
class ListIndexTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    ListIndex listIndex;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWalkDuringWhichRedisWasEmptiedLeavesTheIndexIncompleteAndARefillCompletesIt(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 31);
        assertThat(listIndex.complete()).as("after a full rebuild").isTrue();
        flushRedis();

        listIndex.completing(() -> {
            flushRedis(); // Redis loses what the walk wrote so far, and the walk's marker with it
            return 0;
        });

        assertThat(listIndex.complete()).isFalse();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            listIndex.refillInBackground(); // as a list read does; at most one attempt per 10 s
            return listIndex.complete();
        });
        List<Long> listed = listIndex.members(1, jdbc.sql("SELECT max(product_id) FROM product_documents").query(Long.class).single()).keySet().stream().filter(id -> id > 0).sorted().toList();
        assertThat(listed).as("every product with documents, in id order")
                .isEqualTo(jdbc.sql("SELECT product_id FROM product_documents WHERE summary IS NOT NULL ORDER BY product_id").query(Long.class).list());
    }

    private void flushRedis() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }
}
