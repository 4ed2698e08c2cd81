package com.azalea.products.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param priority the request threads' Java priority, 1 to 10. Linux applies it only when the JVM runs with
 *                 {@code -XX:ThreadPriorityPolicy=1} (bin/azalea sets it): priorities 1 to 4 become nice 4 to 1,
 *                 which any user may set on its own threads. Below the normal 5, requests yield the CPU to the
 *                 projection pipeline's threads (outbox relay, Kafka consumer, near-cache announcements), to
 *                 Lettuce's I/O threads and to the collector whenever both cores are saturated by reads.
 */
@Validated
@ConfigurationProperties("azalea.request-threads")
public record RequestThreadProperties(@Min(1) @Max(10) int priority) {
}
