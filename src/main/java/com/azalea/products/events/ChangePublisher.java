package com.azalea.products.events;

import java.util.List;

/** Delivers a batch of outbox changes; returns only once they are safely delivered, else throws. */
interface ChangePublisher {

    void publish(List<ProductChange> changes);
}
