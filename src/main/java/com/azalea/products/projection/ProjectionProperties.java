package com.azalea.products.projection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the full rebuild runs.
 *
 * @param batchSize product ids per projection statement
 * @param workers   statements running at once; PostgreSQL does the work, so about its core count
 */
@Validated
@ConfigurationProperties("azalea.projection")
public record ProjectionProperties(@Min(1) @Max(100_000) int batchSize, @Min(1) @Max(64) int workers) {
}
