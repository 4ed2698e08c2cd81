package com.azalea.products.events;

import com.azalea.products.projection.Projector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of changes: the changed products are reprojected together, each once however many
 * changes it had, from the current write model (not from the events), so duplicates and late events
 * are harmless. Batches take turns ({@link ProjectionPace}).
 */
@Component
class ChangeProjection {

    private final Projector projector;
    private final ProjectionPace pace;
    private final Timer lag;
    private final Timer projecting;

    ChangeProjection(Projector projector, ProjectionPace pace, MeterRegistry meters) {
        this.projector = projector;
        this.pace = pace;
        this.lag = StageTimer.register(meters, "azalea.projection.lag", "from an admin write to its document in Redis");
        this.projecting = StageTimer.register(meters, "azalea.projection.batch", "projecting one batch of changed products");
    }

    /** @param bulk whether the changes come from bulk writes, which wait for the single ones */
    void apply(Collection<ProductChange> changes, boolean bulk) {
        Map<Long, Instant> earliest = new LinkedHashMap<>();
        for (ProductChange change : changes) {
            earliest.merge(change.productId(), change.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (earliest.isEmpty()) {
            return;
        }
        Instant first = earliest.values().stream().min(Instant::compareTo).orElseThrow();
        // one statement for the whole batch
        pace.project(bulk, () -> projecting.record(() -> projector.project(earliest.keySet(), first)));
        Instant visible = Instant.now();
        earliest.values().forEach(at -> lag.record(Duration.between(at, visible)));
    }
}
