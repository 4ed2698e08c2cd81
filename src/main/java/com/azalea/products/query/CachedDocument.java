package com.azalea.products.query;

/**
 * A document as the cache holds it: {@code <etag>\n<json>}, sliced without copying or parsing. No body
 * means "known not to exist": an empty value (an unknown product) or an ETag line alone (a deleted
 * product's tombstone).
 */
record CachedDocument(byte[] bytes, int bodyOffset) {

    static final CachedDocument ABSENT = new CachedDocument(new byte[0], 0);

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

    String etag() {
        return new String(bytes, 0, bodyOffset - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    int bodyLength() {
        return bytes.length - bodyOffset;
    }
}
