package com.azalea.products.system;

import org.apache.catalina.core.StandardThreadExecutor;

/**
 * Tomcat's own pool of request threads, which also notes how long each task waited in the queue for a
 * thread: under a spike the wait happens in this queue, so this is where a request can tell how late it
 * is ({@link #takeWaitedNanos()}) before any work is spent on it.
 */
public final class QueueTimedExecutor extends StandardThreadExecutor {

    /** a holder per thread, set for each task, so that noting the wait allocates nothing but the task's wrapper */
    private static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void execute(Runnable task) {
        long queuedAt = System.nanoTime();
        super.execute(() -> {
            WAITED.get()[0] = System.nanoTime() - queuedAt;
            task.run();
        });
    }

    /**
     * How long the task on the calling thread waited in the queue, for the first request that asks; 0 for
     * the next ones, and on a thread of any other pool. A task serves the requests a kept-alive connection
     * has sent by the time it answers one: those came after the wait and did not queue again.
     */
    public static long takeWaitedNanos() {
        long[] waited = WAITED.get();
        long nanos = waited[0];
        waited[0] = 0;
        return nanos;
    }
}
