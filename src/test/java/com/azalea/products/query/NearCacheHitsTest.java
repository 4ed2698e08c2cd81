package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The near cache's hits are answered before Spring MVC ({@link NearCacheHits}), exactly as the controller
 * answers the same read; everything else is passed on to it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearCacheHitsTest {

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NearCache near;
    @Autowired
    DocumentReader documents;
    @Autowired
    DocumentResponses responses;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    long product;

    @BeforeAll
    void load(@TempDir Path dir) throws Exception {
        catalog.loadAndProject(dir, 0.001, 29);
        product = jdbc.sql("SELECT min(product_id) FROM product_documents WHERE styles IS NOT NULL").query(Long.class).single();
        await().atMost(Duration.ofSeconds(10)).until(near::usable);
    }

    @Test
    void aHitIsAnsweredAsTheControllerAnswersTheMissBeforeIt() throws Exception {
        for (String route : List.of("", "/", "/styles", "/styles/", "/related", "/related/")) {
            String path = "/products/" + product + route;
            for (List<String> headers : List.of(List.of("Accept-Encoding", "gzip"), List.<String>of(), List.of("Origin", "https://shop.example"))) {
                near.clear();
                HttpResponse<byte[]> miss = get(path, headers);
                assertThat(near.get(product)).as("kept by the miss").isNotNull();
                HttpResponse<byte[]> hit = get(path, headers);
                assertThat(miss.statusCode()).as(path).isEqualTo(200);
                assertThat(hit.statusCode()).as(path).isEqualTo(200);
                assertThat(hit.body()).as(path + " " + headers).isEqualTo(miss.body());
                assertThat(withoutDate(hit.headers())).as(path + " " + headers).isEqualTo(withoutDate(miss.headers()));

                String etag = hit.headers().firstValue("ETag").orElseThrow();
                List<String> revalidation = new ArrayList<>(headers);
                revalidation.addAll(List.of("If-None-Match", etag));
                HttpResponse<byte[]> notModified = get(path, revalidation);
                assertThat(notModified.statusCode()).as(path + " revalidated").isEqualTo(304);
                assertThat(notModified.headers().firstValue("ETag")).contains(etag);
            }
        }
    }

    @Test
    void onlyAHeldDocumentIsAnsweredHereTheRestGoesOnToTheController() throws Exception {
        NearCacheHits filter = new NearCacheHits(() -> documents, () -> responses);
        get("/products/" + product + "/styles", List.of());
        assertThat(near.get(product)).isNotNull();

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse answer = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/products/" + product + "/styles"), answer, chain);
        assertThat(chain.getRequest()).as("a hit is answered here").isNull();
        assertThat(answer.getContentAsByteArray()).isEqualTo(get("/products/" + product + "/styles", List.of()).body());

        long notHeld = product + 1;
        near.clear();
        for (MockHttpServletRequest passed : List.of(request("HEAD", "/products/" + product + "/styles"),
                request("GET", "/products/" + notHeld + "/styles"), request("GET", "/products/" + product + "/photos"),
                request("GET", "/products/0/styles"), request("GET", "/products/" + "9".repeat(19)), request("GET", "/products/-1"),
                request("GET", "/products/" + product + "/styles/x"), request("GET", "/products/1a"))) {
            MockFilterChain next = new MockFilterChain();
            filter.doFilter(passed, new MockHttpServletResponse(), next);
            assertThat(next.getRequest()).as(passed.getMethod() + " " + passed.getServletPath()).isSameAs(passed);
        }
    }

    /** The filter looks first and the controller after it on a miss: each lookup still counts once. */
    @Test
    void eachLookupIsCountedOnceInTheNearCachesStatistics() throws Exception {
        String path = "/products/" + product + "/styles";
        near.clear();
        double hits = nearGets("hit");
        double misses = nearGets("miss");
        get(path, List.of()); // a miss: passed on by the filter, read from Redis by the controller
        get(path, List.of()); // a hit, answered by the filter
        get(path, List.of());
        assertThat(nearGets("miss") - misses).isEqualTo(1);
        assertThat(nearGets("hit") - hits).isEqualTo(2);
    }

    private double nearGets(String result) {
        return meters.get("cache.gets").tag("cache", "near").tag("result", result).functionCounter().count();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    private HttpResponse<byte[]> get(String path, List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> all = new TreeMap<>(headers.map());
        all.remove("date");
        return all;
    }
}
