package com.azalea.products.catalog;

/** An admin request names a row that does not exist. */
class NotFoundException extends RuntimeException {

    NotFoundException(String kind, long id) {
        super(kind + " " + id + " does not exist");
    }
}
