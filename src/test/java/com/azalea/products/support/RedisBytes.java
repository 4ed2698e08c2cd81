package com.azalea.products.support;

import com.azalea.products.projection.ChangeAnnouncements;
import com.azalea.products.projection.Document;
import com.azalea.products.projection.StoredProduct;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis values as the bytes they are: a stored document's body may be gzip, which a String would mangle.
 * A product's documents share one value ({@link StoredProduct}); these helpers cut one out or swap one in.
 */
public final class RedisBytes {

    private RedisBytes() {
    }

    /** The key of a product's stored documents. */
    public static String key(long productId) {
        return new String(StoredProduct.key(productId), StandardCharsets.US_ASCII);
    }

    /** A product's stored documents, or null when its key is absent. */
    public static byte[] get(StringRedisTemplate redis, long productId) {
        return redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands().get(StoredProduct.key(productId)));
    }

    /**
     * Sets a product's stored documents behind the service's back, then announces them as changed, as the
     * projector announces what it writes, so no instance keeps the old ones in its near cache.
     */
    public static void set(StringRedisTemplate redis, long productId, byte[] value) {
        redis.execute((RedisCallback<Boolean>) connection -> connection.stringCommands().set(StoredProduct.key(productId), value));
        announce(redis, productId);
    }

    /** Deletes a product's stored documents and announces it, as {@link #set} does. */
    public static void delete(StringRedisTemplate redis, long productId) {
        redis.delete(key(productId));
        announce(redis, productId);
    }

    private static void announce(StringRedisTemplate redis, long productId) {
        redis.execute((RedisCallback<Long>) connection -> connection.publish(ChangeAnnouncements.CHANNEL,
                ChangeAnnouncements.changes(List.of(productId), null)));
    }

    /** The product's stored documents in hex, comparable with equals (in maps, too); null when its key is absent. */
    public static String hex(StringRedisTemplate redis, long productId) {
        byte[] value = get(redis, productId);
        return value == null ? null : HexFormat.of().formatHex(value);
    }

    /** One document of a product as Redis stores it (digest, body); null when the product's key is absent. */
    public static byte[] document(StringRedisTemplate redis, long productId, Document document) {
        byte[] value = get(redis, productId);
        return value == null ? null : document(value, document);
    }

    public static byte[] document(byte[] storedProduct, Document document) {
        StoredProduct.Slice slice = StoredProduct.slice(storedProduct, document);
        return Arrays.copyOfRange(storedProduct, slice.from(), slice.to());
    }

    /** A document's body as stored: after the 16 bytes of its digest. */
    public static byte[] body(byte[] storedDocument) {
        return Arrays.copyOfRange(storedDocument, 16, storedDocument.length);
    }

    /** A document in its stored form but not compressed, from {@code cached_document}'s value: the digest, the JSON. */
    public static byte[] uncompressed(String cachedDocument) {
        int newline = cachedDocument.indexOf('\n');
        byte[] digest = HexFormat.of().parseHex(cachedDocument.substring(newline - 33, newline - 1));
        byte[] json = cachedDocument.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
        byte[] stored = Arrays.copyOf(digest, digest.length + json.length);
        System.arraycopy(json, 0, stored, digest.length, json.length);
        return stored;
    }

    /** The stored value with one document replaced by other bytes (in its stored form), its header adjusted. */
    public static byte[] withDocument(byte[] storedProduct, Document replaced, byte[] replacement) {
        String version = new String(storedProduct, 0, indexOf(storedProduct, (byte) ' '), StandardCharsets.US_ASCII);
        byte[][] documents = new byte[Document.values().length][];
        StringBuilder header = new StringBuilder(version);
        for (Document document : Document.values()) {
            documents[document.ordinal()] = document == replaced ? replacement : document(storedProduct, document);
            header.append(' ').append(documents[document.ordinal()].length);
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
        Arrays.stream(documents).forEach(value::writeBytes);
        return value.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
