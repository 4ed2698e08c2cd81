package com.azalea.products.projection;

import java.time.Duration;

/** What a full rebuild did. */
public record RebuildReport(long products, Duration elapsed) {

    public double productsPerSecond() {
        return products / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
