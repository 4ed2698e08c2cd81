package com.azalea.products.projection;

import java.nio.charset.StandardCharsets;

/** The documents of a product that a GET returns whole: its read-table column and its Redis key. */
public enum Document {
    PRODUCT("product"),
    STYLES("styles"),
    RELATED("related");

    private final String column;

    Document(String column) {
        this.column = column;
    }

    /** The column of {@code product_documents} that holds it; also the prefix of its Redis key. */
    public String column() {
        return column;
    }

    public byte[] key(long productId) {
        return (column + ':' + productId).getBytes(StandardCharsets.US_ASCII);
    }
}
