package com.azalea.products.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timers of a change's way from the admin write to Redis (outbox wait, Kafka transit, projection,
 * and the whole lag), all with p50/p99 and a histogram, so a slow tail can be traced to its stage.
 */
final class StageTimer {

    private StageTimer() {
    }

    static Timer register(MeterRegistry meters, String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
    }
}
