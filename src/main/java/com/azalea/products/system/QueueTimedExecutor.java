package com.azalea.products.system;

import org.apache.catalina.core.StandardThreadExecutor;

/**
 * Tomcat's own pool of request threads, which also notes when each request was queued for a thread:
 * under a spike the wait happens in this queue, so this is where a request can tell how late it is
 * ({@link #waitedNanos()}) before any work is spent on it.
 */
public final class QueueTimedExecutor extends StandardThreadExecutor {

    /** a holder per thread, set for each task, so that noting the time allocates nothing but the task's wrapper */
    private static final ThreadLocal<long[]> QUEUED_AT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void execute(Runnable task) {
        long queuedAt = System.nanoTime();
        super.execute(() -> {
            QUEUED_AT.get()[0] = queuedAt;
            task.run();
        });
    }

    /** How long the task on the calling thread waited for it; 0 on a thread of any other pool. */
    public static long waitedNanos() {
        long queuedAt = QUEUED_AT.get()[0];
        return queuedAt == 0 ? 0 : System.nanoTime() - queuedAt;
    }
}
