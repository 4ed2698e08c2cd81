package com.azalea.products.support;

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

    static void prepare(String jdbcUrl, InetSocketAddress redis) {
        createDatabaseIfMissing(jdbcUrl);
        try (Socket socket = new Socket()) {
            socket.connect(redis, 2_000);
        } catch (IOException e) {
            throw new IllegalStateException("Redis does not answer at " + redis.getHostString() + ":" + redis.getPort() + " (" + e.getMessage()
                    + ") and no Docker engine runs for Testcontainers. Start it: redis-server --daemonize yes --port " + redis.getPort()
                    + " --save \"\" --appendonly no, " + START_HINT + ".");
        }
    }

    private static void createDatabaseIfMissing(String jdbcUrl) {
        URI url = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        String server = "jdbc:postgresql://" + url.getRawAuthority() + "/postgres" + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(server, login);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return; // another test JVM created it a moment ago
            }
            throw new IllegalStateException("PostgreSQL at " + url.getRawAuthority() + " cannot give the tests their database " + database
                    + " (" + e.getMessage() + ") and no Docker engine runs for Testcontainers. Start it: pg_ctlcluster"
                    + " --skip-systemctl-redirect <version> main start (AZALEA_TEST_DB_URL names another database), " + START_HINT + ".", e);
        }
    }
}
