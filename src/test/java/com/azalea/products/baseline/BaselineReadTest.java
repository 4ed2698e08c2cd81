package com.azalea.products.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-time baseline of the load test answers with exactly the bodies the service serves (those
 * the projector stored in product_documents), and the same errors.
 */
@IntegrationTest
@TestPropertySource(properties = "azalea.read.source=baseline")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineReadTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void loadAndProject(@TempDir Path dir) throws IOException {
        catalog.loadAndProject(dir, 0.001, 5);
    }

    /** Compared as text decoded from UTF-8, which is equal exactly when the bytes are. */
    @Test
    void everyDocumentHasTheBytesTheProjectorStored() throws Exception {
        List<StoredDocuments> stored = jdbc.sql("SELECT product_id, product::text, styles::text, related::text FROM product_documents ORDER BY product_id")
                .query(StoredDocuments.class).list();
        assertThat(stored).hasSizeGreaterThan(900);
        for (StoredDocuments documents : stored) {
            String path = "/products/" + documents.productId();
            assertThat(body(path)).isEqualTo(documents.product());
            assertThat(body(path + "/styles")).isEqualTo(documents.styles());
            assertThat(body(path + "/related")).isEqualTo(documents.related());
        }
    }

    @Test
    void listPagesHaveTheStoredEntriesInIdOrder() throws Exception {
        List<String> entries = jdbc.sql("SELECT summary::text FROM product_documents ORDER BY product_id OFFSET 14 LIMIT 7").query(String.class).list();
        assertThat(body("/products?page=3&count=7")).isEqualTo("[" + String.join(", ", entries) + "]");
        assertThat(body("/products")).startsWith("[{\"id\": ");
        assertThat(body("/products?page=100000&count=100")).isEqualTo("[]");
    }

    @Test
    void aProductNotProjectedYetIsAnsweredFromTheWriteModel() throws Exception {
        long id = jdbc.sql("INSERT INTO products (name, slogan, description, category, default_price) VALUES ('New', 's', 'd', 'Hats', 9) RETURNING id")
                .query(Long.class).single();
        assertThat(body("/products/" + id + "/styles")).isEqualTo("{\"results\": [], \"product_id\": \"" + id + "\"}");
        assertThat(body("/products/" + id + "/related")).isEqualTo("[]");
    }

    @Test
    void unknownProductsAreNotFoundAndBadValuesBadRequests() throws Exception {
        for (String path : List.of("/products/987654321", "/products/987654321/styles", "/products/987654321/related")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"detail\":\"product 987654321 does not exist\"");
        }
        for (String path : List.of("/products/abc/styles", "/products/0", "/products?count=101", "/products?page=-1")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        }
    }

    /** springdoc sees this controller instead of the service's; the description stays the public API's, once. */
    @Test
    void theOpenApiDescriptionIsThePublicApisAsWithTheService() throws Exception {
        JsonNode paths = JsonMapper.shared().readTree(body("/v3/api-docs")).get("paths");
        assertThat(paths.propertyNames()).filteredOn(path -> path.startsWith("/products"))
                .containsExactlyInAnyOrder("/products", "/products/{productId}", "/products/{productId}/styles", "/products/{productId}/related");
        assertThat(paths.at("/~1products/get/responses/200/content/application~1json/schema/items/$ref").asString())
                .isEqualTo("#/components/schemas/ProductSummary");
        assertThat(paths.at("/~1products~1{productId}~1styles/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Styles");
    }

    record StoredDocuments(long productId, String product, String styles, String related) {
    }

    private String body(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        return response.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
