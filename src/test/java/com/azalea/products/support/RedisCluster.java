package com.azalea.products.support;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ShutdownArgs;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The tests' Redis Cluster, 3 masters and 3 replicas on 127.0.0.1, ports {@code AZALEA_TEST_REDIS_CLUSTER_PORT}
 * (7101) to +5: where Docker runs, one container holding the six nodes with those ports published (the
 * nodes announce 127.0.0.1, so the topology they report is reachable from here); otherwise this
 * machine's {@code redis-server}, started by {@code bench/redis-cluster/start} unless a cluster already
 * answers. Emptied once per test run: it may hold another database's documents, whose versions would
 * hide this one's.
 */
public final class RedisCluster {

    private static final int NODES = 6;
    private static String nodes;

    private RedisCluster() {
    }

    /** The nodes, as {@code spring.data.redis.cluster.nodes} takes them; the cluster is started on first use. */
    public static synchronized String nodes() {
        if (nodes == null) {
            int first = Integer.parseInt(System.getenv().getOrDefault("AZALEA_TEST_REDIS_CLUSTER_PORT", "7101"));
            if (TestServices.DOCKER) {
                startContainer(first);
            } else {
                startLocally(first);
            }
            String list = IntStream.range(first, first + NODES).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
            flush(list);
            nodes = list;
        }
        return nodes;
    }

    private static void startLocally(int first) {
        Path script = Path.of("bench/redis-cluster/start").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " is missing: run the tests from the project's directory");
        }
        try {
            Process start = new ProcessBuilder("bash", script.toString(), Integer.toString(first)).redirectErrorStream(true).start();
            String output = new String(start.getInputStream().readAllBytes());
            if (start.waitFor() != 0) {
                throw new IllegalStateException("no Redis Cluster for the tests: " + script + " " + first + " failed (it needs redis-server"
                        + " and redis-cli, Debian's redis-server package):\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM, as the other containers
    private static void startContainer(int first) {
        List<Integer> ports = IntStream.range(first, first + NODES).boxed().toList();
        String servers = ports.stream()
                .map(port -> "redis-server --port " + port + " --cluster-enabled yes --cluster-config-file nodes-" + port + ".conf"
                        + " --cluster-announce-ip 127.0.0.1 --cluster-node-timeout 2000 --cluster-require-full-coverage no --protected-mode no --save '' --appendonly no --daemonize yes")
                .collect(Collectors.joining(" && "));
        String create = "redis-cli --cluster create " + ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(" "))
                + " --cluster-replicas 1 --cluster-yes";
        String ready = "until redis-cli -p " + first + " cluster info | grep -q cluster_state:ok; do sleep 0.2; done";
        new GenericContainer<>("redis:7-alpine")
                .withCommand("sh", "-c", servers + " && sleep 1 && " + create + " && " + ready + " && echo 'cluster ready' && sleep infinity")
                .withCreateContainerCmdModifier(command -> command
                        .withExposedPorts(ports.stream().map(ExposedPort::tcp).toList())
                        .getHostConfig().withPortBindings(ports.stream()
                                .map(port -> new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(port))).toList()))
                .waitingFor(Wait.forLogMessage(".*cluster ready.*", 1))
                .start();
    }

    private static void flush(String list) {
        RedisClusterClient client = client(list);
        try (var connection = client.connect()) {
            connection.sync().flushall(); // Lettuce sends it to every master
        } finally {
            client.shutdown();
        }
    }

    /** The master that serves the key's slot now, as {@code host:port}. */
    /** The slots the master at {@code address} (host:port) serves. */
    public static Set<Integer> slotsOf(String address) {
        RedisClusterClient client = client(nodes());
        try (var connection = client.connect()) {
            return connection.getPartitions().stream()
                    .filter(node -> (node.getUri().getHost() + ":" + node.getUri().getPort()).equals(address))
                    .flatMap(node -> node.getSlots().stream())
                    .collect(Collectors.toSet());
        } finally {
            client.shutdown();
        }
    }

    public static String masterOf(byte[] key) {
        RedisClusterClient client = client(nodes());
        try (var connection = client.connect()) {
            RedisURI master = connection.getPartitions().getMasterBySlot(SlotHash.getSlot(key)).getUri();
            return master.getHost() + ":" + master.getPort();
        } finally {
            client.shutdown();
        }
    }

    /**
     * Stops a node at once, without saving and without waiting for its replicas, as a crash would. The
     * cluster is whole again for the next test JVM: {@code bench/redis-cluster/start} (or a new
     * container) rebuilds one that is not healthy.
     */
    public static void crash(String node) {
        RedisClient client = RedisClient.create(RedisURI.create("redis://" + node));
        try (var connection = client.connect()) {
            connection.async().shutdown(ShutdownArgs.Builder.save(false).now());
        } finally {
            client.shutdown();
        }
    }

    private static RedisClusterClient client(String list) {
        return RedisClusterClient.create(List.of(list.split(",")).stream().map(node -> RedisURI.create("redis://" + node)).toList());
    }
}
