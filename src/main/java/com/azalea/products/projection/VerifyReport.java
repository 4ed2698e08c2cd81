package com.azalea.products.projection;

import com.azalea.products.projection.ReadModelVerifier.Comparison;
import java.time.Duration;
import java.util.Locale;

/**
 * What a verification found.
 *
 * @param afterRepair the second look at the repaired products, null when no repair was asked for
 */
public record VerifyReport(long products, Comparison found, int repaired, Comparison afterRepair, Duration elapsed) {

    /** Drift a reader could still see once the run is over. */
    public boolean drifting() {
        return afterRepair != null ? afterRepair.drifting() : found.drifting();
    }

    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "checked %,d products in %.1f s%n  read table: %s%n  redis:      %s%n",
                products, elapsed.toNanos() / 1e9, found.table().summary("products"), found.cache().summary("values")));
        if (afterRepair != null) {
            text.append(String.format(Locale.ROOT, "repaired %,d products; checked again:%n  read table: %s%n  redis:      %s%n",
                    repaired, afterRepair.table().summary("products"), afterRepair.cache().summary("values")));
        }
        text.append(drifting() ? "DRIFT: the read model differs from the write model" : "no drift");
        return text.toString();
    }
}
