package com.azalea.products.query;

/** No product has the requested id. */
class ProductNotFoundException extends RuntimeException {

    ProductNotFoundException(long productId) {
        super("product " + productId + " does not exist");
    }
}
