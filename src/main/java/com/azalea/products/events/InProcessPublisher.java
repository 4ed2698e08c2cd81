package com.azalea.products.events;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** No broker: the relay projects the changes itself, so a single node runs on PostgreSQL and Redis alone. */
@Component
@ConditionalOnWebApplication // the service moves changes; batch commands do not
@ConditionalOnProperty(name = "azalea.events.transport", havingValue = "in-process", matchIfMissing = true)
class InProcessPublisher implements ChangePublisher {

    private final ChangeProjection projection;

    InProcessPublisher(ChangeProjection projection) {
        this.projection = projection;
    }

    @Override
    public void publish(List<ProductChange> changes, boolean bulk) {
        projection.apply(changes, bulk);
    }
}
