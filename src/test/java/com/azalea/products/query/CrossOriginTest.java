package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser front-ends on other origins call the read API with an Authorization header: a preflight must
 * allow it and every answer must name the origin, while the admin API stays closed to them unless told.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOriginTest {

    static final String SHOP = "http://shop.example:3000";

    @Autowired
    TestCatalog catalog;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void loadCatalog(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.0005, 5);
    }

    @Test
    void aReadFromAnyOriginIsAllowedByDefault() throws Exception {
        HttpResponse<String> styles = send("GET", "/products/1/styles", "Origin", SHOP, "Authorization", "Bearer front-end-token");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(styles.headers().allValues("Access-Control-Expose-Headers")).anySatisfy(value -> assertThat(value).contains("ETag"));
        assertThat(send("GET", "/products?count=2", "Origin", SHOP).headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(send("GET", "/products/1/styles").headers().firstValue("Access-Control-Allow-Origin"))
                .as("no CORS header for a request that is not cross-origin").isEmpty();
    }

    @Test
    void aPreflightAllowsTheAuthorizationHeaderForReads() throws Exception {
        for (String path : new String[] {"/products", "/products/1", "/products/1/styles", "/products/1/related"}) {
            HttpResponse<String> preflight = send("OPTIONS", path, "Origin", SHOP, "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "authorization");
            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            HttpHeaders headers = preflight.headers();
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(headers.firstValue("Access-Control-Allow-Methods").orElse("")).as(path).contains("GET", "HEAD");
            assertThat(headers.firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).as(path).contains("authorization");
            assertThat(headers.firstValue("Access-Control-Max-Age")).as(path).hasValue("3600");
            assertThat(headers.allValues("Vary")).as(path).anySatisfy(value -> assertThat(value).contains("Origin"));
        }
    }

    @Test
    void aPreflightForAWriteOnTheReadApiIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/products/1", "Origin", SHOP, "Access-Control-Request-Method", "DELETE");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAdminApiAllowsNoOriginByDefault() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/admin/products", "Origin", SHOP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(preflight.statusCode()).isEqualTo(401);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> write = send("POST", "/admin/products", "Origin", SHOP, "Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN,
                "Content-Type", "application/json");
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** Origins listed: only they may read, and the admin API answers its own list. */
    @Nested
    @TestPropertySource(properties = {"azalea.read.cors.allowed-origins=" + SHOP, "azalea.admin.cors.allowed-origins=http://admin.example"})
    class ListedOrigins {

        @Value("${local.server.port}")
        int listedPort; // this context's own server

        HttpResponse<String> send(String method, String path, String... headers) throws Exception {
            return CrossOriginTest.this.send(listedPort, method, path, headers);
        }

        @Test
        void aListedOriginIsNamedAndVaryTellsCachesTheAnswerDependsOnIt() throws Exception {
            HttpResponse<String> styles = send("GET", "/products/1/styles", "Origin", SHOP);
            assertThat(styles.statusCode()).isEqualTo(200);
            assertThat(styles.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
            assertThat(styles.headers().allValues("Vary")).anySatisfy(value -> assertThat(value).contains("Origin"));
        }

        @Test
        void anotherOriginIsRefusedWithAProblem() throws Exception {
            HttpResponse<String> read = send("GET", "/products/1/styles", "Origin", "http://elsewhere.example");
            assertThat(read.statusCode()).isEqualTo(403);
            assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(read.body()).contains("\"status\":403");
            HttpResponse<String> preflight = send("OPTIONS", "/products/1/styles", "Origin", "http://elsewhere.example",
                    "Access-Control-Request-Method", "GET");
            assertThat(preflight.statusCode()).isEqualTo(403);
        }

        @Test
        void theAdminApiAnswersThePreflightOfItsOwnOriginWithoutAToken() throws Exception {
            HttpResponse<String> preflight = send("OPTIONS", "/admin/skus/1", "Origin", "http://admin.example",
                    "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization,content-type");
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://admin.example");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PATCH");
            HttpResponse<String> shopPreflight = send("OPTIONS", "/admin/skus/1", "Origin", SHOP, "Access-Control-Request-Method", "PATCH");
            assertThat(shopPreflight.statusCode()).as("the read API's origin is not the admin API's").isEqualTo(403);
            HttpResponse<String> withoutToken = send("PATCH", "/admin/skus/1", "Origin", "http://admin.example", "Content-Type", "application/json");
            assertThat(withoutToken.statusCode()).as("the origin is no substitute for the token").isEqualTo(401);
        }
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return send(port, method, path, headers);
    }

    HttpResponse<String> send(int serverPort, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
