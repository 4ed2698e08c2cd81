package com.azalea.products.projection;

import java.util.Map;

/**
 * One product as the projection left it: the version and cached documents (ETag line + JSON, see
 * {@code cached_document}); a deleted product's are tombstones (not live), and there are none when its
 * row was removed.
 */
record ProjectedProduct(long productId, long version, boolean live, Map<Document, byte[]> documents) {

    boolean removed() {
        return documents.isEmpty();
    }
}
