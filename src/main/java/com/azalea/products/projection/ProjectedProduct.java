package com.azalea.products.projection;

import java.util.Map;

/**
 * One product as the projection left it, as Redis mirrors it: the version, the cached documents (as
 * {@link StoredDocument} stores them) and list entry (ETag line + JSON, see {@code cached_document};
 * tombstones for a deleted product, which is not live), or nothing when its row was removed.
 */
record ProjectedProduct(long productId, long version, boolean live, Map<Document, byte[]> documents, byte[] listEntry) {

    /** Only the list entry, for refilling the list index. */
    static ProjectedProduct listEntry(long productId, long version, boolean live, byte[] listEntry) {
        return new ProjectedProduct(productId, version, live, Map.of(), listEntry);
    }

    boolean removed() {
        return listEntry == null;
    }
}
