package com.azalea.products.query;

import com.azalea.products.projection.StoredDocument;
import java.nio.charset.StandardCharsets;

/**
 * A document as the cache holds it ({@link StoredDocument}): {@code <etag>\n<body>}, the body JSON or
 * its gzip bytes, sliced without copying or parsing. No body means "known not to exist": an empty value
 * (an unknown product) or an ETag line alone (a deleted product's tombstone).
 */
record CachedDocument(byte[] bytes, int bodyOffset) {

    static final CachedDocument ABSENT = new CachedDocument(new byte[0], 0);
    /** Ends the gzip representation's ETag: the same version and digest, so either one names the same document. */
    private static final String GZIP_SUFFIX = "-gzip\"";

    static CachedDocument of(byte[] bytes) {
        if (bytes.length == 0) {
            return ABSENT;
        }
        int newline = 0;
        while (bytes[newline] != '\n') {
            newline++;
        }
        return new CachedDocument(bytes, newline + 1);
    }

    boolean absent() {
        return bodyLength() == 0;
    }

    boolean compressed() {
        return StoredDocument.compressed(bytes, bodyOffset);
    }

    /** The JSON's ETag, as stored: {@code "<version>-<md5>"}. */
    String etag() {
        return new String(bytes, 0, bodyOffset - 1, StandardCharsets.US_ASCII);
    }

    /** The gzip bytes' ETag: {@code "<version>-<md5>-gzip"}. */
    String gzipEtag() {
        return new String(bytes, 0, bodyOffset - 2, StandardCharsets.US_ASCII) + GZIP_SUFFIX;
    }

    int bodyLength() {
        return bytes.length - bodyOffset;
    }
}
