package com.azalea.products.query;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Tells a read the read model cannot answer why: before the service is ready (its first start still
 * loading and projecting the catalog) a product missing from the read model may exist a moment later,
 * so the answer is a 503 to retry, not a 404. Asked only on those answers, never on a hit.
 */
@Component
class ReadModelReadiness {

    private final ApplicationAvailability availability;

    ReadModelReadiness(ApplicationAvailability availability) {
        this.availability = availability;
    }

    /** @throws ReadModelNotReadyException unless the service reports itself ready */
    void require() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            throw new ReadModelNotReadyException();
        }
    }
}
