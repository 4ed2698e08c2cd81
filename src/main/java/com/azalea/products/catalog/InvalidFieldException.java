package com.azalea.products.catalog;

/** A body field that passed its own checks but does not fit the catalog, e.g. a link to no product. */
class InvalidFieldException extends RuntimeException {

    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
