package com.azalea.products.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxCount        the largest {@code count} GET /products accepts
 * @param redisTimeout    how long a read waits for Redis before it counts as failed
 * @param redisRetryAfter how long reads go straight to the read table once Redis keeps failing
 */
@Validated
@ConfigurationProperties("azalea.read")
record ReadProperties(@Min(1) @Max(1000) int maxCount, @NotNull Duration redisTimeout, @NotNull Duration redisRetryAfter) {
}
