package com.azalea.products.projection;

import java.util.Map;

/**
 * One product as the projection left it: its cached documents (ETag line + JSON, see
 * {@code cached_document}), or none when the product no longer exists.
 */
record ProjectedProduct(long productId, Map<Document, byte[]> documents) {

    boolean deleted() {
        return documents.isEmpty();
    }
}
