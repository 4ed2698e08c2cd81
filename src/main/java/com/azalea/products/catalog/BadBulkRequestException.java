package com.azalea.products.catalog;

/** A bulk write whose array as a whole is not acceptable (empty, too long): a 400. */
class BadBulkRequestException extends RuntimeException {

    BadBulkRequestException(String message) {
        super(message);
    }
}
