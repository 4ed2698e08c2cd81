package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.system.QueueTimedExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code max-wait}. Once the threads are free, the reads among them are refused with a 429 problem
 * on a connection that stays open, while the probe and the admin write are answered; reads that do not
 * wait are admitted again.
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
        // the same refusal over a connection of its own, which must stay open for the next request
        Socket kept = new Socket("127.0.0.1", port);
        kept.setSoTimeout(10_000);
        var keptRefusal = CompletableFuture.supplyAsync(() -> exchange(kept, "/products/1/related"));
        var probe = sendAsync(get("/actuator/health/readiness"));
        var write = sendAsync(HttpRequest.newBuilder(uri("/admin/products"))
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Storm Coat", "slogan": "Still here", "description": "Sold in a rush.", "category": "Jackets", "default_price": 90}"""))
                .build());
        int sent = READS.size() + 3;
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("azalea.admission.waiting") >= sent);
        assertThat(gauge("azalea.admission.in_flight")).isEqualTo(THREADS);
        // the queued requests' wait: well past max-wait, whatever the machine's speed
        Thread.sleep(300);
        release.countDown();

        for (int i = 0; i < READS.size(); i++) {
            HttpResponse<String> refused = reads.get(i).join();
            String path = READS.get(i);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(json.readTree(refused.body()).get("status").asInt()).as(path).isEqualTo(429);
        }
        assertThat(keptRefusal.join()).startsWith("HTTP/1.1 429 ").doesNotContainIgnoringCase("connection: close");
        assertThat(probe.join().statusCode()).as("the readiness probe during the storm").isEqualTo(200);
        assertThat(write.join().statusCode()).as("the admin API during the storm").isEqualTo(201);
        // with the queue drained (the write took its time), the next read on the refused one's connection
        assertThat(exchange(kept, "/products/1/related")).as("the refused read's connection, reused").startsWith("HTTP/1.1 200 ");
        kept.close();
        assertThat(meters.get("azalea.admission.shed").counter().count()).isEqualTo(READS.size() + 1);
        assertThat(meters.get("azalea.admission.queue").timer().max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(output).containsOnlyOnce("overloaded: reads wait more than 100 ms");

        for (String path : READS) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> send(get("/products/1")).statusCode() == 200 && output.toString().contains("reads are admitted again: 4 were refused"));
    }

    /** One GET on a kept-alive connection: the status line and headers of its answer (whose body is then read past). */
    private static String exchange(Socket socket, String path) {
        try {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the connection closed after: " + head);
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
