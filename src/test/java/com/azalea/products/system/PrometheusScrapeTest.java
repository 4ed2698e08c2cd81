package com.azalea.products.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.KafkaServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus}: the meters operators watch, request latency
 * per route, and every metric that {@code deploy/prometheus/alerts.yml} names, so the rules cannot drift
 * from the code. With Kafka, as deployed: the dead letters and the Kafka transit exist only there.
 */
@IntegrationTest
@TestPropertySource(properties = "azalea.events.transport=kafka") // read by conditions, so not a dynamic property
class PrometheusScrapeTest {

    private static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    /** The service's own metrics and Spring's request metrics, as they appear in a PromQL expression. */
    private static final Pattern METRIC_IN_EXPRESSION = Pattern.compile("\\b(?:azalea|http_server)_[a-z0-9_]+\\b");
    private static final Pattern URI_LABEL = Pattern.compile("[{,]uri=\"([^\"]*)\"");
    private static final Pattern LE_LABEL = Pattern.compile("[{,]le=\"([^\"]*)\"");

    /** Nested, so it adds to the imports of {@link IntegrationTest} instead of replacing them. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(KafkaServices.class)
    static class WithKafka {
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scrapeListsTheMetersOperatorsWatch() throws Exception {
        get("/products/1");
        List<String> samples = samples(scrape());

        assertThat(names(samples)).contains(
                "azalea_cache_circuit_open",
                "azalea_outbox_backlog", "azalea_outbox_published_total",
                "azalea_projection_lag_seconds_bucket", "azalea_outbox_wait_seconds_bucket",
                "azalea_events_transit_seconds_bucket", "azalea_projection_batch_seconds_bucket",
                "azalea_events_dead_letters_total",
                "http_server_requests_seconds_bucket", "http_server_requests_seconds_count");
        assertThat(samples).map(sample -> sample.substring(0, sample.lastIndexOf(' '))).contains(
                "azalea_cache_requests_total{result=\"hit\"}",
                "azalea_cache_requests_total{result=\"miss\"}",
                "azalea_cache_requests_total{result=\"bypass\"}");
    }

    @Test
    void requestLatencyIsAHistogramPerRouteTemplateNeverPerId() throws Exception {
        for (String path : List.of("/products/987654321", "/products/987654321/styles", "/products/abc", "/products/987654321/related")) {
            get(path);
        }
        List<String> buckets = samples(scrape()).stream().filter(sample -> sample.startsWith("http_server_requests_seconds_bucket{")).toList();

        Set<String> uris = buckets.stream().map(sample -> label(URI_LABEL, sample)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(uris).contains("/products/{productId}", "/products/{productId}/styles", "/products/{productId}/related")
                .noneMatch(uri -> uri.contains("987654321") || uri.contains("abc"));

        // one series of the product route: buckets from under a millisecond to a few seconds, then +Inf
        List<String> bounds = buckets.stream()
                .filter(sample -> sample.contains("uri=\"/products/{productId}\"") && sample.contains("status=\"404\""))
                .map(sample -> label(LE_LABEL, sample)).toList();
        List<Double> finite = bounds.stream().filter(bound -> !bound.equals("+Inf")).map(Double::valueOf).sorted().toList();
        assertThat(bounds).contains("+Inf");
        assertThat(finite.getFirst()).isLessThan(0.001);
        assertThat(finite.getLast()).isBetween(2.0, 10.0);
    }

    /**
     * The reads are timed by the service's own filter, the other requests by Spring's observation: one
     * meter either way, with the same labels, and each request counted once.
     */
    @Test
    void readsAreCountedOnceInTheSameRequestMeterAsEveryOtherRequest() throws Exception {
        String styles = "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "status=\"404\",uri=\"/products/{productId}/styles\"}";
        double before = count(scrape(), styles);
        for (int i = 0; i < 3; i++) {
            get("/products/987654321/styles");
        }
        List<String> samples = samples(scrape());

        assertThat(count(String.join("\n", samples), styles)).isEqualTo(before + 3);
        Set<String> labelSets = samples.stream().filter(sample -> sample.startsWith("http_server_requests_seconds_count{"))
                .map(sample -> sample.substring(sample.indexOf('{') + 1, sample.lastIndexOf('}')).replaceAll("=\"[^\"]*\"", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(samples).anyMatch(sample -> sample.startsWith("http_server_requests_seconds_count{") && sample.contains("uri=\"/actuator/prometheus\""));
        assertThat(labelSets).containsExactly("error,exception,method,outcome,status,uri");
    }

    private static double count(String scrape, String series) {
        return samples(scrape).stream().filter(sample -> sample.startsWith(series + " "))
                .mapToDouble(sample -> Double.parseDouble(sample.substring(series.length() + 1))).sum();
    }

    @Test
    void everyMetricTheAlertRulesUseIsExposed() throws Exception {
        get("/products/1"); // the request metrics exist from the first request on
        Set<String> exposed = names(samples(scrape()));

        Map<String, Set<String>> usedByRule = metricsUsedByRule();
        assertThat(usedByRule).as("rules of %s", ALERTS).isNotEmpty();
        usedByRule.forEach((rule, used) -> {
            assertThat(used).as("metrics named by %s", rule).isNotEmpty();
            assertThat(exposed).as("metrics exposed for %s", rule).containsAll(used);
        });
    }

    /** Each alert of the rule file, with the metric names its expression uses. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> metricsUsedByRule() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Matcher names = METRIC_IN_EXPRESSION.matcher(String.valueOf(rule.get("expr")));
                used.put(String.valueOf(rule.get("alert")), names.results().map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return used;
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample lines of the text format: {@code name{labels} value}. */
    private static List<String> samples(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static Set<String> names(List<String> samples) {
        return samples.stream().map(sample -> sample.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String label(Pattern label, String sample) {
        Matcher value = label.matcher(sample);
        assertThat(value.find()).as("label %s in %s", label, sample).isTrue();
        return value.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
