package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.StoredDocument;
import com.azalea.products.projection.StoredProduct;
import java.nio.charset.StandardCharsets;

/**
 * One document ready to send: its body in {@code bytes[bodyOffset, to)}, JSON or gzip bytes
 * ({@link StoredDocument}), sliced without copying or parsing, and its ETag. No body means "known not
 * to exist": an unknown product, or a deleted product's tombstone.
 */
record CachedDocument(byte[] bytes, int bodyOffset, int to, String etag) {

    static final CachedDocument ABSENT = new CachedDocument(new byte[0], 0, 0, null);
    /** Ends the gzip representation's ETag: the same version and digest, so either one names the same document. */
    private static final String GZIP_SUFFIX = "-gzip\"";

    /** A document as {@code cached_document} makes it (ETag line, JSON), read from the table. */
    static CachedDocument of(byte[] cachedDocument) {
        int newline = 0;
        while (newline < cachedDocument.length && cachedDocument[newline] != '\n') {
            newline++;
        }
        return newline == cachedDocument.length ? ABSENT
                : new CachedDocument(cachedDocument, newline + 1, cachedDocument.length,
                        new String(cachedDocument, 0, newline, StandardCharsets.US_ASCII));
    }

    /**
     * One document of a product's stored documents ({@link StoredProduct}).
     *
     * @throws IllegalArgumentException if the value is not a product's stored documents
     */
    static CachedDocument in(byte[] storedProduct, Document document) {
        StoredProduct.Slice slice = StoredProduct.slice(storedProduct, document);
        if (slice.version() == null) {
            return ABSENT;
        }
        return slice.absent() ? new CachedDocument(storedProduct, slice.to(), slice.to(), slice.etag())
                : new CachedDocument(storedProduct, slice.bodyOffset(), slice.to(), slice.etag());
    }

    boolean absent() {
        return bodyLength() == 0;
    }

    boolean compressed() {
        return StoredDocument.compressed(bytes, bodyOffset, to);
    }

    /** The gzip bytes' ETag: {@code "<version>-<md5>-gzip"}. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX;
    }

    int bodyLength() {
        return to - bodyOffset;
    }
}
