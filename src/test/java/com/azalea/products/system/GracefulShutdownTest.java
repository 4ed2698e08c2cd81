package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.ServiceProcess;
import com.azalea.products.support.TcpGate;
import com.azalea.products.support.TestCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service in a JVM of its own, stopped with SIGTERM while clients keep reading: no reader gets an
 * error answer (nothing a read needs, Redis or the pool, is closed before the web server stops taking
 * requests), and the process ends by itself after a graceful shutdown. (A read takes far less than a
 * millisecond, so a request cut off by an immediate shutdown is too rare to test for.)
 */
@IntegrationTest
class GracefulShutdownTest {

    private static final int READERS = 4;

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    @Test
    void aServiceStoppedUnderLoadGivesNoErrorAnswerAndExitsAfterAGracefulShutdown(@TempDir Path dir, @TempDir Path logs) throws Exception {
        catalog.loadAndProject(dir, 0.001, 23);
        List<Long> ids = jdbc.sql("SELECT id FROM products ORDER BY id").query(Long.class).list();
        int port = TcpGate.freePort();
        Path log = logs.resolve("service.log");
        Process service = new ProcessBuilder(ServiceProcess.command(environment, "--server.port=" + port, "--azalea.first-start.sample-scale=0"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> get(http, port, "/actuator/health/readiness").statusCode() == 200);

            AtomicBoolean stopped = new AtomicBoolean();
            AtomicBoolean signalled = new AtomicBoolean();
            LongAdder answered = new LongAdder();
            Map<Integer, AtomicInteger> errorAnswers = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> failuresBeforeSignal = new ConcurrentHashMap<>();
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            for (int i = 0; i < READERS; i++) {
                readers.submit(() -> {
                    while (!stopped.get()) {
                        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        try {
                            int status = get(http, port, "/products/" + id + "/styles").statusCode();
                            if (status == 200) {
                                answered.increment();
                            } else {
                                errorAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (IOException e) { // refused or closed: allowed once the service is told to stop
                            if (!signalled.get()) {
                                failuresBeforeSignal.computeIfAbsent(e.toString(), s -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> answered.sum() >= 500);

            signalled.set(true);
            service.destroy(); // SIGTERM
            boolean exited = service.waitFor(40, TimeUnit.SECONDS);
            stopped.set(true);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(exited).as("the service ended by itself").isTrue();
            assertThat(service.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
            assertThat(errorAnswers).as("error answers").isEmpty();
            assertThat(failuresBeforeSignal).as("failures before the signal").isEmpty();
            assertThat(Files.readString(log)).contains("Graceful shutdown complete").doesNotContain("ERROR");
        } finally {
            service.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<Void> get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
