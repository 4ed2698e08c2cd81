package com.azalea.products.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the outbox relay on its own thread, woken the moment a write of this instance commits outbox rows
 * ({@link OutboxWritten}, heard after the commit): each instance relays what its own writes recorded,
 * and {@code FOR UPDATE SKIP LOCKED} lets them share the table. Polling every
 * {@code azalea.events.poll-interval} is the safety net, for rows an instance left behind when it
 * stopped and for retrying a delivery that failed. A database {@code NOTIFY} would wake every instance,
 * but it serializes all notifying commits on one lock: the writers' throughput was capped by it.
 */
@Component
@ConditionalOnWebApplication // the service moves changes; batch commands do not
class OutboxRelayLoop implements SmartLifecycle {

    private final OutboxRelay relay;
    private final Duration pollInterval;
    /** One permit at most: any number of commits since the last drain wake it once. */
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxRelayLoop(OutboxRelay relay, EventsProperties properties) {
        this.relay = relay;
        this.pollInterval = properties.pollInterval();
    }

    @TransactionalEventListener
    void committed(OutboxWritten written) {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /** Wakes the loop and lets a drain in progress finish; only a loop still waiting then is interrupted. */
    @Override
    public void stop() {
        running = false;
        wake.release();
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
        try {
            while (running) {
                wake.drainPermits();
                relay.drain();
                wake.tryAcquire(Math.max(1, pollInterval.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
