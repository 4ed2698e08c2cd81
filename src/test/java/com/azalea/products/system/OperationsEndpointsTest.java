package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health (database and Redis for the admin, the status for anyone, probes) and the metrics operators watch. */
@IntegrationTest
class OperationsEndpointsTest {

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void healthShowsTheAdminTheDatabaseRedisAndTheirDetails() throws Exception {
        JsonNode health = get("/actuator/health", "Bearer " + IntegrationTest.ADMIN_TOKEN);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.propertyNames()).contains("components");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("details").get("database").asString()).isEqualTo("PostgreSQL");
        assertThat(components.get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("redis").get("details").get("version").asString()).isNotBlank();
        assertThat(components.get("diskSpace").get("details").get("path").asString()).isNotBlank();
    }

    @Test
    void healthShowsOthersOnlyItsStatus() throws Exception {
        for (String authorization : new String[] {null, "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))}) {
            JsonNode health = get("/actuator/health", authorization);
            assertThat(health.propertyNames()).as("health for authorization %s", authorization).containsExactlyInAnyOrder("status", "groups");
            assertThat(health.get("status").asString()).isEqualTo("UP");
        }
        // a bearer token that is not accepted is refused, as on the admin API, rather than taken for no token
        for (String authorization : new String[] {"Bearer not-the-token", "Bearer " + IntegrationTest.ADMIN_TOKEN + "x"}) {
            HttpResponse<String> refused = send("/actuator/health", authorization);
            assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
            assertThat(refused.body()).as(authorization).doesNotContain("components");
        }
    }

    @Test
    void probesAnswerAnyone() throws Exception {
        assertThat(get("/actuator/health/readiness", null).get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).get("status").asString()).isEqualTo("UP");
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

    private HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return send(path, null);
    }

    private JsonNode get(String path, String authorization) throws Exception {
        HttpResponse<String> response = send(path, authorization);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        return get(path, null);
    }
}
