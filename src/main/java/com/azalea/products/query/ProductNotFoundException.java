package com.azalea.products.query;

/** No product has the requested id. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(long productId) {
        super("product " + productId + " does not exist");
    }
}
