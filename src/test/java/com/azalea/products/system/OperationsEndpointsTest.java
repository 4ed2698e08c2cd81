package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health (database and Redis, probes) and the metrics operators watch. */
@IntegrationTest
class OperationsEndpointsTest {

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void healthCoversTheDatabaseAndRedis() throws Exception {
        JsonNode health = get("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void cacheHitsAndMissesAndRequestLatencyAreMeasured() throws Exception {
        send("/products/1");
        send("/products/1");
        JsonNode cache = get("/actuator/metrics/azalea.cache.requests");
        assertThat(cache.get("availableTags").get(0).get("values").toString()).contains("hit", "miss");
        JsonNode latency = get("/actuator/metrics/http.server.requests?tag=uri:/products/%7BproductId%7D");
        assertThat(latency.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(2);
        send("/products");
        JsonNode pages = get("/actuator/metrics/azalea.list.pages");
        assertThat(pages.get("availableTags").get(0).get("values").toString()).contains("redis", "table");
        assertThat(pages.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
