package com.azalea.products.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param maxCount the largest {@code count} GET /products accepts */
@Validated
@ConfigurationProperties("azalea.read")
record ReadProperties(@Min(1) @Max(1000) int maxCount) {
}
