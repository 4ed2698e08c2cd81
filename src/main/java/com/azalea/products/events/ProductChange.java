package com.azalea.products.events;

import java.time.Instant;

/**
 * A change of one product's documents, as the outbox records it and Kafka carries it (the key is the
 * product id). {@code at} is when the write recorded it, the start of the projection lag.
 */
public record ProductChange(long productId, String change, Instant at) {
}
