package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.projection.Projector;
import com.azalea.products.projection.ReadModelVerifier;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.ServiceProcess;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The near cache is exact: a write is served by every running instance within a bounded wait (far below
 * the cache's maximum age), and a read that overlapped an announcement of its product keeps nothing.
 * Losing the announcements channel is in {@link RedisOutageTest}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearCacheTest {

    private static final Duration SERVED_WITHIN = Duration.ofSeconds(5);

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NearCache near;
    @Autowired
    Projector projector;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReadProperties properties;
    @Autowired
    LettuceConnectionFactory factory;
    @Value("${local.server.port}")
    int port;

    long product;
    long sku;

    @BeforeAll
    void load(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 23);
        List<Long> found = jdbc.sql("SELECT s.product_id, k.id FROM skus k JOIN styles s ON s.id = k.style_id ORDER BY k.id LIMIT 1")
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        product = found.get(0);
        sku = found.get(1);
        await().atMost(Duration.ofSeconds(10)).until(near::usable);
    }

    @Test
    void anAdminWriteIsServedByEveryRunningInstanceWithinABoundedWait(@TempDir Path logs) throws Exception {
        int otherPort = TcpGate.freePort();
        Process other = new ProcessBuilder(ServiceProcess.command(environment, "--server.port=" + otherPort, "--azalea.first-start.sample-scale=0"))
                .redirectErrorStream(true).redirectOutput(logs.resolve("other.log").toFile()).start();
        try {
            AdminClient here = new AdminClient(port);
            AdminClient there = new AdminClient(otherPort);
            String path = "/products/" + product + "/styles";
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> there.get("/actuator/health/readiness").statusCode() == 200);
            for (AdminClient instance : List.of(here, there)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(instance.get(path).statusCode()).isEqualTo(200);
                }
            }
            assertThat(near.get(product)).as("held by this instance's near cache").isNotNull();

            assertThat(here.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": 7321}").statusCode()).isEqualTo(204);

            for (AdminClient instance : List.of(here, there)) {
                await().atMost(SERVED_WITHIN).pollInterval(Duration.ofMillis(20))
                        .until(() -> instance.get(path).body().contains("\"quantity\": 7321"));
            }
            assertThat(meters.get("azalea.projection.visible").timer().count()).as("the lag to this instance, measured").isPositive();
            assertThat(verifier.verify(false).drifting()).as("verify").isFalse();
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    /** The last safety net: an entry whose every announcement were lost is gone after the maximum age. */
    @Test
    void anEntryLivesAtMostTheMaximumAge() {
        Duration maxAge = Duration.ofSeconds(1);
        ReadProperties.NearCache settings = properties.nearCache();
        NearCache shortLived = new NearCache(factory, new ReadProperties(properties.maxCount(), properties.source(), properties.redisTimeout(),
                properties.redisRetryAfter(), properties.cors(), properties.admission(),
                new ReadProperties.NearCache(true, settings.maxSize(), maxAge, settings.heartbeat(), settings.channelTimeout(), settings.wholeCatalog())),
                new SimpleMeterRegistry(), event -> { });
        shortLived.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(shortLived::usable);
            byte[] value = RedisBytes.get(redis, product);
            long kept = System.nanoTime();
            shortLived.keep(product, value, shortLived.stamp());
            assertThat(shortLived.get(product)).isEqualTo(value);

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> shortLived.get(product) == null);
            assertThat(Duration.ofNanos(System.nanoTime() - kept)).as("kept for").isLessThan(maxAge.plusMillis(500));
        } finally {
            shortLived.stop();
        }
    }

    @Test
    void aReadThatOverlappedAnAnnouncementOfItsProductKeepsNothing() {
        byte[] fetched = RedisBytes.get(redis, product); // a read fetched this ...
        long stamp = near.stamp();
        projector.project(product); // ... while the projector wrote the product and announced it
        await().atMost(SERVED_WITHIN).until(() -> near.stamp() != stamp);

        near.keep(product, fetched, stamp);
        assertThat(near.get(product)).as("kept after an overlapping announcement").isNull();

        near.keep(product, fetched, near.stamp());
        assertThat(near.get(product)).as("kept when nothing was announced meanwhile").isEqualTo(fetched);
    }
}
