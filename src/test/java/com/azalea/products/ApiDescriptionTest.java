package com.azalea.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.support.ApiContract;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.support.TestIssuer;
import com.azalea.products.support.TestServices;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description (/v3/api-docs) against the running service: real answers of every endpoint,
 * each checked against what the description declares for its operation and status ({@link ApiContract}),
 * so the description cannot drift from what the service sends.
 */
@IntegrationTest
@TestPropertySource(properties = TestServices.GATED_POSTGRES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {

    /** Cut to see the 503 of a request that needs the database. */
    private static final TcpGate POSTGRES = TestServices.gatePostgres();
    private static final String PRODUCT = """
            {"name": "Harbor Coat", "slogan": "Rain or shine", "description": "A coat.", "category": "Jackets", "default_price": 120}""";

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ApplicationContext context;
    @Value("${local.server.port}")
    int port;

    AdminClient client;
    ApiContract contract;
    List<Long> ids;

    @BeforeAll
    void loadCatalogAndReadTheDescription(@TempDir Path dir) throws IOException {
        catalog.loadAndProject(dir, 0.001, 17);
        ids = jdbc.sql("SELECT id FROM products ORDER BY id").query(Long.class).list();
        client = new AdminClient(port);
        HttpResponse<String> description = client.get("/v3/api-docs");
        assertThat(description.statusCode()).isEqualTo(200);
        contract = new ApiContract(client.json(description.body()));
    }

    @AfterAll
    void everyOperationOfTheDescriptionWasChecked() {
        assertThat(contract.uncheckedOperations()).as("operations no test of this class checked an answer of").isEmpty();
    }

    @Test
    void theProductsAndRelatedIdsOfAGeneratedCatalogAreDescribed() {
        assertAllDescribed(ids.stream().flatMap(id -> Stream.of("/products/" + id, "/products/" + id + "/related")));
    }

    @Test
    void theStylesOfAGeneratedCatalogAreDescribed() {
        assertAllDescribed(ids.stream().map(id -> "/products/" + id + "/styles"));
    }

    @Test
    void listPagesAreDescribedUpToTheDescribedMaximumCount() {
        int maximum = contract.description().at("/paths/~1products/get/parameters").valueStream()
                .filter(parameter -> parameter.get("name").asString().equals("count")).findFirst().orElseThrow().at("/schema/maximum").asInt();
        assertAllDescribed(Stream.of("/products", "/products?page=3&count=7", "/products?count=" + maximum, "/products?page=99999&count=9"));
        assertThat(client.json(client.get("/products?count=" + maximum).body())).hasSize(maximum);
        assertThat(described(client.get("/products?count=" + (maximum + 1))).statusCode()).as("above the described maximum").isEqualTo(400);
    }

    @Test
    void aStyleWithoutSkusHasTheEmptyObjectTheDescriptionAllows() {
        long product = productWithStyle("{\"url\": \"https://img.example/1\", \"thumbnail_url\": \"https://img.example/1t\"}", null);
        JsonNode style = described(client.get("/products/" + product + "/styles"), "results").get(0);
        assertThat(style.get("skus").isEmpty()).isTrue();
    }

    /** The contract's odd case: one placeholder photo whose URLs are null, never []. */
    @Test
    void aStyleWithoutPhotosHasThePlaceholderTheDescriptionRequires() {
        long product = productWithStyle(null, "{\"size\": \"M\", \"quantity\": 3}");
        JsonNode style = described(client.get("/products/" + product + "/styles"), "results").get(0);
        assertThat(style.get("photos")).isEqualTo(client.json("[{\"thumbnail_url\": null, \"url\": null}]"));
    }

    @Test
    void notModifiedBadRequestsAndUnknownProductsAreDescribed() {
        for (String suffix : List.of("", "/styles", "/related")) {
            String path = "/products/" + ids.getFirst() + suffix;
            String etag = described(client.get(path)).headers().firstValue("ETag").orElseThrow();
            assertThat(described(client.get(path, "If-None-Match", etag)).statusCode()).as(path).isEqualTo(304);
            assertThat(described(client.get("/products/987654321" + suffix)).statusCode()).isEqualTo(404);
            assertThat(described(client.get("/products/abc" + suffix)).statusCode()).isEqualTo(400);
        }
        // the last: more parameters than Tomcat takes, a query string that cannot be read as a whole
        for (String path : List.of("/products?page=0", "/products?count=abc", "/products?" + "page=1&".repeat(1001))) {
            assertThat(described(client.get(path)).statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    void everyAdminWriteAndRefusalIsDescribed() {
        long product = create("/admin/products", PRODUCT);
        long other = create("/admin/products", PRODUCT);
        long feature = create("/admin/products/" + product + "/features", "{\"feature\": \"Fabric\", \"value\": null}");
        long style = create("/admin/products/" + product + "/styles", "{\"name\": \"Navy\", \"original_price\": 120, \"sale_price\": null, \"default?\": true}");
        long photo = create("/admin/styles/" + style + "/photos", "{\"url\": \"https://img.example/1\", \"thumbnail_url\": \"https://img.example/1t\"}");
        long sku = create("/admin/styles/" + style + "/skus", "{\"size\": \"M\", \"quantity\": 3}");
        long related = create("/admin/products/" + product + "/related", "{\"related_product_id\": " + other + "}");

        write(204, "PUT", "/admin/products/" + product, PRODUCT);
        write(204, "PUT", "/admin/features/" + feature, "{\"feature\": \"Fabric\", \"value\": \"Tweed\"}");
        write(204, "PUT", "/admin/styles/" + style, "{\"name\": \"Navy\", \"original_price\": 120, \"sale_price\": 99.5, \"default?\": true}");
        write(204, "PUT", "/admin/photos/" + photo, "{\"url\": \"https://img.example/2\", \"thumbnail_url\": \"https://img.example/2t\"}");
        write(204, "PUT", "/admin/skus/" + sku, "{\"size\": \"L\", \"quantity\": 4}");
        write(204, "PATCH", "/admin/skus/" + sku, "{\"quantity\": 17}");
        write(204, "PATCH", "/admin/skus", "[{\"id\": " + sku + ", \"quantity\": 18}]");
        write(204, "PATCH", "/admin/styles", "[{\"id\": " + style + ", \"original_price\": \"130.00\", \"sale_price\": null}]");
        assertThat(described(client.admin("PATCH", "/admin/skus", "[{\"id\": 987654321, \"quantity\": 1}]")).statusCode()).isEqualTo(422);
        assertThat(described(client.admin("PATCH", "/admin/styles", "[{\"id\": " + style + ", \"original_price\": -1, \"sale_price\": null}]"))
                .statusCode()).isEqualTo(422);
        assertThat(described(client.admin("PATCH", "/admin/skus", "[]")).statusCode()).isEqualTo(400);
        for (String path : List.of("/admin/related/" + related, "/admin/skus/" + sku, "/admin/photos/" + photo, "/admin/styles/" + style,
                "/admin/features/" + feature, "/admin/products/" + product)) {
            assertThat(described(client.admin("DELETE", path, null)).statusCode()).as(path).isEqualTo(204);
        }

        assertThat(described(client.admin("POST", "/admin/products", "{\"name\": \"No price\"}")).statusCode()).isEqualTo(400);
        assertThat(described(client.admin("POST", "/admin/products", "{")).statusCode()).isEqualTo(400);
        assertThat(described(client.admin("DELETE", "/admin/products/0", null)).statusCode()).isEqualTo(400);
        assertThat(described(client.withoutToken("POST", "/admin/products", PRODUCT, null)).statusCode()).isEqualTo(401);
        assertThat(described(client.withoutToken("DELETE", "/admin/skus/1", null, "Bearer wrong")).statusCode()).isEqualTo(401);
        assertThat(described(client.admin("PUT", "/admin/features/987654321", "{\"feature\": \"Fabric\", \"value\": \"Tin\"}")).statusCode())
                .isEqualTo(404);
        assertThat(described(client.withoutToken("PATCH", "/admin/skus/" + sku, "{\"quantity\": 1}",
                "Bearer " + TestIssuer.get().token("auditor", "catalog:audit"))).statusCode()).isEqualTo(403);

        assertThat(described(client.admin("GET", "/admin/audit?product_id=" + product, null)).statusCode()).isEqualTo(200);
        assertThat(described(client.admin("GET", "/admin/audit?count=0", null)).statusCode()).isEqualTo(400);
        assertThat(described(client.withoutToken("GET", "/admin/audit", null, null)).statusCode()).isEqualTo(401);
    }

    @Test
    void readsTheReadModelCannotAnswerBeforeTheServiceIsReadyGetTheDescribed503() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC); // as during a first start
        try {
            assertThat(described(client.get("/products/987654321/styles")).statusCode()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Test
    void readsAndWritesThatNeedTheDatabaseWhileItIsOutOfReachGetTheDescribed503() {
        long uncached = ids.get(1);
        RedisBytes.delete(redis, uncached);
        POSTGRES.cut();
        try {
            assertThat(described(client.get("/products/" + uncached)).statusCode()).isEqualTo(503);
            assertThat(described(client.admin("PATCH", "/admin/skus/1", "{\"quantity\": 4}")).statusCode()).isEqualTo(503);
        } finally {
            POSTGRES.open();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/products/" + uncached).statusCode() == 200);
    }

    @Test
    void adminOperationsRequireTheBearerTokenAndReadsArePublic() {
        JsonNode scheme = contract.description().at("/components/securitySchemes/admin-token");
        assertThat(List.of(scheme.get("type").asString(), scheme.get("scheme").asString())).containsExactly("http", "bearer");
        contract.description().get("paths").properties().forEach(path -> path.getValue().forEach(operation -> {
            if (path.getKey().startsWith("/admin/")) {
                assertThat(operation.path("security").toString()).as(path.getKey()).isEqualTo("[{\"admin-token\":[]}]");
            } else {
                assertThat(path.getKey()).startsWith("/products");
                assertThat(operation.has("security")).as(path.getKey()).isFalse();
            }
        }));
    }

    @Test
    void theExamplesOfTheDescriptionFitItsSchemas() {
        assertThat(contract.exampleViolations()).isEmpty();
    }

    /** The check itself: a description that says otherwise than the service does fails it, whichever way it is wrong. */
    @Test
    void aDescriptionThatDisagreesWithTheServiceFailsTheCheck() {
        HttpResponse<String> list = described(client.get("/products"));
        assertThat(contract.with(spec -> set(spec, "/components/schemas/ProductSummary/properties/default_price", "type", "number"))
                .violations(list)).as("a price described as a number").isNotEmpty();
        HttpResponse<String> badRequest = described(client.get("/products/abc"));
        assertThat(contract.with(spec -> remove(spec, "/components/schemas/InvalidParameterProblem/properties", "parameter"))
                .violations(badRequest)).as("a member the description lacks").isNotEmpty();
        String etag = client.get("/products/" + ids.getFirst()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = described(client.get("/products/" + ids.getFirst(), "If-None-Match", etag));
        assertThat(contract.with(spec -> remove(spec, "/paths/~1products~1{productId}/get/responses", "304")).violations(notModified))
                .as("a status the description lacks").isNotEmpty();
        HttpResponse<String> styles = described(client.get("/products/" + ids.getFirst() + "/styles"));
        assertThat(contract.with(spec -> set(spec, "/components/schemas/Style/properties/skus/propertyNames", "pattern", "^x$"))
                .violations(styles)).as("SKU ids described otherwise").isNotEmpty();
    }

    @Test
    void swaggerUiIsServedAndTheDocsAddNothingToTheReadPath() throws Exception {
        HttpResponse<String> welcome = client.get("/swagger-ui.html");
        assertThat(welcome.statusCode()).isEqualTo(302);
        HttpResponse<String> ui = client.get(welcome.headers().firstValue("Location").orElseThrow());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(client.get("/v3/api-docs.yaml").body()).startsWith("openapi: 3.1.0");

        List<String> filters = new ArrayList<>(context.getBeansOfType(Filter.class).values().stream().map(filter -> filter.getClass().getName()).toList());
        context.getBeansOfType(FilterRegistrationBean.class).values().forEach(registration -> filters.add(registration.getFilter().getClass().getName()));
        assertThat(filters).noneMatch(name -> name.startsWith("org.springdoc"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/1");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain read = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandler(request);
        assertThat(read.getHandler().toString()).contains("ProductController#product");
        assertThat(read.getInterceptorList()).noneMatch(interceptor -> interceptor.getClass().getName().startsWith("org.springdoc"));
    }

    // --- helpers

    /** Checks the answer by the description and returns it. */
    private HttpResponse<String> described(HttpResponse<String> response) {
        assertThat(contract.violations(response)).as("%s %s -> %d %s", response.request().method(), response.request().uri().getRawPath(),
                response.statusCode(), response.body()).isEmpty();
        return response;
    }

    /** Checks the answer, a 200, by the description and returns the member of its body. */
    private JsonNode described(HttpResponse<String> response, String member) {
        assertThat(described(response).statusCode()).isEqualTo(200);
        return client.json(response.body()).get(member);
    }

    /** Every answer of the paths checked; what is wrong with all of them in one failure. */
    private void assertAllDescribed(Stream<String> paths) {
        List<String> violations = new ArrayList<>();
        paths.forEach(path -> {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            contract.violations(response).forEach(violation -> violations.add(path + ": " + violation));
        });
        assertThat(violations).isEmpty();
    }

    private long create(String path, String body) {
        return client.json(write(201, "POST", path, body).body()).get("id").asLong();
    }

    /** A valid write: its body fits the description, and so does the answer. */
    private HttpResponse<String> write(int status, String method, String path, String body) {
        assertThat(contract.requestViolations(method, path, body)).as("the body of %s %s", method, path).isEmpty();
        HttpResponse<String> response = described(client.admin(method, path, body));
        assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(status);
        return response;
    }

    /** A product with one style, with the photo and SKU given (null for none), once its styles document shows the style. */
    private long productWithStyle(String photo, String sku) {
        long product = create("/admin/products", PRODUCT);
        long style = create("/admin/products/" + product + "/styles", "{\"name\": \"Plain\", \"original_price\": 12, \"sale_price\": 7.5, \"default?\": false}");
        if (photo != null) {
            create("/admin/styles/" + style + "/photos", photo);
        }
        if (sku != null) {
            create("/admin/styles/" + style + "/skus", sku);
        }
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            JsonNode shown = client.json(client.get("/products/" + product + "/styles").body()).at("/results/0");
            return !shown.isMissingNode() && (photo == null || shown.at("/photos/0/url").isString()) && (sku == null || !shown.get("skus").isEmpty());
        });
        return product;
    }

    private static ObjectNode set(ObjectNode spec, String pointer, String member, String value) {
        ((ObjectNode) spec.at(pointer)).put(member, value);
        return spec;
    }

    private static ObjectNode remove(ObjectNode spec, String pointer, String member) {
        ((ObjectNode) spec.at(pointer)).remove(member);
        return spec;
    }
}
