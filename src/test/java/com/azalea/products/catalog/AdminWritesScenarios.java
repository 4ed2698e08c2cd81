package com.azalea.products.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.Projector;
import com.azalea.products.projection.StoredProductEncoder;
import com.azalea.products.support.RedisBytes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end checks of the admin API: every write shows in the public GETs within a bounded wait.
 * Run once per transport (in-process and Kafka) by the subclasses.
 */
abstract class AdminWritesScenarios {

    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);
    static final String PRODUCT = """
            {"name": "%s", "slogan": "Rain or shine", "description": "A coat.", "category": "Jackets", "default_price": 120}""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Projector projector;
    @Autowired
    StoredProductEncoder encoder;
    @Value("${local.server.port}")
    int port;
    AdminClient client;

    @BeforeEach
    void client() {
        client = new AdminClient(port);
    }

    JsonNode eventually(String path, Predicate<JsonNode> condition) {
        return await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> client.getJson(path),
                document -> document != null && condition.test(document));
    }

    @Test
    void everyAdminEndpointChangesWhatThePublicGetReturns() {
        long product = client.create("/admin/products", PRODUCT.formatted("Harbor Coat"));
        eventually("/products/" + product, doc -> doc.get("name").asString().equals("Harbor Coat"));
        assertThat(client.admin("PUT", "/admin/products/" + product, PRODUCT.formatted("Harbor Coat II")).statusCode()).isEqualTo(204);
        eventually("/products/" + product, doc -> doc.get("name").asString().equals("Harbor Coat II"));

        long feature = client.create("/admin/products/" + product + "/features", "{\"feature\": \"Fabric\", \"value\": \"Wool\"}");
        eventually("/products/" + product, doc -> doc.get("features").toString().contains("Wool"));
        client.admin("PUT", "/admin/features/" + feature, "{\"feature\": \"Fabric\", \"value\": \"Tweed\"}");
        eventually("/products/" + product, doc -> doc.get("features").toString().contains("Tweed"));
        client.admin("DELETE", "/admin/features/" + feature, null);
        eventually("/products/" + product, doc -> doc.get("features").isEmpty());

        long style = client.create("/admin/products/" + product + "/styles",
                "{\"name\": \"Navy\", \"original_price\": 120, \"sale_price\": null, \"default?\": true}");
        eventually("/products/" + product + "/styles", doc -> doc.get("results").size() == 1);
        client.admin("PUT", "/admin/styles/" + style, "{\"name\": \"Navy\", \"original_price\": 120, \"sale_price\": 99.5, \"default?\": true}");
        eventually("/products/" + product + "/styles", doc -> doc.get("results").get(0).get("sale_price").asString("").equals("99.50"));

        long photo = client.create("/admin/styles/" + style + "/photos", "{\"url\": \"https://img.example/1\", \"thumbnail_url\": \"https://img.example/1t\"}");
        eventually("/products/" + product + "/styles", doc -> doc.toString().contains("https://img.example/1t"));
        client.admin("PUT", "/admin/photos/" + photo, "{\"url\": \"https://img.example/2\", \"thumbnail_url\": \"https://img.example/2t\"}");
        eventually("/products/" + product + "/styles", doc -> doc.toString().contains("https://img.example/2t"));
        client.admin("DELETE", "/admin/photos/" + photo, null);
        JsonNode placeholderPhoto = client.json("[{\"thumbnail_url\": null, \"url\": null}]");
        eventually("/products/" + product + "/styles", doc -> doc.get("results").get(0).get("photos").equals(placeholderPhoto));

        long sku = client.create("/admin/styles/" + style + "/skus", "{\"size\": \"M\", \"quantity\": 3}");
        String skus = "/products/" + product + "/styles";
        eventually(skus, doc -> doc.get("results").get(0).get("skus").get(Long.toString(sku)).get("quantity").asInt() == 3);
        client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": 17}");
        eventually(skus, doc -> doc.get("results").get(0).get("skus").get(Long.toString(sku)).get("quantity").asInt() == 17);
        client.admin("PUT", "/admin/skus/" + sku, "{\"size\": \"L\", \"quantity\": 4}");
        eventually(skus, doc -> doc.get("results").get(0).get("skus").get(Long.toString(sku)).get("size").asString().equals("L"));
        client.admin("DELETE", "/admin/skus/" + sku, null);
        eventually(skus, doc -> doc.get("results").get(0).get("skus").isEmpty());

        long other = client.create("/admin/products", PRODUCT.formatted("Harbor Hat"));
        long link = client.create("/admin/products/" + product + "/related", "{\"related_product_id\": " + other + "}");
        eventually("/products/" + product + "/related", doc -> doc.size() == 1 && doc.get(0).asLong() == other);
        client.admin("DELETE", "/admin/related/" + link, null);
        eventually("/products/" + product + "/related", JsonNode::isEmpty);

        client.admin("DELETE", "/admin/styles/" + style, null);
        eventually("/products/" + product + "/styles", doc -> doc.get("results").isEmpty());

        client.create("/admin/products/" + other + "/related", "{\"related_product_id\": " + product + "}");
        eventually("/products/" + other + "/related", doc -> doc.size() == 1);
        assertThat(client.admin("DELETE", "/admin/products/" + product, null).statusCode()).isEqualTo(204);
        await().atMost(VISIBLE_WITHIN).until(() -> client.get("/products/" + product).statusCode() == 404);
        eventually("/products/" + other + "/related", JsonNode::isEmpty); // the link to the deleted product went with it
    }

    @Test
    void anAdminWriteWithoutAValidTokenIsRejectedAndWritesNothing() {
        long products = count("products");
        long outbox = count("outbox");
        for (String authorization : new String[] {null, "Bearer wrong", "Basic dGVzdDp0ZXN0", "Bearer " + com.azalea.products.support.IntegrationTest.ADMIN_TOKEN + "x"}) {
            HttpResponse<String> response = client.withoutToken("POST", "/admin/products", PRODUCT.formatted("Intruder"), authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(client.withoutToken("DELETE", "/admin/products/1", null, null).statusCode()).isEqualTo(401);
        assertThat(count("products")).isEqualTo(products);
        assertThat(count("outbox")).isEqualTo(outbox);
    }

    @Test
    void invalidBodiesAreRejectedNamingEachBadField() {
        HttpResponse<String> response = client.admin("POST", "/admin/products",
                "{\"name\": \"\", \"slogan\": \"s\", \"description\": \"d\", \"category\": \"c\", \"default_price\": -1}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = client.json(response.body());
        assertThat(problem.get("detail").asString()).isEqualTo("invalid fields: default_price, name");
        assertThat(problem.get("errors").toString()).contains("\"field\":\"name\"", "\"field\":\"default_price\"");

        long product = client.create("/admin/products", PRODUCT.formatted("Validated"));
        JsonNode style = client.json(client.admin("POST", "/admin/products/" + product + "/styles",
                "{\"name\": \"x\", \"original_price\": 1.234}").body());
        assertThat(style.get("detail").asString()).isEqualTo("invalid fields: default?, original_price");
        assertThat(client.admin("POST", "/admin/products", "{not json").statusCode()).isEqualTo(400);
        assertThat(client.admin("PATCH", "/admin/skus/1", "{\"quantity\": -5}").statusCode()).isEqualTo(400);
        JsonNode link = client.json(client.admin("POST", "/admin/products/" + product + "/related", "{\"related_product_id\": 987654321}").body());
        assertThat(link.get("detail").asString()).isEqualTo("invalid fields: related_product_id");
    }

    @Test
    void unknownIdsAreNotFoundNonPositiveIdsAreBadRequestsAndOversizedBodiesAreRefused() {
        assertThat(client.admin("PUT", "/admin/products/987654321", PRODUCT.formatted("Nobody")).statusCode()).isEqualTo(404);
        assertThat(client.admin("PATCH", "/admin/skus/987654321", "{\"quantity\": 1}").statusCode()).isEqualTo(404);
        assertThat(client.admin("POST", "/admin/styles/987654321/photos", "{\"url\": \"u\", \"thumbnail_url\": \"t\"}").statusCode()).isEqualTo(404);
        assertThat(client.admin("DELETE", "/admin/related/987654321", null).statusCode()).isEqualTo(404);
        for (String path : List.of("/admin/skus/0", "/admin/skus/-3")) {
            HttpResponse<String> nonPositive = client.admin("PATCH", path, "{\"quantity\": 1}");
            assertThat(nonPositive.statusCode()).as(path).isEqualTo(400);
            assertThat(client.json(nonPositive.body()).get("detail").asString()).as(path).startsWith("id '").endsWith("' must be greater than 0");
        }
        assertThat(client.admin("DELETE", "/admin/products/abc", null).statusCode()).isEqualTo(400);
        HttpResponse<String> huge = client.admin("POST", "/admin/products", PRODUCT.formatted("x".repeat(300_000)));
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void twoThreadsUpdatingOneProduct500TimesLeaveTheReadModelEqualToAFreshProjection() throws Exception {
        long product = client.create("/admin/products", PRODUCT.formatted("Busy"));
        long style = client.create("/admin/products/" + product + "/styles", "{\"name\": \"Red\", \"original_price\": 10, \"default?\": true}");
        long[] skus = {client.create("/admin/styles/" + style + "/skus", "{\"size\": \"S\", \"quantity\": 0}"),
                client.create("/admin/styles/" + style + "/skus", "{\"size\": \"M\", \"quantity\": 0}")};
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                long sku = skus[thread];
                writers.add(pool.submit(() -> {
                    for (int i = 1; i <= 250; i++) {
                        assertThat(client.admin("PATCH", "/admin/skus/" + sku, "{\"quantity\": " + i + "}").statusCode()).isEqualTo(204);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        JsonNode last = eventually("/products/" + product + "/styles",
                doc -> doc.get("results").get(0).get("skus").get(Long.toString(skus[0])).get("quantity").asInt() == 250
                        && doc.get("results").get(0).get("skus").get(Long.toString(skus[1])).get("quantity").asInt() == 250);
        await().atMost(VISIBLE_WITHIN).until(() -> count("outbox") == 0);
        Map<String, String> served = cachedDocuments(product);
        String stored = storedDocuments(product);
        projector.project(product);
        assertThat(storedDocuments(product)).isEqualTo(stored);
        assertThat(cachedDocuments(product)).isEqualTo(served);
        assertThat(client.getJson("/products/" + product + "/styles")).isEqualTo(last);
        assertThat(jdbc.sql("SELECT version FROM products WHERE id = ?").param(product).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT version FROM product_documents WHERE product_id = ?").param(product).query(Long.class).single());
    }

    /** Through the bulk lane (on Kafka, its own topic): every item shows, one outbox row per product. */
    @Test
    void bulkWritesShowInThePublicGetsWithOneChangePerProduct() {
        long[] products = {client.create("/admin/products", PRODUCT.formatted("Bulk A")), client.create("/admin/products", PRODUCT.formatted("Bulk B"))};
        long[] styles = new long[2];
        long[][] skus = new long[2][2];
        for (int p = 0; p < 2; p++) {
            styles[p] = client.create("/admin/products/" + products[p] + "/styles", "{\"name\": \"Sand\", \"original_price\": 50, \"default?\": true}");
            for (int k = 0; k < 2; k++) {
                skus[p][k] = client.create("/admin/styles/" + styles[p] + "/skus", "{\"size\": \"S" + k + "\", \"quantity\": 1}");
            }
        }
        await().atMost(VISIBLE_WITHIN).until(() -> count("outbox") == 0);
        long outboxBefore = lastOutboxId();

        assertThat(client.admin("PATCH", "/admin/skus", "[" + String.join(", ",
                "{\"id\": " + skus[0][0] + ", \"quantity\": 40}", "{\"id\": " + skus[0][1] + ", \"quantity\": 41}",
                "{\"id\": " + skus[1][0] + ", \"quantity\": 42}") + "]").statusCode()).isEqualTo(204);
        assertThat(lastOutboxId() - outboxBefore).as("outbox rows: one per product, not per SKU").isEqualTo(2);
        for (int p = 0; p < 2; p++) {
            int product = p;
            eventually("/products/" + products[p] + "/styles", doc -> doc.at("/results/0/skus/" + skus[product][0] + "/quantity").asInt() == 40 + 2 * product);
        }
        assertThat(client.getJson("/products/" + products[0] + "/styles").at("/results/0/skus/" + skus[0][1] + "/quantity").asInt()).isEqualTo(41);
        assertThat(client.getJson("/products/" + products[1] + "/styles").at("/results/0/skus/" + skus[1][1] + "/quantity").asInt()).isEqualTo(1);

        assertThat(client.admin("PATCH", "/admin/styles", "[{\"id\": " + styles[0] + ", \"original_price\": \"60.00\", \"sale_price\": \"45.50\"}, "
                + "{\"id\": " + styles[1] + ", \"original_price\": 70, \"sale_price\": null}]").statusCode()).isEqualTo(204);
        eventually("/products/" + products[0] + "/styles", doc -> doc.at("/results/0/sale_price").asString("").equals("45.50")
                && doc.at("/results/0/original_price").asString().equals("60.00"));
        eventually("/products/" + products[1] + "/styles", doc -> doc.at("/results/0/original_price").asString().equals("70.00")
                && doc.at("/results/0/sale_price").isNull());
    }

    long lastOutboxId() {
        return jdbc.sql("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'id')), 0)").query(Long.class).single();
    }

    @Test
    void aLateOrRepeatedProjectionNeverReplacesANewerDocument() {
        long product = client.create("/admin/products", PRODUCT.formatted("Versioned"));
        eventually("/products/" + product, doc -> doc.get("name").asString().equals("Versioned"));
        await().atMost(VISIBLE_WITHIN).until(() -> count("outbox") == 0);
        // A newer document than the write model holds stands for one projected by a later change:
        // reprojecting the older state (a late or duplicate event) must leave it, in the table and in Redis.
        jdbc.sql("UPDATE product_documents SET version = version + 10, product = product || '{\"name\": \"Newer\"}' WHERE product_id = ?")
                .param(product).update();
        byte[] newer = jdbc.sql("""
                SELECT version, cached_document(version, product) AS product, cached_document(version, styles) AS styles,
                       cached_document(version, related) AS related
                FROM product_documents WHERE product_id = ?
                """).param(product)
                .query((rs, row) -> encoder.encode(rs)).single();
        RedisBytes.set(redis, product, newer);
        projector.project(product);
        projector.project(product);
        assertThat(client.getJson("/products/" + product).get("name").asString()).isEqualTo("Newer");
        assertThat(jdbc.sql("SELECT product->>'name' FROM product_documents WHERE product_id = ?").param(product).query(String.class).single())
                .isEqualTo("Newer");
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String storedDocuments(long product) {
        return jdbc.sql("SELECT version || product::text || styles::text || related::text FROM product_documents WHERE product_id = ?")
                .param(product).query(String.class).single();
    }

    private Map<String, String> cachedDocuments(long product) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Document document : Document.values()) {
            byte[] stored = RedisBytes.document(redis, product, document);
            values.put(document.column(), stored == null ? null : java.util.HexFormat.of().formatHex(stored));
        }
        return values;
    }
}
