package com.azalea.products.support;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the tests find their services, decided once per test JVM: containers where a Docker engine
 * runs, else the services of this machine: PostgreSQL on 127.0.0.1, database azalea_test (created
 * when missing, {@link LocalServices}), and Redis on 127.0.0.1, database 1. {@code AZALEA_TEST_DB_URL} and
 * {@code AZALEA_TEST_REDIS_DB} move a run elsewhere, so two checkouts can test side by side.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServices {

    /** Set to {@link #ON_CLUSTER} (see {@link OnRedisCluster}), the context uses the tests' Redis Cluster instead of a single Redis. */
    public static final String REDIS = "azalea.test.redis";
    public static final String ON_CLUSTER = "cluster";
    /**
     * A test's property that puts the context behind the gate of PostgreSQL ({@link #gatePostgres()}) or of
     * Redis ({@link #gateRedis()}), which the test can cut; every other context of the run goes straight to
     * the services. Being a property, it also gives the gated tests a context of their own.
     */
    public static final String GATED_POSTGRES = "azalea.test.gated=postgres";
    public static final String GATED_REDIS = "azalea.test.gated=redis";
    private static final String GATED = "azalea.test.gated";

    static final boolean DOCKER = DockerClientFactory.instance().isDockerAvailable();

    /** Started on first use and shared by every context of the run. */
    private static final class Containers {
        static final PostgreSQLContainer POSTGRES = start(new PostgreSQLContainer("postgres:15-alpine"));
        static final GenericContainer<?> REDIS = start(new GenericContainer<>("redis:7-alpine").withExposedPorts(6379));

        private static <T extends GenericContainer<?>> T start(T container) {
            container.start();
            return container;
        }
    }

    private static boolean prepared;
    private static volatile TcpGate redisGate;
    private static volatile TcpGate postgresGate;

    /**
     * Makes sure the services are there (a container starts on first use; a local database is created
     * when missing) and says which ones the run uses.
     */
    public static synchronized String prepare() {
        if (!prepared) {
            if (!DOCKER) {
                LocalServices.prepare(jdbcUrl(), redisAddress(), redisDatabase());
            }
            prepared = true;
        }
        return (DOCKER ? "containers: " : "local services: ") + jdbcUrl() + ", Redis " + redisAddress().getHostString() + ":" + redisAddress().getPort();
    }

    /** Where the tests' Redis listens. */
    public static InetSocketAddress redisAddress() {
        return DOCKER ? new InetSocketAddress(Containers.REDIS.getHost(), Containers.REDIS.getMappedPort(6379))
                : new InetSocketAddress("127.0.0.1", 6379);
    }

    /** The gate between the service and Redis, for the contexts with {@link #GATED_REDIS}. */
    public static synchronized TcpGate gateRedis() {
        if (redisGate == null) {
            redisGate = gateTo(redisAddress());
        }
        return redisGate;
    }

    /** As {@link #gateRedis()}, between the service and PostgreSQL. */
    public static synchronized TcpGate gatePostgres() {
        if (postgresGate == null) {
            URI database = URI.create(jdbcUrl().substring("jdbc:".length()));
            postgresGate = gateTo(new InetSocketAddress(database.getHost(), database.getPort()));
        }
        return postgresGate;
    }

    private static TcpGate gateTo(InetSocketAddress target) {
        TcpGate gate = new TcpGate(target.getHostString(), target.getPort(), TcpGate.freePort());
        gate.open();
        return gate;
    }

    private static String jdbcUrl() {
        return DOCKER ? Containers.POSTGRES.getJdbcUrl() : localProperty("AZALEA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/azalea_test");
    }

    /** The database's URL, through its gate for a context that asked for it. */
    private static String serviceJdbcUrl(boolean gated) {
        if (!gated) {
            return jdbcUrl();
        }
        URI database = URI.create(jdbcUrl().substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + gatePostgres().port() + database.getRawPath()
                + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
    }

    @Bean
    DynamicPropertyRegistrar serviceProperties(Environment environment) {
        prepare();
        boolean cluster = ON_CLUSTER.equals(environment.getProperty(REDIS));
        String gated = GATED + "=" + environment.getProperty(GATED, "");
        boolean postgresGated = gated.equals(GATED_POSTGRES);
        boolean redisGated = gated.equals(GATED_REDIS);
        return registry -> {
            if (cluster) { // wins over host and port (Spring Boot)
                registry.add("spring.data.redis.cluster.nodes", RedisCluster::nodes);
            }
            registry.add("spring.datasource.url", () -> serviceJdbcUrl(postgresGated));
            if (DOCKER) {
                registry.add("spring.datasource.username", Containers.POSTGRES::getUsername);
                registry.add("spring.datasource.password", Containers.POSTGRES::getPassword);
            } else {
                registry.add("spring.data.redis.database", TestServices::redisDatabase);
            }
            registry.add("spring.data.redis.host", () -> redisGated ? "127.0.0.1" : redisAddress().getHostString());
            registry.add("spring.data.redis.port", () -> redisGated ? gateRedis().port() : redisAddress().getPort());
        };
    }

    /** Database 1 by default: the tests flush it, and must not touch what a local service keeps in database 0. */
    private static int redisDatabase() {
        return Integer.parseInt(localProperty("AZALEA_TEST_REDIS_DB", "1"));
    }

    private static String localProperty(String environmentVariable, String fallback) {
        String value = System.getenv(environmentVariable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
