package com.azalea.products.system;

import static com.azalea.products.system.YamlFile.list;
import static com.azalea.products.system.YamlFile.load;
import static com.azalea.products.system.YamlFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started where there is no Docker engine, so this reads it instead: the
 * services and host ports docs/operations.md promises, health checks, the start order, the jar and
 * NGINX's upstream.
 */
class DockerComposeFileTest {

    /** The document that lists the compose services, and its section holding the table. */
    private static final Path DOCS_FILE = Path.of("docs/operations.md");
    private static final String DOCS_SECTION = "## Running the whole stack with docker-compose";
    private static final String NGINX_CONFIG = "deploy/nginx/azalea.conf";
    private static final String HEALTHY = "service_healthy";
    private static final String COMPLETED = "service_completed_successfully";

    private static Map<String, Map<String, Object>> services;
    private static String nginxConfig;

    /** A row of the documented table: the service, its image and the port it publishes on the host, if any. */
    private record Promised(String service, String image, Integer hostPort) {
    }

    @BeforeAll
    static void readFiles() throws IOException {
        Map<String, Object> file = load("docker-compose.yml");
        services = new LinkedHashMap<>();
        map(file.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
        nginxConfig = Files.readString(Path.of(NGINX_CONFIG));
    }

    @Test
    void servicesImagesAndHostPortsAreTheOnesTheDocsPromise() throws IOException {
        List<Promised> promised = documentedTable();
        assertThat(services.keySet()).as("services of docker-compose.yml against the table of %s", DOCS_FILE)
                .containsExactlyInAnyOrderElementsOf(promised.stream().map(Promised::service).toList());
        for (Promised row : promised) {
            Map<String, Object> service = services.get(row.service());
            assertThat(service.get("image")).as("image of %s", row.service()).isEqualTo(row.image());
            assertThat(hostPorts(service)).as("host ports of %s", row.service())
                    .isEqualTo(row.hostPort() == null ? List.of() : List.of(row.hostPort()));
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        String loader = loader();
        services.forEach((name, service) -> {
            if (!name.equals(loader)) {
                Map<String, Object> healthcheck = map(service.get("healthcheck"));
                assertThat(healthcheck).as("health check of %s", name).doesNotContainEntry("disable", true);
                assertThat(healthcheck.get("test")).as("health check of %s", name).asInstanceOf(LIST).isNotEmpty().doesNotContain("NONE");
            }
        });
    }

    @Test
    void theLoaderGeneratesThenIngestsOnceItsStoresAreHealthy() {
        String loader = loader();
        String command = command(loader);
        Matcher steps = Pattern.compile("-jar \\S+ generate --out (\\S+) .*&& .*-jar \\S+ ingest --dir (\\S+)").matcher(command);
        assertThat(steps.find()).as("generate, then ingest, in: %s", command).isTrue();
        assertThat(steps.group(2)).as("ingest reads what generate wrote").isEqualTo(steps.group(1));

        Set<String> stores = hostsNamedBy(loader, "SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_HOST");
        assertThat(dependsOn(loader)).as("what %s waits for", loader)
                .containsAllEntriesOf(condition(stores, HEALTHY));
    }

    @Test
    void instancesStartAfterTheLoaderAndOnceEveryServiceTheyUseIsHealthy() {
        String loader = loader();
        for (String instance : upstreamServers().keySet()) {
            assertThat(services).as("instance named by %s", NGINX_CONFIG).containsKey(instance);
            assertThat(environment(instance)).as("environment of %s", instance).containsEntry("AZALEA_EVENTS_TRANSPORT", "kafka");
            Set<String> used = hostsNamedBy(instance, "SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_HOST", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(used).as("PostgreSQL, Redis and Kafka of %s", instance).hasSize(3);
            assertThat(dependsOn(instance)).as("what %s waits for", instance)
                    .containsEntry(loader, COMPLETED)
                    .containsAllEntriesOf(condition(used, HEALTHY));
        }
    }

    @Test
    void nginxSpreadsOverBothInstancesWithKeepAliveOnceTheyAreHealthy() {
        Map<String, Object> nginx = services.get("nginx");
        assertThat(stringList(nginx.get("volumes"))).as("volumes of nginx")
                .anyMatch(volume -> volume.startsWith("./" + NGINX_CONFIG + ":/etc/nginx/conf.d/default.conf"));

        Map<String, Integer> instances = upstreamServers();
        assertThat(instances).as("upstream servers").hasSizeGreaterThanOrEqualTo(2);
        assertThat(dependsOn("nginx")).as("what nginx waits for").containsAllEntriesOf(condition(instances.keySet(), HEALTHY));
        instances.forEach((instance, port) -> assertThat(port).as("upstream port of %s", instance)
                .isEqualTo(Integer.valueOf(String.valueOf(environment(instance).getOrDefault("SERVER_PORT", 8080)))));

        assertThat(nginxConfig).as(NGINX_CONFIG)
                .containsPattern("proxy_pass\\s+http://" + upstream().group(1) + ";")
                .containsPattern("keepalive\\s+\\d+;")
                // without these two NGINX closes every upstream connection after one request
                .containsPattern("proxy_http_version\\s+1\\.1;")
                .containsPattern("proxy_set_header\\s+Connection\\s+\"\";");
    }

    @Test
    void everyJavaContainerRunsTheJarTheBuildMakesMountedReadOnly() throws Exception {
        String jar = "./target/" + finalName() + ".jar";
        List<String> javaServices = services.keySet().stream()
                .filter(name -> YamlFile.JAVA_RUN.matcher(command(name)).find())
                .toList();
        assertThat(javaServices).as("services that run the jar").containsAll(upstreamServers().keySet()).contains(loader());
        for (String name : javaServices) {
            List<Object> volumes = list(services.get(name).get("volumes"));
            assertThat(volumes).as("volumes of %s", name).hasSize(1);
            Map<String, Object> mount = map(volumes.getFirst());
            assertThat(mount).as("jar mount of %s", name)
                    .containsEntry("type", "bind")
                    .containsEntry("source", jar)
                    .containsEntry("read_only", true)
                    .containsEntry("bind", Map.of("create_host_path", false));
            assertThat(YamlFile.JAVA_RUN.matcher(command(name)).results().map(run -> run.group(1)))
                    .as("jars %s runs", name).isNotEmpty().containsOnly(String.valueOf(mount.get("target")));
        }
    }

    /** The documented table of the compose services; its host port cell is a number or a dash. */
    private static List<Promised> documentedTable() throws IOException {
        List<String> lines = Files.readAllLines(DOCS_FILE);
        int section = lines.indexOf(DOCS_SECTION);
        assertThat(section).as("section '%s' of %s", DOCS_SECTION, DOCS_FILE).isNotNegative();
        int header = section;
        while (header < lines.size() && !lines.get(header).startsWith("| service | image | host port |")) {
            header++;
        }
        assertThat(header).as("the table header after '%s'", DOCS_SECTION).isLessThan(lines.size());
        List<Promised> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).replace("`", "").split("\\|");
            String port = cells[3].strip();
            if (!port.matches("\\d+|—")) {
                fail("%s line %d: host port '%s' is neither a number nor —", DOCS_FILE, i + 1, port);
            }
            rows.add(new Promised(cells[1].strip(), cells[2].strip(), port.equals("—") ? null : Integer.valueOf(port)));
        }
        assertThat(rows).as("rows of the compose table in %s", DOCS_FILE).isNotEmpty();
        return rows;
    }

    /** Published host ports of the short syntax: {@code [ip:]host:container}. */
    private static List<Integer> hostPorts(Map<String, Object> service) {
        return stringList(service.getOrDefault("ports", List.of())).stream().map(port -> {
            String[] parts = port.split(":");
            assertThat(parts.length).as("port mapping '%s' names a host port", port).isGreaterThanOrEqualTo(2);
            return Integer.valueOf(parts[parts.length - 2]);
        }).toList();
    }

    /** The one service that others wait for until it has exited successfully. */
    private static String loader() {
        Set<String> oneShots = new LinkedHashSet<>();
        services.keySet().forEach(name -> dependsOn(name).forEach((dependency, condition) -> {
            if (condition.equals(COMPLETED)) {
                oneShots.add(dependency);
            }
        }));
        assertThat(oneShots).as("services waited for until they exit with 0").hasSize(1);
        return oneShots.iterator().next();
    }

    private static Map<String, String> dependsOn(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(services.get(service).getOrDefault("depends_on", Map.of()))
                .forEach((dependency, options) -> conditions.put(dependency, String.valueOf(map(options).get("condition"))));
        return conditions;
    }

    private static Map<String, String> condition(Iterable<String> dependencies, String condition) {
        Map<String, String> expected = new LinkedHashMap<>();
        dependencies.forEach(dependency -> expected.put(dependency, condition));
        return expected;
    }

    private static String command(String service) {
        return String.join(" ", stringList(services.get(service).getOrDefault("command", List.of())));
    }

    private static Map<String, Object> environment(String service) {
        return map(services.get(service).get("environment"));
    }

    /** The compose services a container reaches through the given host, URL or {@code host:port} settings. */
    private static Set<String> hostsNamedBy(String service, String... keys) {
        Map<String, Object> environment = environment(service);
        Set<String> hosts = new LinkedHashSet<>();
        for (String key : keys) {
            assertThat(environment).as("environment of %s", service).containsKey(key);
            Matcher host = Pattern.compile("^(?:[a-z:]+//)?([\\w.-]+)").matcher(String.valueOf(environment.get(key)));
            assertThat(host.find()).as("%s of %s names a host", key, service).isTrue();
            assertThat(services).as("host of %s in %s", key, service).containsKey(host.group(1));
            hosts.add(host.group(1));
        }
        return hosts;
    }

    /** NGINX's upstream block: group 1 its name, group 2 its body. */
    private static Matcher upstream() {
        Matcher upstream = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}").matcher(nginxConfig);
        assertThat(upstream.find()).as("an upstream block in %s", NGINX_CONFIG).isTrue();
        return upstream;
    }

    /** The upstream servers, host to port. */
    private static Map<String, Integer> upstreamServers() {
        Map<String, Integer> servers = new LinkedHashMap<>();
        Matcher server = Pattern.compile("server\\s+([\\w.-]+):(\\d+)").matcher(upstream().group(2));
        while (server.find()) {
            assertThat(servers.put(server.group(1), Integer.valueOf(server.group(2)))).as("second upstream entry of %s", server.group(1)).isNull();
        }
        return servers;
    }

    private static String finalName() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
        assertThat(finalName).as("the build's finalName").isNotBlank();
        return finalName;
    }

    private static List<String> stringList(Object yaml) {
        return list(yaml).stream().map(String::valueOf).toList();
    }
}
