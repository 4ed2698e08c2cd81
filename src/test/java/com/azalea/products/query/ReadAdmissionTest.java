package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control under a storm, made deterministic: the test itself holds every slot a read could
 * take, as reads in flight would. Reads are then refused at once with a 503 problem, while the probes,
 * the metrics and the admin API still answer; once the slots are free, reads are admitted again.
 */
@IntegrationTest
@TestPropertySource(properties = {"azalea.read.admission.enabled=true", "azalea.read.admission.max-in-flight=3", "azalea.read.admission.max-wait=20ms"})
@ExtendWith(OutputCaptureExtension.class)
class ReadAdmissionTest {

    private static final int MAX_IN_FLIGHT = 3;

    @Autowired
    TestCatalog catalog;
    @Autowired
    Bulkhead readsInFlight;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenEveryReadSlotIsTakenReadsAreRefusedAndOperatorsStillGetAnswers(@TempDir Path dir, CapturedOutput output) throws Exception {
        catalog.loadAndProject(dir, 0.0005, 13);
        assertThat(get("/products/1/styles", false).statusCode()).isEqualTo(200);

        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            assertThat(readsInFlight.tryAcquirePermission()).isTrue();
        }
        try {
            for (String path : new String[] {"/products/1/styles", "/products/1", "/products?count=2"}) {
                HttpResponse<String> refused = get(path, false);
                assertThat(refused.statusCode()).as(path).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("1");
                assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
                assertThat(json.readTree(refused.body()).get("status").asInt()).as(path).isEqualTo(503);
            }
            assertThat(get("/actuator/health/liveness", false).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/health/readiness", false).statusCode()).isEqualTo(200);
            assertThat(meter("azalea.admission.in_flight")).isEqualTo(MAX_IN_FLIGHT);
            assertThat(meter("azalea.admission.shed")).isGreaterThanOrEqualTo(3);
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(uri("/admin/products"))
                    .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "Storm Coat", "slogan": "Still here", "description": "Sold in a rush.", "category": "Jackets", "default_price": 90}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as("the admin API during the storm").isEqualTo(201);
            assertThat(output).containsOnlyOnce("overloaded");
        } finally {
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                readsInFlight.onComplete();
            }
        }

        assertThat(get("/products/1/styles", false).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/products/1", false).statusCode() == 200 && output.toString().contains("reads are admitted again"));
        assertThat(meter("azalea.admission.in_flight")).isZero();
    }

    private double meter(String name) throws Exception {
        return json.readTree(get("/actuator/metrics/" + name, true).body()).get("measurements").get(0).get("value").asDouble();
    }

    private HttpResponse<String> get(String path, boolean ok) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (ok) {
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
