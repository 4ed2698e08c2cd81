package com.azalea.products.events;

/** A Kafka record that is not a readable change; retrying cannot help, so it ends in the dead-letter topic. */
class PoisonChangeException extends RuntimeException {

    PoisonChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
