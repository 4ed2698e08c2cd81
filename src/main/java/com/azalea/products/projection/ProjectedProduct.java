package com.azalea.products.projection;

import java.util.Map;

/**
 * One product as the projection left it: the version and cached documents (ETag line + JSON, see
 * {@code cached_document}), or no documents when the product no longer exists.
 */
record ProjectedProduct(long productId, long version, Map<Document, byte[]> documents) {

    boolean deleted() {
        return documents.isEmpty();
    }
}
