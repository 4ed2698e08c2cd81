package com.azalea.products.events;

/**
 * Published by an admin write in its transaction once it has recorded outbox rows; the relay of this
 * instance hears it after the commit ({@link OutboxRelayLoop}).
 */
public enum OutboxWritten {
    INSTANCE
}
