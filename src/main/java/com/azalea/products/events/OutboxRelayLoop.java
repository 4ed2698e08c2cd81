package com.azalea.products.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox relay on its own thread, woken the moment a write commits: the outbox's trigger
 * sends a PostgreSQL NOTIFY at commit (schema V4) and this loop LISTENs on a connection of its own.
 * Polling every {@code azalea.events.poll-interval} stays as the safety net, for a notification
 * connection that broke and for retrying a delivery that failed. Listening starts before each drain,
 * so a write that commits during a drain wakes the next one.
 */
@Component
@ConditionalOnWebApplication // the service moves changes; batch commands do not
class OutboxRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final OutboxRelay relay;
    private final JdbcConnectionDetails database;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;
    private volatile Connection listening;

    OutboxRelayLoop(OutboxRelay relay, JdbcConnectionDetails database, EventsProperties properties) {
        this.relay = relay;
        this.database = database;
        this.pollInterval = properties.pollInterval();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /**
     * Wakes the loop (aborting the notification connection ends a wait at once) and lets a drain in
     * progress finish; only a loop still pausing after a failure is interrupted.
     */
    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                log.debug("aborting the notification connection: {}", e.getMessage());
            }
        }
        try {
            thread.join(Duration.ofSeconds(10));
            thread.interrupt();
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            boolean listens = listen();
            relay.drain();
            if (listens) {
                awaitNotification();
            } else {
                pause();
            }
        }
        close();
    }

    private boolean listen() {
        if (listening != null) {
            return true;
        }
        try {
            listening = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN outbox");
            }
            log.info("outbox relay listens for committed writes");
            return true;
        } catch (SQLException e) {
            close();
            log.debug("outbox relay cannot listen ({}); it polls every {}", e.getMessage(), pollInterval);
            return false;
        }
    }

    /** Returns when a write committed outbox rows, or after the poll interval. */
    private void awaitNotification() {
        try {
            listening.unwrap(PGConnection.class).getNotifications(Math.toIntExact(Math.max(1, pollInterval.toMillis())));
        } catch (SQLException e) {
            close();
            if (running) { // not stopped on purpose
                log.warn("outbox relay lost its notification connection ({}); it polls until it listens again", e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                log.debug("closing the notification connection: {}", e.getMessage());
            }
            listening = null;
        }
    }
}
