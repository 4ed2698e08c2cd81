package com.azalea.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.BadRequests.Expect;
import com.azalea.products.BadRequests.Probe;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestCatalog;
import com.azalea.products.support.RawHttp;
import com.azalea.products.support.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of malformed requests against the running service (see {@link BadRequests}): none may get
 * a 5xx or an answer that shows internals, every error the application answers is a problem detail,
 * and none without a valid token, or with the token and an invalid body, changes the write model.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final long SEED = 20261125;
    private static final List<String> WRITE_TABLES = List.of("products", "features", "styles", "photos", "skus", "related");
    /** Text that only an exception, a stack trace or a framework's own error page would put in an answer. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "jakarta.", "org.springframework", "org.apache",
            "tools.jackson", "com.azalea", "PSQL", "SQL state", "Whitelabel", "\"trace\"");
    /**
     * What Tomcat answers itself to a request it refuses before the application sees it (a malformed request
     * line or header, headers over the limit, an encoded '/' or NUL in the path): its own plain page, not a
     * problem detail, which is accepted for such requests only.
     */
    private static final Set<Integer> TOMCAT_REFUSALS = Set.of(400, 413, 414, 431);

    @Autowired
    TestCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    BadRequests requests;

    @BeforeAll
    void loadCatalog(@TempDir Path dir) throws IOException {
        catalog.loadAndProject(dir, 0.001, 11);
        Map<String, List<Long>> ids = new LinkedHashMap<>();
        WRITE_TABLES.forEach(table -> ids.put(table, jdbc.sql("SELECT id FROM " + table + " ORDER BY id LIMIT 50").query(Long.class).list()));
        requests = new BadRequests(SEED, port, ids);
    }

    @Test
    void thousandsOfMalformedRequestsGetClearClientErrorsAndWriteNothing() throws Exception {
        List<Probe> probes = Stream.of(requests.readIds(1_200), requests.paging(500), requests.unknownPaths(300), requests.wrongMethods(),
                requests.missingOrWrongTokens(700), requests.adminPathSpellings(150), requests.invalidBodies(1_300),
                requests.protocolErrors(100)).flatMap(List::stream).toList();
        Map<String, String> before = writeModel();
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isPositive();

        List<String> faults = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<String>> checked = probes.stream().map(probe -> clients.submit(() -> check(probe))).toList();
            for (Future<String> fault : checked) {
                if (fault.get() != null) {
                    faults.add(fault.get());
                }
            }
        }

        Map<String, Long> perCategory = probes.stream().collect(Collectors.groupingBy(Probe::category, TreeMap::new, Collectors.counting()));
        assertThat(faults).as("faults among %d requests %s", probes.size(), perCategory).isEmpty();
        assertThat(writeModel()).as("the write model after the requests").isEqualTo(before);
    }

    @Test
    void theValidBodiesTheProbesStartFromAreAccepted() {
        // the invalid bodies are these with one thing broken: the admin probes test the token and the checks, not a typo here
        for (Probe probe : requests.validWrites()) {
            assertThat(send(probe).status()).as(probe.request()).isBetween(200, 299);
        }
    }

    /** Bodies are refused by their announced length (or, without a token, not read at all): the answer comes before the body. */
    @ParameterizedTest
    @CsvSource({
            "POST /admin/products, application/json, , 401",
            "PUT /admin/products/1, application/x-www-form-urlencoded, , 401",
            "POST /admin/products, application/json, Bearer " + IntegrationTest.ADMIN_TOKEN + ", 413",
            "POST /admin/products, multipart/form-data; boundary=x, Bearer " + IntegrationTest.ADMIN_TOKEN + ", 413",
            "PUT /products/1, application/x-www-form-urlencoded, , 405",
            "POST /products, multipart/form-data; boundary=x, , 405"})
    void aHugeAnnouncedBodyIsAnsweredWithoutBeingRead(String requestLine, String contentType, String authorization, int status) throws IOException {
        String headers = requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nContent-Length: 100000000\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        Answer answer = RawHttp.exchange(port, (headers + "{\"name\": ").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as("answered without waiting for the 100 MB").isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void headersUpTo16KilobytesAreReadAndLargerOnesRefused() throws IOException {
        assertThat(get("/products/1", "X-Padding: " + "a".repeat(12_000)).status()).as("12 KB, above Tomcat's default of 8 KB").isEqualTo(200);
        assertThat(get("/products/1", "X-Padding: " + "a".repeat(17_000)).status()).isIn(400, 431);
        assertThat(get("/products/" + "1".repeat(17_000), "X-Padding: a").status()).isIn(400, 414, 431);
    }

    private Answer get(String path, String header) throws IOException {
        return RawHttp.exchange(port, ("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** @return what is wrong with the answer to the probe, or null */
    private String check(Probe probe) {
        Answer answer = send(probe);
        String fault = fault(probe, answer);
        return fault == null ? null
                : "[" + probe.category() + "] " + probe.request() + " -> " + fault + ": " + answer.status() + " " + answer.contentType() + " "
                        + BadRequests.abbreviate(answer.body());
    }

    private static Answer send(Probe probe) {
        try {
            return probe.send().call();
        } catch (Exception e) {
            return new Answer(null, "", e.toString());
        }
    }

    private String fault(Probe probe, Answer answer) {
        if (answer.status() == null) {
            return "no answer";
        }
        int status = answer.status();
        boolean refusedByTomcat = probe.refusableByTomcat() && TOMCAT_REFUSALS.contains(status) && answer.contentType().startsWith("text/html")
                && answer.body().contains("<h1>HTTP Status " + status);
        if (status >= 500) {
            return "server error";
        } else if (LEAKS.stream().anyMatch(answer.body()::contains)) {
            return "shows internals";
        } else if (probe.expect() == Expect.UNAUTHORIZED && status != 401 && !refusedByTomcat) {
            return "not refused for its token";
        } else if (probe.expect() == Expect.CLIENT_ERROR && status < 400) {
            return "accepted";
        } else if (status >= 400 && !refusedByTomcat && !isProblemDetail(answer, probe.request().startsWith("HEAD "))) {
            return "not a problem detail";
        }
        return null;
    }

    private boolean isProblemDetail(Answer answer, boolean bodiless) {
        if (!answer.contentType().startsWith("application/json")) {
            return false;
        }
        if (bodiless) {
            return true;
        }
        JsonNode problem = json.readTree(answer.body());
        return problem.path("status").asInt() == answer.status() && !problem.path("title").asString("").isBlank();
    }

    /**
     * Each write table as its row count and a digest of its rows (versions included), and the last outbox id
     * taken: the relay deletes the rows it delivered, so their count alone could miss one.
     */
    private Map<String, String> writeModel() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : WRITE_TABLES) {
            state.put(table, jdbc.sql("SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') FROM " + table + " t")
                    .query(String.class).single());
        }
        state.put("outbox ids", jdbc.sql("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'id')), 0)")
                .query(String.class).single());
        return state;
    }
}
