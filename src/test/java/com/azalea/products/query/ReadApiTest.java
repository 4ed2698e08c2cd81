package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.generate.CatalogGenerator;
import com.azalea.products.generate.DirtRates;
import com.azalea.products.ingest.CatalogIngest;
import com.azalea.products.ingest.SourceDirectory;
import com.azalea.products.projection.FullRebuild;
import com.azalea.products.projection.ListIndex;
import com.azalea.products.projection.Projector;
import com.azalea.products.projection.ReadModelVerifier;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.SqlStatements;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API over real HTTP, against documents projected from a generated catalog. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {

    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Autowired
    CatalogIngest ingest;
    @Autowired
    FullRebuild rebuild;
    @Autowired
    Projector projector;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    NearCache near;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    long bareProduct;
    long styleWithoutPhotos;

    @BeforeAll
    void loadAndProject(@TempDir Path dir) throws IOException {
        new CatalogGenerator(DirtRates.DEFAULT).generate(dir, 0.001, 3);
        ingest.ingest(SourceDirectory.check(dir));
        bareProduct = insertProduct("Bare");
        styleWithoutPhotos = insertProduct("Plain");
        // beyond the first sets of the list index, one of them at a set's end, so that pages span sets
        for (long id : new long[] {ListIndex.CHUNK, ListIndex.CHUNK + 1, 2L * ListIndex.CHUNK + 1, 4L * ListIndex.CHUNK - 3}) {
            jdbc.sql("INSERT INTO products (id, name, slogan, description, category, default_price) VALUES (?, 'Far', 's', 'd', 'Hats', 9)")
                    .param(id).update();
        }
        jdbc.sql("INSERT INTO styles (product_id, name, original_price, sale_price, is_default) VALUES (?, 'Grey', 12, 7.5, false)")
                .param(styleWithoutPhotos).update();
        flushRedis();
        rebuild.rebuild();
    }

    @Test
    void everyProductDocumentMatchesTheWriteModel() throws Exception {
        for (long id : jdbc.sql("SELECT id FROM products ORDER BY id").query(Long.class).list()) {
            assertThat(getJson("/products/" + id)).as("product %d", id).isEqualTo(json.valueToTree(expectedProduct(id)));
            assertThat(getJson("/products/" + id + "/styles")).as("styles %d", id).isEqualTo(json.valueToTree(expectedStyles(id)));
            assertThat(getJson("/products/" + id + "/related")).as("related %d", id).isEqualTo(json.valueToTree(expectedRelated(id)));
        }
    }

    @Test
    void aProductWithoutStylesHasEmptyCollectionsAndAStyleWithoutSkusHasNone() throws Exception {
        assertThat(getJson("/products/" + bareProduct + "/styles")).isEqualTo(json.readTree("{\"product_id\": \"" + bareProduct + "\", \"results\": []}"));
        assertThat(getJson("/products/" + bareProduct).get("features").isEmpty()).isTrue();
        assertThat(getJson("/products/" + bareProduct + "/related").isEmpty()).isTrue();
        JsonNode style = getJson("/products/" + styleWithoutPhotos + "/styles").get("results").get(0);
        assertThat(style.get("skus")).isEqualTo(json.readTree("{}"));
        assertThat(style.get("sale_price").asString()).isEqualTo("7.50");
        assertThat(style.get("default?").asBoolean()).isFalse();
    }

    /** Front-ends read {@code photos[0].url} without a guard, as the hosted Atelier API always sent an entry. */
    @Test
    void aStyleWithoutPhotosHasOnePlaceholderPhotoWhereverItsDocumentComesFrom() throws Exception {
        String path = "/products/" + styleWithoutPhotos + "/styles";
        JsonNode placeholder = json.readTree("[{\"thumbnail_url\": null, \"url\": null}]");
        rebuild.rebuild();
        String rebuilt = get(path).body();
        assertThat(json.readTree(rebuilt).get("results").get(0).get("photos")).as("full rebuild").isEqualTo(placeholder);
        String cachedAfterRebuild = RedisBytes.hex(redis, styleWithoutPhotos);

        projector.project(styleWithoutPhotos);
        assertThat(get(path).body()).as("single reprojection").isEqualTo(rebuilt);
        RedisBytes.delete(redis, styleWithoutPhotos);
        near.clear(); // the read above may have kept it there: a miss must reach the table and refill Redis
        assertThat(get(path).body()).as("read from the table after a miss").isEqualTo(rebuilt);
        assertThat(RedisBytes.hex(redis, styleWithoutPhotos)).as("the refill").isEqualTo(cachedAfterRebuild);
        assertThat(verifier.verify(false).drifting()).as("verify").isFalse();
    }

    @Test
    void theListPagesThroughTheProductsInIdOrder() throws Exception {
        List<Long> ids = jdbc.sql("SELECT id FROM products ORDER BY id").query(Long.class).list();
        JsonNode first = getJson("/products");
        assertThat(first).hasSize(5);
        assertThat(first.get(0)).isEqualTo(json.valueToTree(summary(ids.get(0))));
        JsonNode third = getJson("/products?page=3&count=7");
        List<Long> thirdIds = new ArrayList<>();
        third.forEach(entry -> thirdIds.add(entry.get("id").asLong()));
        assertThat(thirdIds).isEqualTo(ids.subList(14, 21));
        List<Long> secondIds = new ArrayList<>();
        getJson("/products?page=2").forEach(entry -> secondIds.add(entry.get("id").asLong()));
        assertThat(secondIds).as("a page without a count: 5").isEqualTo(ids.subList(5, 10));
        List<Long> everyId = new ArrayList<>();
        for (int page = 1; everyId.size() < ids.size(); page++) {
            JsonNode entries = getJson("/products?page=" + page + "&count=23");
            assertThat(entries).as("page %d", page).isNotEmpty();
            entries.forEach(entry -> everyId.add(entry.get("id").asLong()));
        }
        assertThat(everyId).as("every product, across the list index's sets").isEqualTo(ids);
        assertThat(getJson("/products?page=100000&count=100").isEmpty()).isTrue();
    }

    @Test
    void aListPageCostsOneRedisCommandAndNoSql() throws Exception {
        String path = "/products?page=2&count=7";
        awaitCompleteListIndex(); // another test may have emptied Redis
        JsonNode first = getJson(path); // the script is loaded now, whatever came before
        Map<String, Long> before = redisCommandCalls();
        long sqlBefore = SqlStatements.count();
        HttpResponse<String> response = get(path);
        Map<String, Long> after = redisCommandCalls();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(first).hasSize(7);
        assertThat(SqlStatements.count() - sqlBefore).isZero();
        assertThat(commandsBetween(before, after)).as("one EVALSHA from the service; Redis counts the script's own calls too")
                .isEqualTo(Map.of("evalsha", 1L, "zscore", 1L, "zrange", 2L, "zcount", 1L));
    }

    @Test
    void afterRedisIsFlushedTheListIsReadFromTheTableUntilItsIndexIsRefilled() throws Exception {
        List<String> paths = List.of("/products", "/products?page=3&count=7", "/products?page=2&count=100", "/products?page=99999&count=9");
        Map<String, String> fromRedis = new LinkedHashMap<>();
        for (String path : paths) {
            fromRedis.put(path, get(path).body());
        }
        flushRedis();
        long sqlBefore = SqlStatements.count();
        for (String path : paths) {
            assertThat(get(path).body()).as("%s from the read table", path).isEqualTo(fromRedis.get(path));
        }
        // the first from the table; the others too unless the background refill has finished meanwhile
        assertThat(SqlStatements.count() - sqlBefore).isBetween(1L, (long) paths.size());

        awaitCompleteListIndex();
        long sqlRefilled = SqlStatements.count();
        for (String path : paths) {
            assertThat(get(path).body()).as("%s from Redis again", path).isEqualTo(fromRedis.get(path));
        }
        assertThat(SqlStatements.count() - sqlRefilled).isZero();
    }

    @Test
    void aRedisThatForgotItsScriptsStillGetsDocumentsAndAnswersPages() throws Exception {
        awaitCompleteListIndex();
        String page = get("/products?page=2&count=3").body();
        long renamed = bareProduct;
        jdbc.sql("UPDATE products SET name = 'Renamed Bare', version = nextval('catalog_version') WHERE id = ?").param(renamed).update();
        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush(); // as a restarted Redis: no script loaded
            return null;
        });

        projector.project(renamed);

        assertThat(getJson("/products/" + renamed).get("name").asString()).isEqualTo("Renamed Bare");
        long sqlBefore = SqlStatements.count();
        assertThat(get("/products?page=2&count=3").body()).isEqualTo(page);
        assertThat(SqlStatements.count() - sqlBefore).as("the page still comes from Redis").isZero();
    }

    @Test
    void aFullRebuildAndSingleReprojectionsGiveIdenticalDocuments() {
        rebuild.rebuild();
        Map<Long, String> rebuilt = documentsInTable();
        Map<String, String> cachedAfterRebuild = cached(rebuilt.keySet());
        rebuilt.keySet().forEach(projector::project);
        assertThat(documentsInTable()).isEqualTo(rebuilt);
        assertThat(cached(rebuilt.keySet())).isEqualTo(cachedAfterRebuild).doesNotContainValue(null);
    }

    @Test
    void readsDuringAFullRebuildAlwaysFindTheDocuments() throws Exception {
        List<Long> ids = jdbc.sql("SELECT id FROM products ORDER BY id").query(Long.class).list();
        flushRedis(); // the reads go to the table while the rebuild rewrites it, and to Redis while it is refilled
        var rebuilding = java.util.concurrent.CompletableFuture.runAsync(rebuild::rebuild);
        int reads = 0;
        while (!rebuilding.isDone() || reads < 200) {
            long id = ids.get(reads++ % ids.size());
            assertThat(get("/products/" + id + "/styles").statusCode()).as("product %d during the rebuild", id).isEqualTo(200);
        }
        rebuilding.get();
    }

    @Test
    void aProjectedGetCostsOneRedisCommandAndNoSqlAndNothingOnceInTheNearCache() throws Exception {
        String path = "/products/" + styleWithoutPhotos + "/styles";
        get(path); // cached in Redis now, whatever came before
        await().atMost(Duration.ofSeconds(10)).until(near::usable); // another test may have cut Redis
        near.clear();
        Map<String, Long> before = redisCommandCalls();
        long sqlBefore = SqlStatements.count();
        HttpResponse<String> response = get(path);
        Map<String, Long> afterOne = redisCommandCalls();
        HttpResponse<String> again = get(path);
        Map<String, Long> afterTwo = redisCommandCalls();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(response.body());
        assertThat(SqlStatements.count() - sqlBefore).isZero();
        assertThat(commandsBetween(before, afterOne)).isEqualTo(Map.of("get", 1L));
        assertThat(commandsBetween(afterOne, afterTwo)).as("answered by the near cache").isEmpty();
    }

    /** Each list read that finds the index incomplete asks for a refill (at most one attempt per 10 s). */
    private void awaitCompleteListIndex() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            get("/products");
            return redis.opsForZSet().score(new String(ListIndex.FIRST, StandardCharsets.US_ASCII), "complete") != null;
        });
    }

    /**
     * What clients send besides the requests: the INFO calls that read the counts, a cluster client's topology refreshes, heartbeats;
     * and on a cluster, the replicas' acknowledgements to their masters (REPLCONF ACK, every second).
     */
    private static final Set<String> CLIENT_UPKEEP = Set.of("info", "cluster|nodes", "cluster|info", "client|setinfo", "client|setname", "hello", "ping",
            "publish", // the near cache's heartbeats
            "replconf");

    /** The commands Redis ran between two {@link #redisCommandCalls()}, but a client's upkeep. */
    private static Map<String, Long> commandsBetween(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((command, calls) -> {
            long change = calls - before.getOrDefault(command, 0L);
            if (change > 0 && !CLIENT_UPKEEP.contains(command)) {
                delta.put(command, change);
            }
        });
        return delta;
    }

    @Test
    void afterRedisIsFlushedAnswersStayCorrectAndRedisIsRefilled() throws Exception {
        long id = styleWithoutPhotos;
        String before = get("/products/" + id + "/styles").body();
        flushRedis();
        long sqlBefore = SqlStatements.count();
        assertThat(get("/products/" + id + "/styles").body()).isEqualTo(before);
        assertThat(SqlStatements.count() - sqlBefore).isEqualTo(1);
        assertThat(redis.hasKey(RedisBytes.key(id))).isTrue();
        assertThat(get("/products/" + id + "/styles").body()).isEqualTo(before);
        assertThat(SqlStatements.count() - sqlBefore).as("the second read is a cache hit").isEqualTo(1);
    }

    @Test
    void concurrentMissesOfOneKeyCauseOneRefill() throws Exception {
        flushRedis();
        long sqlBefore = SqlStatements.count();
        try (var pool = Executors.newFixedThreadPool(32)) {
            var answers = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> get("/products/" + bareProduct)));
            }
            for (var answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        }
        assertThat(SqlStatements.count() - sqlBefore).isEqualTo(1);
    }

    @Test
    void aMatchingIfNoneMatchGetsNotModified() throws Exception {
        HttpResponse<String> first = get("/products/" + bareProduct);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9]+-[0-9a-f]{32}\"");
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(uri("/products/" + bareProduct)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(uri("/products/" + bareProduct)).header("If-None-Match", "\"stale\"").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/products/abc", "/products/-1", "/products/0", "/products/99999999999999999999", "/products/1.5",
            "/products/abc/styles", "/products/0/related", "/products?page=0", "/products?count=-1", "/products?count=abc",
            "/products?count=101", "/products?page=1.5", "/products?page=99999999999999999999", "/products?page=", "/products?count=",
            "/products?page=2&count="})
    void badValuesAreBadRequests(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/products", "/products?page=2&count=3", "/products/1", "/products/1/styles", "/products/1/related", "/products/987654321"})
    void aTrailingSlashGetsTheSameAnswer(String path) throws Exception {
        String slashed = path.contains("?") ? path.replace("?", "/?") : path + "/";
        HttpResponse<String> plain = get(path);
        HttpResponse<String> withSlash = get(slashed);
        assertThat(withSlash.statusCode()).as(slashed).isEqualTo(plain.statusCode());
        if (plain.statusCode() == 200) {
            assertThat(withSlash.body()).as(slashed).isEqualTo(plain.body());
        } else { // the problem's instance is the path asked
            assertThat(json.readTree(withSlash.body()).get("detail")).as(slashed).isEqualTo(json.readTree(plain.body()).get("detail"));
        }
    }

    @Test
    void unknownPathsAndWrongMethodsGetProblemDetails() throws Exception {
        HttpResponse<String> unknown = get("/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/products/1")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void unknownAndDeletedProductsAreNotFound() throws Exception {
        for (String path : List.of("/products/987654321", "/products/987654321/styles", "/products/987654321/related")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as("all responses are JSON").hasValue("application/json");
            assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo("product 987654321 does not exist");
        }
        long doomed = insertProduct("Gone");
        projector.project(doomed);
        assertThat(get("/products/" + doomed).statusCode()).isEqualTo(200);
        jdbc.sql("DELETE FROM products WHERE id = ?").param(doomed).update();
        projector.project(doomed);
        assertThat(get("/products/" + doomed).statusCode()).isEqualTo(404);
        assertThat(get("/products/" + doomed + "/styles").statusCode()).isEqualTo(404);
        assertThat(tombstoneVersion(doomed)).as("the row left is a tombstone with the deletion's version")
                .isEqualTo(jdbc.sql("SELECT version FROM deleted_products WHERE id = ?").param(doomed).query(Long.class).single());
        flushRedis();
        assertThat(get("/products/" + doomed + "/related").statusCode()).as("read from the tombstone row").isEqualTo(404);
        List<Long> listed = new ArrayList<>();
        getJson("/products?count=100").forEach(entry -> listed.add(entry.get("id").asLong()));
        assertThat(listed).as("the list skips tombstones").doesNotContain(doomed)
                .isEqualTo(jdbc.sql("SELECT id FROM products ORDER BY id LIMIT 100").query(Long.class).list());
    }

    /**
     * The race a deletion used to lose: a projection reads the product, the product is deleted and
     * reprojected, and only then does the first projection write. It is held at that point by a test
     * trigger waiting on an advisory lock. Its document is older than the deletion and must not come back.
     */
    @Test
    void aProjectionThatReadTheProductBeforeItsDeletionCannotBringItBack() throws Exception {
        long doomed = insertProduct("Raced");
        projector.project(doomed);
        assertThat(get("/products/" + doomed + "/styles").statusCode()).isEqualTo(200);
        try (Connection gate = dataSource.getConnection()) {
            JdbcClient gateSql = JdbcClient.create(new SingleConnectionDataSource(gate, true));
            gateSql.sql("SELECT pg_advisory_lock(4242)").query().singleRow();
            gateSql.sql("""
                    CREATE FUNCTION hold_projection() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$
                    """).update();
            gateSql.sql("CREATE TRIGGER hold_projection BEFORE INSERT ON product_documents FOR EACH ROW WHEN (NEW.product_id = "
                    + doomed + " AND NEW.summary IS NOT NULL) EXECUTE FUNCTION hold_projection()").update();
            try {
                var late = java.util.concurrent.CompletableFuture.runAsync(() -> projector.project(doomed));
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                        .query(Long.class).single() == 1);

                jdbc.sql("DELETE FROM products WHERE id = ?").param(doomed).update();
                projector.project(doomed);
                assertThat(get("/products/" + doomed + "/styles").statusCode()).isEqualTo(404);

                gateSql.sql("SELECT pg_advisory_unlock(4242)").query().singleRow();
                late.get(10, TimeUnit.SECONDS);
            } finally {
                gateSql.sql("DROP TRIGGER hold_projection ON product_documents").update();
                gateSql.sql("DROP FUNCTION hold_projection()").update();
            }
        }
        assertThat(get("/products/" + doomed + "/styles").statusCode()).as("Redis").isEqualTo(404);
        assertThat(tombstoneVersion(doomed)).as("the read table keeps the tombstone").isNotNull();
        flushRedis();
        assertThat(get("/products/" + doomed + "/styles").statusCode()).as("the read table").isEqualTo(404);
    }

    /** The version of the product's row in the read table if it is a tombstone, else null. */
    private Long tombstoneVersion(long id) {
        return jdbc.sql("SELECT version FROM product_documents WHERE product_id = ? AND summary IS NULL").param(id)
                .query(Long.class).optional().orElse(null);
    }

    /** A product beside the loaded ones, with a new id and version as an admin write would get. */
    private long insertProduct(String name) {
        return jdbc.sql("""
                INSERT INTO products (name, slogan, description, category, default_price) VALUES (?, 's', 'd', 'Hats', 9) RETURNING id
                """).param(name).query(Long.class).single();
    }

    // --- expected documents, built from the write model with plain queries, independently of the projector

    private Map<String, Object> summary(long id) {
        return jdbc.sql("SELECT * FROM products WHERE id = ?").param(id).query((rs, row) -> {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", rs.getInt("id"));
            for (String column : List.of("campus", "name", "slogan", "description", "category")) {
                product.put(column, rs.getString(column));
            }
            product.put("default_price", rs.getBigDecimal("default_price").toPlainString());
            product.put("created_at", API_TIME.format(rs.getTimestamp("created_at").toInstant()));
            product.put("updated_at", API_TIME.format(rs.getTimestamp("updated_at").toInstant()));
            return product;
        }).single();
    }

    private Map<String, Object> expectedProduct(long id) {
        Map<String, Object> product = summary(id);
        product.put("features", jdbc.sql("SELECT feature, value FROM features WHERE product_id = ? ORDER BY id").param(id)
                .query((rs, row) -> {
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("feature", rs.getString(1));
                    feature.put("value", rs.getString(2));
                    return feature;
                }).list());
        return product;
    }

    private Map<String, Object> expectedStyles(long id) {
        var results = jdbc.sql("SELECT * FROM styles WHERE product_id = ? ORDER BY id").param(id).query((rs, row) -> {
            Map<String, Object> style = new LinkedHashMap<>();
            int styleId = rs.getInt("id");
            style.put("style_id", styleId);
            style.put("name", rs.getString("name"));
            style.put("original_price", rs.getBigDecimal("original_price").toPlainString());
            style.put("sale_price", rs.getBigDecimal("sale_price") == null ? null : rs.getBigDecimal("sale_price").toPlainString());
            style.put("default?", rs.getBoolean("is_default"));
            List<Map<String, String>> photos = jdbc.sql("SELECT thumbnail_url, url FROM photos WHERE style_id = ? ORDER BY id").param(styleId)
                    .query((p, n) -> Map.of("thumbnail_url", p.getString(1), "url", p.getString(2))).list();
            Map<String, String> placeholder = new LinkedHashMap<>();
            placeholder.put("thumbnail_url", null);
            placeholder.put("url", null);
            style.put("photos", photos.isEmpty() ? List.of(placeholder) : photos);
            Map<String, Object> skus = new LinkedHashMap<>();
            jdbc.sql("SELECT id, quantity, size FROM skus WHERE style_id = ?").param(styleId)
                    .query((k, n) -> skus.put(k.getString(1), Map.of("quantity", k.getInt(2), "size", k.getString(3)))).list();
            style.put("skus", skus);
            return style;
        }).list();
        Map<String, Object> styles = new LinkedHashMap<>();
        styles.put("product_id", Long.toString(id));
        styles.put("results", results);
        return styles;
    }

    private List<Integer> expectedRelated(long id) {
        return jdbc.sql("SELECT related_product_id FROM related WHERE product_id = ? ORDER BY id").param(id).query(Integer.class).list();
    }

    // --- helpers

    private Map<Long, String> documentsInTable() {
        Map<Long, String> documents = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, version, summary::text || product::text || styles::text || related::text FROM product_documents ORDER BY product_id")
                .query((rs, row) -> documents.put(rs.getLong(1), rs.getLong(2) + rs.getString(3))).list();
        return documents;
    }

    /** The values in Redis, in hex (a compressed document's bytes are not text). */
    private Map<String, String> cached(java.util.Collection<Long> ids) {
        Map<String, String> values = new LinkedHashMap<>();
        for (long id : ids) {
            values.put(RedisBytes.key(id), RedisBytes.hex(redis, id));
            values.put("entry:" + id, listed(id));
            values.put("tombstone:" + id, listed(-id));
        }
        return values;
    }

    /** The list index's members with this score, in hex (an entry is deflated). */
    private String listed(long score) {
        Set<byte[]> members = redis.execute((RedisCallback<Set<byte[]>>) connection -> connection.zSetCommands()
                .zRangeByScore(ListIndex.key(Math.abs(score)), score, score));
        return members.stream().map(HexFormat.of()::formatHex).toList().toString();
    }

    private Map<String, Long> redisCommandCalls() {
        Properties stats = redis.execute((RedisCallback<Properties>) connection -> connection.serverCommands().info("commandstats"));
        Map<String, Long> calls = new LinkedHashMap<>();
        stats.forEach((name, value) -> { // on a cluster, each node's lines, prefixed with the node
            String command = name.toString().substring(name.toString().indexOf("cmdstat_") + "cmdstat_".length());
            String text = value.toString();
            calls.merge(command, Long.parseLong(text.substring(text.indexOf("calls=") + 6, text.indexOf(','))), Long::sum);
        });
        return calls;
    }

    /** Redis emptied as by a restart, which this instance's near cache notices (its subscription drops) and empties itself for. */
    private void flushRedis() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        near.clear();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        return json.readTree(response.body());
    }
}
