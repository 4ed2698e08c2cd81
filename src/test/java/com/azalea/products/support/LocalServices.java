package com.azalea.products.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * This machine's PostgreSQL and Redis, for a test run without Docker: both must answer, and the test
 * database is created when it does not exist yet, so a fresh machine (or an IDE) needs no setup step.
 * Anything missing stops the run with one message that says what to start.
 */
final class LocalServices {

    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String START_HINT = "or run .ci/run, which starts PostgreSQL and Redis and then the tests";

    private LocalServices() {
    }

    static void prepare(String jdbcUrl, InetSocketAddress redis, int redisDatabase) {
        boolean created = createDatabaseIfMissing(jdbcUrl);
        try (Socket socket = new Socket()) {
            socket.connect(redis, 2_000);
        } catch (IOException e) {
            throw new IllegalStateException("Redis does not answer at " + redis.getHostString() + ":" + redis.getPort() + " (" + e.getMessage()
                    + ") and no Docker engine runs for Testcontainers. Start it: redis-server --daemonize yes --port " + redis.getPort()
                    + " --save \"\" --appendonly no, " + START_HINT + ".");
        }
        if (created) {
            // A new database numbers its catalog's versions from 1 again: what Redis kept of the dropped one
            // (tombstones of higher versions) would hide the new catalog's documents.
            RedisClient client = RedisClient.create(RedisURI.builder().withHost(redis.getHostString()).withPort(redis.getPort())
                    .withDatabase(redisDatabase).build());
            try (var connection = client.connect()) {
                connection.sync().flushdb();
            } finally {
                client.shutdown();
            }
        }
    }

    /** @return whether it had to be created */
    private static boolean createDatabaseIfMissing(String jdbcUrl) {
        URI url = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        String server = "jdbc:postgresql://" + url.getRawAuthority() + "/postgres" + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(server, login);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (exists.executeQuery().next()) {
                return false;
            }
            connection.createStatement().execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false; // another test JVM created it a moment ago
            }
            throw new IllegalStateException("PostgreSQL at " + url.getRawAuthority() + " cannot give the tests their database " + database
                    + " (" + e.getMessage() + ") and no Docker engine runs for Testcontainers. Start it: pg_ctlcluster"
                    + " --skip-systemctl-redirect <version> main start (AZALEA_TEST_DB_URL names another database), " + START_HINT + ".", e);
        }
    }
}
