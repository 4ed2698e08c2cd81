package com.azalea.products.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pace of the projection: its share of the time, one batch at a time, single writes before bulk ones. */
class ProjectionPaceTest {

    @Test
    void onAContendedMachineTheNextBatchWaitsSoThatTheProjectionKeepsToItsShare() {
        assertThat(pace(0.5).restAfter(Duration.ofMillis(80), 0.95)).isEqualTo(Duration.ofMillis(80));
        assertThat(pace(0.25).restAfter(Duration.ofMillis(80), 1)).isEqualTo(Duration.ofMillis(240));
        assertThat(pace(0.25).restAfter(Duration.ofMillis(80), -1)).as("CPU use unknown").isEqualTo(Duration.ofMillis(240));
        assertThat(pace(1).restAfter(Duration.ofMillis(80), 1)).isZero();
    }

    @Test
    void withCpuToSpareTheProjectionDoesNotPause() {
        assertThat(pace(0.25).restAfter(Duration.ofMillis(80), 0.89)).isZero();
        assertThat(pace(0.25).restAfter(Duration.ofMillis(80), 0)).isZero();
    }

    @Test
    void aWaitingSingleWriteBatchGoesBeforeAWaitingBulkOne() throws Exception {
        ProjectionPace pace = pace(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> pace.project(true, () -> {
            running.countDown();
            await(release);
            order.add("bulk 1");
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Thread bulk = Thread.ofVirtual().start(() -> pace.project(true, () -> order.add("bulk 2")));
        awaitWaiting(bulk);
        Thread single = Thread.ofVirtual().start(() -> pace.project(false, () -> order.add("single")));
        awaitWaiting(single);
        assertThat(order).as("one batch at a time").isEmpty();
        release.countDown();
        for (Thread thread : List.of(first, bulk, single)) {
            assertThat(thread.join(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(order).containsExactly("bulk 1", "single", "bulk 2");
    }

    @Test
    void aSingleWriteBatchDoesNotWaitForThePauseAfterABulkBatchButABulkBatchWaitsForEveryPause() throws Exception {
        ProjectionPace pace = new ProjectionPace(properties(EventsProperties.Transport.IN_PROCESS, 0.001, true), () -> 1);
        pace.project(true, () -> sleep(5)); // a pause of about 5 s follows
        long started = System.nanoTime();
        pace.project(false, () -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the single write batch's wait").isLessThan(Duration.ofSeconds(2));
        Thread bulk = Thread.ofVirtual().start(() -> pace.project(true, () -> { }));
        assertThat(bulk.join(Duration.ofMillis(500))).as("the bulk batch still waits for the pause").isFalse();
        bulk.interrupt();
    }

    @Test
    void aReaderNeedsKafkaToLeaveProjectingToOthers() {
        assertThatThrownBy(() -> properties(EventsProperties.Transport.IN_PROCESS, 0.5, false))
                .hasMessageContaining("azalea.events.transport=kafka");
        assertThat(properties(EventsProperties.Transport.KAFKA, 0.5, false).project()).isFalse();
    }

    private static ProjectionPace pace(double share) {
        return new ProjectionPace(properties(EventsProperties.Transport.IN_PROCESS, share, true), () -> 1);
    }

    private static EventsProperties properties(EventsProperties.Transport transport, double share, boolean project) {
        return new EventsProperties(transport, "product-changes", 1, Duration.ofSeconds(1), 2000, 250, share, 0.9, Duration.ofSeconds(10),
                "azalea-projector", project);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the thread is parked in the pace (waiting for its turn). */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("the thread waits for its turn").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
