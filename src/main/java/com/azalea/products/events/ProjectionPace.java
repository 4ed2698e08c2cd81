package com.azalea.products.events;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps reprojection to its share of the machine, so that a burst of writes does not starve the reads:
 * one batch projects at a time in this instance, and when the machine's CPU is contended (its use since
 * the last batch at least {@code contended-cpu}), after a batch that took {@code t} the next starts no
 * sooner than {@code t × (1 − share) / share} later. Changes that arrive meanwhile wait and join the next
 * batch, so a backlog is worked off in larger batches (each product once, however many changes it had),
 * not with more concurrency. A machine with CPU to spare gets no pause: nothing waits for it. Single
 * writes go before bulk ones: a bulk batch never starts while a single-write batch waits, nor during the
 * pause after any batch; a single-write batch waits only for the pause after the last single-write
 * batch, so a stock change is not held up by a whole-catalog change's pauses (its own batches are small).
 */
@Component
class ProjectionPace {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final double share;
    private final double contendedCpu;
    /** The machine's CPU use (0 to 1) since it was last asked; negative when unknown. */
    private final DoubleSupplier cpuUse;
    private boolean busy;
    private int singlesWaiting;
    /** The end of the pause after the last batch, and after the last batch of single writes. */
    private long restUntil = System.nanoTime();
    private long singlesRestUntil = restUntil;

    @Autowired
    ProjectionPace(EventsProperties properties) {
        this(properties, ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class)::getCpuLoad);
    }

    ProjectionPace(EventsProperties properties, DoubleSupplier cpuUse) {
        this.share = properties.projectionShare();
        this.contendedCpu = properties.contendedCpu();
        this.cpuUse = cpuUse;
    }

    /** Runs one batch's projection in its turn. */
    void project(boolean bulk, Runnable projection) {
        awaitTurn(bulk);
        long started = System.nanoTime();
        try {
            projection.run();
        } finally {
            release(bulk, System.nanoTime() - started);
        }
    }

    /** How long the next batch waits after one that took {@code spent}, the machine's CPU use meanwhile {@code cpu}. */
    Duration restAfter(Duration spent, double cpu) {
        boolean contended = cpu < 0 || cpu >= contendedCpu; // unknown counts as contended
        return contended ? Duration.ofNanos((long) (spent.toNanos() * (1 - share) / share)) : Duration.ZERO;
    }

    private void awaitTurn(boolean bulk) {
        lock.lock();
        try {
            if (!bulk) {
                singlesWaiting++;
            }
            try {
                while (true) {
                    if (busy || bulk && singlesWaiting > 0) {
                        changed.await();
                        continue;
                    }
                    long rest = (bulk ? restUntil : singlesRestUntil) - System.nanoTime();
                    if (rest <= 0) {
                        break;
                    }
                    changed.awaitNanos(rest);
                }
                busy = true;
            } finally {
                if (!bulk) {
                    singlesWaiting--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection's turn", e);
        } finally {
            lock.unlock();
        }
    }

    private void release(boolean bulk, long spentNanos) {
        lock.lock();
        try {
            busy = false;
            long until = System.nanoTime() + restAfter(Duration.ofNanos(spentNanos), cpuUse.getAsDouble()).toNanos();
            if (until - restUntil > 0) { // a short batch does not cut the pause after a long one
                restUntil = until;
            }
            if (!bulk) {
                singlesRestUntil = until;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
