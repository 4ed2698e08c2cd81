package com.azalea.products.projection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * A product's member of the list index ({@link ListIndex}): {@code <version>\n} and its list entry's JSON
 * deflated with a preset dictionary of the entry's field names, which makes up a third of an entry and
 * compresses poorly on its own (about 397 bytes of JSON: 249 deflated without it, 166 with it, for the
 * generated catalog). Entries are the only values kept for every product besides its documents, so
 * their size is a large part of the cache tier's. A deleted product's member is a tombstone,
 * {@code <version>:<id>}. Either starts with the version, which {@link ListIndex#PUT_ENTRY} compares.
 */
public final class ListEntry {

    /** Part of the stored format: entries deflated with one dictionary inflate only with the same one. */
    private static final byte[] DICTIONARY = """
            {"id": , "name": "", "campus": "hr-rfp", "slogan": "", "category": "", "created_at": "", "updated_at": "", \
            "description": "", "default_price": ""}""".getBytes(StandardCharsets.US_ASCII);

    private ListEntry() {
    }

    static byte[] of(long version, byte[] json) {
        byte[] prefix = (version + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] deflated = StoredDocument.deflate(json, DICTIONARY);
        byte[] member = Arrays.copyOf(prefix, prefix.length + deflated.length);
        System.arraycopy(deflated, 0, member, prefix.length, deflated.length);
        return member;
    }

    static byte[] tombstone(long version, long productId) {
        return (version + ":" + productId).getBytes(StandardCharsets.US_ASCII);
    }

    /** The version a member starts with; -1 for a member that does not start with one (a damaged value). */
    static long version(byte[] member) {
        int end = 0;
        while (end < member.length && end < 19 && member[end] >= '0' && member[end] <= '9') {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(new String(member, 0, end, StandardCharsets.US_ASCII));
    }

    /**
     * Appends an entry's JSON to a page.
     *
     * @throws ZipException if the member is not an entry this class made
     */
    public static void appendJson(byte[] member, ByteArrayOutputStream page) throws ZipException {
        int body = 0;
        while (body < member.length && member[body] != '\n') {
            body++;
        }
        if (body == member.length) {
            throw new ZipException("not a list entry");
        }
        try (StoredDocument.Inflation json = StoredDocument.inflate(member, body + 1, member.length - body - 1, DICTIONARY)) {
            page.write(json.bytes(), 0, json.length());
        }
    }

    /** The entry's JSON, or null if the member is not an entry (a tombstone, a damaged value). */
    static byte[] json(byte[] member) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            appendJson(member, json);
            return json.toByteArray();
        } catch (ZipException e) {
            return null;
        }
    }
}
