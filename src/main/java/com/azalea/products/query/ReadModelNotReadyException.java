package com.azalea.products.query;

/** A read the read model cannot answer yet, because the service is still starting ({@link ReadModelReadiness}). */
class ReadModelNotReadyException extends RuntimeException {

    ReadModelNotReadyException() {
        super("the catalog is still being loaded; retry shortly");
    }
}
