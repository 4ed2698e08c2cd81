package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.system.QueueTimedExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Admission control under a storm, made deterministic: the test itself holds both request threads, as
 * slow requests would, so that the requests sent meanwhile wait in Tomcat's queue for longer than
 * {@code max-wait}. Once the threads are free, the reads among them are refused with a 503 problem
 * while the probe and the admin write are answered; reads that do not wait are admitted again.
 */
@IntegrationTest
@TestPropertySource(properties = {"server.tomcat.threads.max=2", "azalea.read.admission.max-wait=100ms"})
@ExtendWith(OutputCaptureExtension.class)
class ReadAdmissionTest {

    private static final int THREADS = 2;
    private static final List<String> READS = List.of("/products/1/styles", "/products/1", "/products?count=2");

    @Autowired
    TestCatalog catalog;
    @Autowired
    QueueTimedExecutor requestThreads;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsThatWaitedTooLongForARequestThreadAreRefusedAndOperatorsStillGetAnswers(@TempDir Path dir, CapturedOutput output) throws Exception {
        catalog.loadAndProject(dir, 0.0005, 13);
        assertThat(send(get("/products/1/styles")).statusCode()).isEqualTo(200);

        CountDownLatch holding = new CountDownLatch(THREADS);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < THREADS; i++) {
            requestThreads.execute(() -> {
                holding.countDown();
                awaitQuietly(release);
            });
        }
        holding.await();
        List<CompletableFuture<HttpResponse<String>>> reads = READS.stream().map(path -> sendAsync(get(path))).toList();
        var probe = sendAsync(get("/actuator/health/readiness"));
        var write = sendAsync(HttpRequest.newBuilder(uri("/admin/products"))
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Storm Coat", "slogan": "Still here", "description": "Sold in a rush.", "category": "Jackets", "default_price": 90}"""))
                .build());
        int sent = READS.size() + 2;
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("azalea.admission.waiting") >= sent);
        assertThat(gauge("azalea.admission.in_flight")).isEqualTo(THREADS);
        // the queued requests' wait: well past max-wait, whatever the machine's speed
        Thread.sleep(300);
        release.countDown();

        for (int i = 0; i < READS.size(); i++) {
            HttpResponse<String> refused = reads.get(i).join();
            String path = READS.get(i);
            assertThat(refused.statusCode()).as(path).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(json.readTree(refused.body()).get("status").asInt()).as(path).isEqualTo(503);
        }
        assertThat(probe.join().statusCode()).as("the readiness probe during the storm").isEqualTo(200);
        assertThat(write.join().statusCode()).as("the admin API during the storm").isEqualTo(201);
        assertThat(meters.get("azalea.admission.shed").counter().count()).isEqualTo(READS.size());
        assertThat(meters.get("azalea.admission.queue").timer().max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(output).containsOnlyOnce("overloaded: reads wait more than 100 ms");

        for (String path : READS) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> send(get("/products/1")).statusCode() == 200 && output.toString().contains("reads are admitted again: 3 were refused"));
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
