package com.azalea.products.events;

import java.util.List;

/** Delivers a batch of outbox changes; returns only once they are safely delivered, else throws. */
interface ChangePublisher {

    /** @param bulk the batch's lane: changes of bulk writes, or of single ones */
    void publish(List<ProductChange> changes, boolean bulk);
}
