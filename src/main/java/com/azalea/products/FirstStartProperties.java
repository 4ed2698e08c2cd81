package com.azalea.products;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the service does when it starts on an empty database.
 *
 * @param sampleScale scale of the catalog to generate and load then; 0 turns it off (production)
 * @param seed        seed of that sample
 */
@Validated
@ConfigurationProperties("azalea.first-start")
public record FirstStartProperties(@DecimalMin("0") @DecimalMax("1") double sampleScale, long seed) {
}
