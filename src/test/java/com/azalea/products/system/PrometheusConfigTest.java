package com.azalea.products.system;

import static com.azalea.products.system.YamlFile.list;
import static com.azalea.products.system.YamlFile.load;
import static com.azalea.products.system.YamlFile.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/prometheus.yml against docker-compose.yml: Prometheus scrapes every service instance
 * the stack runs, by the port it publishes, under the instance's name. promtool checks the rest.
 */
class PrometheusConfigTest {

    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final String SCRAPE_CONFIG = "deploy/prometheus/prometheus.yml";

    @Test
    void scrapeTargetsAreTheServiceInstancesOfDockerCompose() throws IOException {
        Map<String, Object> job = map(list(load(SCRAPE_CONFIG).get("scrape_configs")).getFirst());
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");

        Map<String, String> scraped = new TreeMap<>(); // target to instance label
        list(job.get("static_configs")).forEach(entry -> {
            Map<String, Object> targets = map(entry);
            String instance = String.valueOf(map(targets.get("labels")).get("instance"));
            list(targets.get("targets")).forEach(target -> scraped.put(String.valueOf(target), instance));
        });
        assertThat(scraped).as("targets of %s, with their instance label", SCRAPE_CONFIG).isEqualTo(composeInstances());
    }

    /**
     * The compose services that run the service itself (the jar without a command; the loader runs
     * generate and ingest), as the host address they publish, to their name.
     */
    private static Map<String, String> composeInstances() throws IOException {
        Map<String, String> instances = new TreeMap<>();
        map(load(COMPOSE_FILE).get("services")).forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            List<Object> command = list(service.getOrDefault("command", List.of()));
            if (YamlFile.servesTheJar(command)) {
                List<Object> ports = list(service.get("ports"));
                assertThat(ports).as("ports %s publishes", name).hasSize(1);
                String[] mapping = String.valueOf(ports.getFirst()).split(":"); // host address:host port:container port
                assertThat(mapping).as("port mapping of %s", name).hasSize(3);
                instances.put(mapping[0] + ":" + mapping[1], name);
            }
        });
        assertThat(instances).as("service instances in %s", COMPOSE_FILE).hasSizeGreaterThanOrEqualTo(2);
        return instances;
    }
}
