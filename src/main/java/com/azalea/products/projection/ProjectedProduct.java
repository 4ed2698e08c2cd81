package com.azalea.products.projection;

/**
 * One product as the projection left it, as Redis mirrors it: the version, the documents as
 * {@link StoredProduct} stores them and the list entry's JSON (null for a deleted product, which is not
 * listed), or no version when its row was removed.
 */
record ProjectedProduct(long productId, Long version, byte[] documents, byte[] summary) {

    /** Only the list entry, for refilling the list index. */
    static ProjectedProduct listEntry(long productId, long version, byte[] summary) {
        return new ProjectedProduct(productId, version, null, summary);
    }

    boolean live() {
        return summary != null;
    }

    boolean removed() {
        return version == null;
    }
}
