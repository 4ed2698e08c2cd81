package com.azalea.products.projection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipException;

/**
 * A product's documents as Redis stores them: one value under one key, so that a GET of any of them is
 * one lookup, a projection replaces them together with one single-key script (which a Redis Cluster
 * allows), and Redis spends its per-key overhead once per product instead of once per document.
 *
 * <p>The value is a header line {@code <version> <length> <length> <length>}, then the three documents in
 * {@link Document} order: each the 16 bytes of its MD5 digest and its body ({@link StoredDocument}), or
 * nothing for a deleted product's tombstone. The version and the digest are what {@code cached_document}
 * puts in the ETag ({@code "<version>-<md5 in hex>"}), kept once and in binary: the ETag lines took 130
 * bytes per product. An empty value means "no such product".
 */
public final class StoredProduct {

    private static final String KEY_PREFIX = "docs:";
    private static final int DOCUMENTS = Document.values().length;
    private static final int DIGEST = 16;
    private static final HexFormat HEX = HexFormat.of();

    private StoredProduct() {
    }

    public static byte[] key(long productId) {
        return (KEY_PREFIX + productId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param compress        whether the bodies are stored compressed ({@link StoredDocument#body}) or as JSON
     * @param cachedDocuments {@code cached_document}'s values in {@link Document} order (ETag line, JSON);
     *                        compressed here, wherever a value is made (the projection, a refill), so
     *                        readers only copy them out
     */
    public static byte[] encode(long version, boolean compress, byte[]... cachedDocuments) {
        byte[][] stored = new byte[DOCUMENTS][];
        StringBuilder header = new StringBuilder().append(version);
        int total = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            stored[i] = storedDocument(cachedDocuments[i], compress);
            header.append(' ').append(stored[i].length);
            total += stored[i].length;
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream(header.length() + 1 + total);
        value.writeBytes(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
        Arrays.stream(stored).forEach(value::writeBytes);
        return value.toByteArray();
    }

    /** {@code "<version>-<md5>"\n<JSON>} becomes the digest's bytes and the body; a tombstone, nothing. */
    private static byte[] storedDocument(byte[] cachedDocument, boolean compress) {
        int newline = 0;
        while (cachedDocument[newline] != '\n') {
            newline++;
        }
        if (newline == cachedDocument.length - 1) {
            return new byte[0];
        }
        int hex = newline - 1 - 2 * DIGEST; // the ETag line ends with the digest, a quote and the newline
        byte[] digest = HEX.parseHex(new String(cachedDocument, hex, 2 * DIGEST, StandardCharsets.US_ASCII));
        byte[] body = compress ? StoredDocument.body(cachedDocument, newline + 1, cachedDocument.length - newline - 1)
                : Arrays.copyOfRange(cachedDocument, newline + 1, cachedDocument.length);
        byte[] stored = Arrays.copyOf(digest, DIGEST + body.length);
        System.arraycopy(body, 0, stored, DIGEST, body.length);
        return stored;
    }

    /**
     * One document of a stored value; an absent slice for an empty value.
     *
     * @throws IllegalArgumentException if the value is not what {@link #encode} writes
     */
    public static Slice slice(byte[] value, Document document) {
        if (value.length == 0) {
            return Slice.ABSENT;
        }
        int at = skipNumber(value, 0);
        String version = new String(value, 0, at, StandardCharsets.US_ASCII);
        int from = -1;
        int to = -1;
        int next = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            if (at >= value.length || value[at] != ' ') {
                throw new IllegalArgumentException("not a stored product: bad header");
            }
            int start = at + 1;
            at = skipNumber(value, start);
            int length = number(value, start, at);
            if (i == document.ordinal()) {
                from = next;
                to = next + length;
            }
            next += length;
        }
        if (at >= value.length || value[at] != '\n' || at + 1 + next != value.length || to > from && to - from < DIGEST) {
            throw new IllegalArgumentException("not a stored product: its lengths do not add up");
        }
        return new Slice(value, version, at + 1 + from, at + 1 + to);
    }

    /**
     * The document as {@code cached_document} makes it (ETag line, JSON), its body inflated: what the
     * projection stored, for comparing.
     *
     * @throws IllegalArgumentException if the value is not what {@link #encode} writes
     * @throws ZipException             if the body does not inflate
     */
    public static byte[] cachedDocument(byte[] value, Document document) throws ZipException {
        Slice slice = slice(value, document);
        byte[] etagLine = (slice.etag() + "\n").getBytes(StandardCharsets.US_ASCII);
        if (slice.absent()) {
            return etagLine;
        }
        byte[] json = StoredDocument.json(value, slice.bodyOffset(), slice.to());
        byte[] cached = Arrays.copyOf(etagLine, etagLine.length + json.length);
        System.arraycopy(json, 0, cached, etagLine.length, json.length);
        return cached;
    }

    /** The digits in {@code value[from, to)} as an int, read in place: this runs for every read of a document. */
    private static int number(byte[] value, int from, int to) {
        long number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + value[i] - '0';
        }
        if (number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a stored product: bad header");
        }
        return (int) number;
    }

    private static int skipNumber(byte[] value, int at) {
        int start = at;
        while (at < value.length && value[at] >= '0' && value[at] <= '9') {
            at++;
        }
        if (at == start || at - start > 18) {
            throw new IllegalArgumentException("not a stored product: bad header");
        }
        return at;
    }

    /**
     * A document within a stored value: its digest and body in {@code value[from, to)}; empty for a
     * deleted product's tombstone, and with no version for an unknown product (an empty value).
     */
    public record Slice(byte[] value, String version, int from, int to) {

        static final Slice ABSENT = new Slice(new byte[0], null, 0, 0);

        public boolean absent() {
            return from == to;
        }

        public int bodyOffset() {
            return from + DIGEST;
        }

        /** {@code cached_document}'s ETag: {@code "<version>-<md5>"}, {@code "<version>-deleted"} for a tombstone. */
        public String etag() {
            return '"' + version + '-' + (absent() ? "deleted" : HEX.formatHex(value, from, from + DIGEST)) + '"';
        }
    }
}
