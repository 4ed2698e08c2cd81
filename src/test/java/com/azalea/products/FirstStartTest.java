package com.azalea.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.ReadModelVerifier;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.ServiceProcess;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the service does at start with an empty database, and with documents an older definition built. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final List<String> READS = List.of("/products/1", "/products/1/styles", "/products?count=3");

    @Autowired
    FirstStart firstStart;
    @Autowired
    TestCatalog catalog;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    /** The port answers while the sample is generated, loaded and projected: "retry shortly", never "no such product". */
    @Test
    void whileTheFirstStartLoadsTheCatalogReadsAreUnavailableNotMissing(@TempDir Path logs) throws Exception {
        jdbc.sql("TRUNCATE products, features, styles, photos, skus, related, product_documents, deleted_products, outbox, read_model_shape")
                .update();
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        int port = TcpGate.freePort();
        Process service = new ProcessBuilder(ServiceProcess.command(environment, "--server.port=" + port,
                "--azalea.first-start.sample-scale=0.002", "--azalea.first-start.seed=11"))
                .redirectErrorStream(true).redirectOutput(logs.resolve("service.log").toFile()).start();
        Map<String, Integer> unavailable = new TreeMap<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).ignoreExceptions().until(() -> {
                for (String path : READS) {
                    HttpResponse<String> answer = get(port, path);
                    if (answer.statusCode() == 503) {
                        assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
                        assertThat(answer.headers().firstValue("Retry-After")).as(path).isPresent();
                        unavailable.merge(path, 1, Integer::sum);
                    } else {
                        assertThat(answer.statusCode()).as("%s before the service is ready: %s", path, answer.body()).isEqualTo(200);
                    }
                }
                return get(port, "/actuator/health/readiness").statusCode() == 200;
            });
            assertThat(unavailable).as("reads answered 503 while the catalog was loading").containsOnlyKeys(READS);
            for (String path : READS) {
                assertThat(get(port, path).statusCode()).as(path + " once ready").isEqualTo(200);
            }
            assertThat(get(port, "/products/99999999").statusCode()).as("an unknown product once ready").isEqualTo(404);
        } finally {
            service.destroyForcibly().waitFor();
        }
        // a quiet start: where it listens, in one line; nothing a newcomer would take for trouble
        assertThat(Files.readString(logs.resolve("service.log")))
                .contains("listening on http://localhost:" + port + ": the read API at /products")
                .doesNotContain(" WARN ", " ERROR ", "Exception", "setval");
    }

    /** Migrations run on a new schema print no result tables (the sequences' setval), nor a line that reads like trouble. */
    @Test
    void theMigrationsOfANewDatabaseStartQuietly(CapturedOutput output) {
        String schema = "quiet_start_" + System.nanoTime();
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
            assertThat(output.getOut()).contains("Successfully applied").doesNotContain("setval", "does not exist yet", " WARN ");
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    /** An upgrade that changes projector/documents.sql needs no manual step: the next start rebuilds the documents. */
    @Test
    void documentsBuiltByAnotherDefinitionAreRebuiltAtStart(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.0005, 9);
        String oldShape = """
                UPDATE product_documents SET styles = jsonb_set(styles, '{results}', '[]') WHERE product_id = 1
                RETURNING cached_document(version, styles)""";
        byte[] stored = RedisBytes.get(redis, 1);
        RedisBytes.set(redis, 1,
                RedisBytes.withDocument(stored, Document.STYLES, RedisBytes.uncompressed(jdbc.sql(oldShape).query(String.class).single())));
        jdbc.sql("UPDATE read_model_shape SET digest = 'an older definition'").update();
        assertThat(verifier.verify(false).drifting()).as("the damage is visible").isTrue();

        firstStart.run(null);

        assertThat(verifier.verify(false).drifting()).isFalse();
        assertThat(jdbc.sql("SELECT digest FROM read_model_shape").query(String.class).single()).isNotEqualTo("an older definition");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
