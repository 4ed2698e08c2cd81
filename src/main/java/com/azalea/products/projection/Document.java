package com.azalea.products.projection;

/**
 * The documents of a product that a GET returns whole, in the order {@link StoredProduct} stores them:
 * each is a column of {@code product_documents}.
 */
public enum Document {
    PRODUCT("product"),
    STYLES("styles"),
    RELATED("related");

    private final String column;

    Document(String column) {
        this.column = column;
    }

    /** The column of {@code product_documents} that holds it. */
    public String column() {
        return column;
    }
}
