package com.azalea.products.projection;

import java.time.Duration;
import java.util.Locale;

/** What a full rebuild did. */
public record RebuildReport(long products, Duration elapsed) {

    /** One line for the terminal and the log; bench/rebuild-benchmark reads it. */
    public String summary() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return String.format(Locale.ROOT, "projected %,d products in %.1f s (%,.0f products/s)", products, seconds, products / seconds);
    }
}
