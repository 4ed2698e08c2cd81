package com.azalea.products.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestIssuer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every admin write leaves one audit entry with its actor, operation, ids and fields, committed with the
 * write; a refused write leaves none. The trail reads newest first, by product or actor, paged; old
 * entries are trimmed.
 */
@IntegrationTest
class AuditTrailTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditRetention retention;
    @Value("${local.server.port}")
    int port;

    AdminClient client;
    String actor;

    @BeforeEach
    void anActorOfItsOwn() {
        client = new AdminClient(port);
        actor = "audit-test-" + System.nanoTime();
    }

    @Test
    void everyWriteOfEveryKindIsOneEntryWithItsActorAndWhatItSet() {
        long product = create("/admin/products", """
                {"name": "Audited", "slogan": "Seen", "description": "A hat.", "category": "Hats", "default_price": 20}""");
        long other = create("/admin/products", """
                {"name": "Other", "slogan": "Also", "description": "A cap.", "category": "Hats", "default_price": 10}""");
        long feature = create("/admin/products/" + product + "/features", "{\"feature\": \"Fabric\", \"value\": \"Wool\"}");
        long style = create("/admin/products/" + product + "/styles", "{\"name\": \"Red\", \"original_price\": 20, \"default?\": true}");
        long photo = create("/admin/styles/" + style + "/photos", "{\"url\": \"https://img.example/a.jpg\", \"thumbnail_url\": \"https://img.example/t.jpg\"}");
        long sku = create("/admin/styles/" + style + "/skus", "{\"size\": \"S\", \"quantity\": 2}");
        long related = create("/admin/products/" + product + "/related", "{\"related_product_id\": " + other + "}");
        create("/admin/products/" + other + "/related", "{\"related_product_id\": " + product + "}");
        write("PUT", "/admin/products/" + product, """
                {"name": "Audited", "slogan": "Seen twice", "description": "A hat.", "category": "Hats", "default_price": 25}""");
        write("PUT", "/admin/features/" + feature, "{\"feature\": \"Fabric\", \"value\": \"Cotton\"}");
        write("PUT", "/admin/styles/" + style, "{\"name\": \"Red\", \"original_price\": 22, \"sale_price\": 18, \"default?\": true}");
        write("PUT", "/admin/photos/" + photo, "{\"url\": \"https://img.example/b.jpg\", \"thumbnail_url\": \"https://img.example/u.jpg\"}");
        write("PUT", "/admin/skus/" + sku, "{\"size\": \"M\", \"quantity\": 3}");
        write("PATCH", "/admin/skus/" + sku, "{\"quantity\": 9}");
        write("PATCH", "/admin/skus", "[{\"id\": " + sku + ", \"quantity\": 1}]");
        write("PATCH", "/admin/styles", "[{\"id\": " + style + ", \"original_price\": \"21.00\", \"sale_price\": null}]");
        write("DELETE", "/admin/related/" + related, null);
        write("DELETE", "/admin/photos/" + photo, null);
        write("DELETE", "/admin/skus/" + sku, null);
        write("DELETE", "/admin/features/" + feature, null);
        write("DELETE", "/admin/styles/" + style, null);
        write("DELETE", "/admin/products/" + product, null);

        // this actor's: the trail outlives a catalog's replacement, so earlier tests' entries may name the same ids
        List<String> entries = page("?product_id=" + product + "&actor=" + actor + "&count=100").valueStream()
                .map(entry -> entry.get("actor").asString() + " " + entry.get("operation").asString() + " " + entry.get("kind").asString()
                        + " " + entry.get("ids") + " " + entry.get("fields"))
                .toList();
        String by = actor + " ";
        assertThat(entries).containsExactly(
                by + "DELETE /admin/products/{id} product [" + product + "] null",
                by + "DELETE /admin/styles/{id} style [" + style + "] null",
                by + "DELETE /admin/features/{id} feature [" + feature + "] null",
                by + "DELETE /admin/skus/{id} sku [" + sku + "] null",
                by + "DELETE /admin/photos/{id} photo [" + photo + "] null",
                by + "DELETE /admin/related/{id} related [" + related + "] null",
                by + "PATCH /admin/styles style [" + style + "] [{\"id\":" + style + ",\"original_price\":21.0,\"sale_price\":null}]",
                by + "PATCH /admin/skus sku [" + sku + "] [{\"id\":" + sku + ",\"quantity\":1}]",
                by + "PATCH /admin/skus/{id} sku [" + sku + "] {\"quantity\":9}",
                by + "PUT /admin/skus/{id} sku [" + sku + "] {\"size\":\"M\",\"quantity\":3}",
                by + "PUT /admin/photos/{id} photo [" + photo + "] {\"url\":\"https://img.example/b.jpg\",\"thumbnail_url\":\"https://img.example/u.jpg\"}",
                by + "PUT /admin/styles/{id} style [" + style + "] {\"name\":\"Red\",\"original_price\":22,\"sale_price\":18,\"default?\":true}",
                by + "PUT /admin/features/{id} feature [" + feature + "] {\"feature\":\"Fabric\",\"value\":\"Cotton\"}",
                by + "PUT /admin/products/{id} product [" + product + "] {\"name\":\"Audited\",\"slogan\":\"Seen twice\",\"description\":\"A hat.\",\"category\":\"Hats\",\"default_price\":25}",
                by + "POST /admin/products/{id}/related related [" + related + "] {\"related_product_id\":" + other + "}",
                by + "POST /admin/styles/{id}/skus sku [" + sku + "] {\"size\":\"S\",\"quantity\":2}",
                by + "POST /admin/styles/{id}/photos photo [" + photo + "] {\"url\":\"https://img.example/a.jpg\",\"thumbnail_url\":\"https://img.example/t.jpg\"}",
                by + "POST /admin/products/{id}/styles style [" + style + "] {\"name\":\"Red\",\"original_price\":20,\"sale_price\":null,\"default?\":true}",
                by + "POST /admin/products/{id}/features feature [" + feature + "] {\"feature\":\"Fabric\",\"value\":\"Wool\"}",
                by + "POST /admin/products product [" + product + "] {\"name\":\"Audited\",\"slogan\":\"Seen\",\"description\":\"A hat.\",\"category\":\"Hats\",\"default_price\":20}");
        // the product's deletion changed the product that listed it as related too
        assertThat(page("?actor=" + actor + "&count=1").get(0).get("product_ids").valueStream().map(JsonNode::asLong))
                .containsExactly(product, other);
        assertThat(page("?product_id=" + other + "&actor=" + actor + "&count=100").valueStream().map(entry -> entry.get("operation").asString()))
                .containsExactly("DELETE /admin/products/{id}", "POST /admin/products/{id}/related", "POST /admin/products");
    }

    @Test
    void aRefusedWriteLeavesNoEntry() {
        long product = create("/admin/products", """
                {"name": "Refused", "slogan": "Not", "description": "A bag.", "category": "Bags", "default_price": 20}""");
        long before = entries();
        assertThat(send("PATCH", "/admin/skus/987654321", "{\"quantity\": 1}").statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/admin/skus", "[{\"id\": 987654321, \"quantity\": 1}]").statusCode()).isEqualTo(422);
        assertThat(send("PUT", "/admin/products/" + product, "{\"name\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/admin/features/987654321", null).statusCode()).isEqualTo(404);
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void theTrailIsPagedNewestFirstAndRefusesBadParameters() {
        long product = create("/admin/products", """
                {"name": "Paged", "slogan": "Many", "description": "A belt.", "category": "Belts", "default_price": 20}""");
        for (int quantity = 1; quantity <= 3; quantity++) {
            write("PUT", "/admin/products/" + product, """
                    {"name": "Paged", "slogan": "Many", "description": "A belt.", "category": "Belts", "default_price": %d}""".formatted(quantity));
        }
        JsonNode first = page("?product_id=" + product + "&actor=" + actor + "&count=2");
        JsonNode second = page("?product_id=" + product + "&actor=" + actor + "&count=2&page=2");
        assertThat(first.valueStream().map(entry -> entry.get("fields").get("default_price").asInt())).containsExactly(3, 2);
        assertThat(second.valueStream().map(entry -> entry.get("operation").asString())).containsExactly("PUT /admin/products/{id}", "POST /admin/products");
        assertThat(first.get(0).get("id").asLong()).isGreaterThan(first.get(1).get("id").asLong());
        for (String bad : new String[] {"?product_id=abc", "?product_id=0", "?count=101", "?count=0", "?page=-1", "?page=x"}) {
            HttpResponse<String> response = client.admin("GET", "/admin/audit" + bad, null);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad).hasValue("application/json");
        }
    }

    @Test
    void entriesOlderThanTheRetentionAreTrimmed() {
        long product = create("/admin/products", """
                {"name": "Old", "slogan": "Gone", "description": "A sock.", "category": "Socks", "default_price": 5}""");
        write("PUT", "/admin/products/" + product, """
                {"name": "Old", "slogan": "Gone", "description": "A sock.", "category": "Socks", "default_price": 6}""");
        jdbc.sql("UPDATE admin_audit SET at = now() - interval '91 days' WHERE actor = ? AND kind = 'product' AND operation = 'POST /admin/products'")
                .param(actor).update();
        assertThat(retention.trim()).isGreaterThanOrEqualTo(1);
        assertThat(page("?actor=" + actor).valueStream().map(entry -> entry.get("operation").asString())).containsExactly("PUT /admin/products/{id}");
    }

    private long entries() {
        return jdbc.sql("SELECT count(*) FROM admin_audit").query(Long.class).single();
    }

    private JsonNode page(String query) {
        HttpResponse<String> response = client.withoutToken("GET", "/admin/audit" + query, null,
                "Bearer " + TestIssuer.get().token("auditor", "catalog:audit"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response.body());
    }

    private long create(String path, String body) {
        HttpResponse<String> response = send("POST", path, body);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return client.json(response.body()).get("id").asLong();
    }

    private void write(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isEqualTo(204);
    }

    /** As this test's own actor: a token of the issuer whose subject is unique to the test. */
    private HttpResponse<String> send(String method, String path, String body) {
        return client.withoutToken(method, path, body, "Bearer " + TestIssuer.get().token(actor, "catalog:write"));
    }
}
