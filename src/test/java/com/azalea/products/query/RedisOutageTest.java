package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis cut off during a read load: every read still answers, from the read table, and once Redis is
 * back (empty, as after a restart) reads use it again and refill it. The near cache is emptied and
 * bypassed while the announcements cannot be heard, and used again once they can.
 */
@IntegrationTest
@TestPropertySource(properties = TestServices.GATED_REDIS)
class RedisOutageTest {

    private static final TcpGate REDIS = TestServices.gateRedis();
    private static final int READERS = 8;

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NearCache near;
    @Value("${local.server.port}")
    int port;
    @Value("${spring.data.redis.database}")
    int redisDatabase;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readsAnswerFromTheTableWhileRedisIsAwayAndUseItAgainWhenItReturns(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 5);
        Map<Long, String> expected = new ConcurrentHashMap<>();
        jdbc.sql("SELECT product_id, styles::text FROM product_documents").query((rs, row) -> expected.put(rs.getLong(1), rs.getString(2))).list();
        List<Long> ids = List.copyOf(expected.keySet());

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> readers = IntStream.range(0, READERS).mapToObj(i -> Thread.ofVirtual().start(() -> {
            while (running.get()) {
                long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/" + id + "/styles")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || !response.body().equals(expected.get(id))) {
                        failures.add(id + ": " + response.statusCode());
                    }
                    answered.incrementAndGet();
                } catch (Exception e) {
                    failures.add(id + ": " + e);
                }
            }
        })).toList();

        await().until(() -> answered.get() > 200);
        assertThat(near.usable()).isTrue();
        assertThat(meters.get("azalea.near.bytes").gauge().value()).as("near cache in use").isPositive();
        double bypassedBefore = counter("bypass");
        REDIS.cut();
        await().atMost(Duration.ofSeconds(5)).until(() -> !near.usable());
        assertThat(meters.get("azalea.near.bytes").gauge().value()).as("near cache emptied").isZero();
        int beforeOutage = answered.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge() == 1 && answered.get() > beforeOutage + 500);
        assertThat(counter("bypass")).isGreaterThan(bypassedBefore);
        flushRedisBehindTheGate(); // Redis comes back empty, as after a restart without persistence
        REDIS.open();

        await().atMost(Duration.ofSeconds(15)).until(() -> gauge() == 0);
        await().atMost(Duration.ofSeconds(15)).until(near::usable);
        double hitsAfterReturn = cacheHits();
        await().atMost(Duration.ofSeconds(10)).until(() -> cacheHits() > hitsAfterReturn + 100);
        running.set(false);
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(failures).as("reads that did not answer the document").isEmpty();
        assertThat(keysBehindTheGate()).as("keys refilled once Redis returned").isPositive();
    }

    private double counter(String result) {
        return meters.get("azalea.cache.requests").tag("result", result).counter().count();
    }

    /** Reads answered by Redis or by the near cache, which is used only while Redis answers. */
    private double cacheHits() {
        return counter("hit") + meters.get("cache.gets").tag("cache", "near").tag("result", "hit").functionCounter().count();
    }

    private double gauge() {
        return meters.get("azalea.cache.circuit.open").gauge().value();
    }

    private void flushRedisBehindTheGate() {
        direct(commands -> commands.flushdb());
    }

    private long keysBehindTheGate() {
        return direct(commands -> commands.dbsize());
    }

    private <T> T direct(Function<RedisCommands<String, String>, T> call) {
        InetSocketAddress redis = TestServices.redisAddress();
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(redis.getHostString()).withPort(redis.getPort()).withDatabase(redisDatabase).build());
        try (var connection = client.connect()) {
            return call.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
