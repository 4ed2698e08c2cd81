package com.azalea.products.projection;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A document as Redis stores it: the ETag line of {@code cached_document}, then the JSON gzip-compressed
 * when that is smaller (a small document such as {@code related} grows under gzip and stays JSON). The
 * body is compressed once, here, wherever a value is made (the projection, a refill from the read table),
 * so readers only copy it out, or inflate it for a client that does not take gzip. The two kinds of body
 * are told apart by gzip's magic bytes, which JSON never starts with. A value without a body (a tombstone,
 * an unknown product) is left as it is; list entries are not encoded at all (a script joins them as text).
 */
public final class StoredDocument {

    /** Fixed, so the same document always gives the same bytes (the header's time is 0 too). */
    private static final int LEVEL = 6;
    /** ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=unknown: a constant header without optional fields. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8; // CRC-32 and the inflated length, little-endian
    /** Deflate cannot expand data more than about 1032 times: a larger recorded length is a corrupt value. */
    private static final int MAX_RATIO = 1032;
    /** Enough for the requests inflating at one time; more are made when it is empty, and dropped when it is full. */
    private static final int POOL_SIZE = 64;
    private static final ArrayBlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOL_SIZE);
    private static final ArrayBlockingQueue<Inflation> INFLATIONS = new ArrayBlockingQueue<>(POOL_SIZE);

    private StoredDocument() {
    }

    /** @param cachedDocument {@code cached_document}'s value: ETag line, newline, JSON (or nothing) */
    public static byte[] encode(byte[] cachedDocument) {
        int bodyOffset = bodyOffset(cachedDocument);
        int jsonLength = cachedDocument.length - bodyOffset;
        int room = jsonLength - HEADER.length - TRAILER; // the deflated bytes must fit in less than the JSON
        if (room <= 0) {
            return cachedDocument;
        }
        byte[] stored = new byte[cachedDocument.length];
        System.arraycopy(cachedDocument, 0, stored, 0, bodyOffset);
        System.arraycopy(HEADER, 0, stored, bodyOffset, HEADER.length);
        int deflatedOffset = bodyOffset + HEADER.length;
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(LEVEL, true);
        }
        int deflated;
        try {
            deflater.setInput(cachedDocument, bodyOffset, jsonLength);
            deflater.finish();
            deflated = deflater.deflate(stored, deflatedOffset, room);
            if (!deflater.finished() || deflated == room) { // not smaller than the JSON: gzip does not pay
                return cachedDocument;
            }
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(cachedDocument, bodyOffset, jsonLength);
        int trailer = deflatedOffset + deflated;
        writeInt(stored, trailer, (int) crc.getValue());
        writeInt(stored, trailer + 4, jsonLength);
        return Arrays.copyOf(stored, trailer + TRAILER);
    }

    /** Whether the body that starts at {@code bodyOffset} is gzip bytes rather than JSON. */
    public static boolean compressed(byte[] value, int bodyOffset) {
        return value.length - bodyOffset > HEADER.length + TRAILER && value[bodyOffset] == HEADER[0] && value[bodyOffset + 1] == HEADER[1];
    }

    /**
     * The value as {@code cached_document} made it: the ETag line and the JSON, inflated if it was
     * compressed (a new array), else the value itself.
     *
     * @throws ZipException if the compressed body is not what {@link #encode} writes (a corrupt value)
     */
    public static byte[] decode(byte[] value) throws ZipException {
        int bodyOffset = bodyOffset(value);
        if (!compressed(value, bodyOffset)) {
            return value;
        }
        try (Inflation json = inflate(value, bodyOffset, value.length - bodyOffset)) {
            byte[] decoded = Arrays.copyOf(value, bodyOffset + json.length());
            System.arraycopy(json.bytes(), 0, decoded, bodyOffset, json.length());
            return decoded;
        }
    }

    /**
     * Inflates a compressed body into a pooled buffer: the caller reads {@link Inflation#bytes()} up to
     * {@link Inflation#length()} and closes it, which gives the buffer back for the next document. A pool
     * rather than one per thread: requests run on virtual threads, one per request.
     *
     * @throws ZipException if the body is not what {@link #encode} writes (a corrupt value)
     */
    public static Inflation inflate(byte[] value, int offset, int length) throws ZipException {
        Inflation inflation = INFLATIONS.poll();
        if (inflation == null) {
            inflation = new Inflation();
        }
        try {
            inflation.inflate(value, offset, length);
            return inflation;
        } catch (ZipException e) {
            inflation.close();
            throw e;
        }
    }

    /** After the ETag line; 0 for an empty value. */
    private static int bodyOffset(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '\n') {
                return i + 1;
            }
        }
        return value.length;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long readUnsignedInt(byte[] bytes, int at) {
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }

    /** An inflater and the buffer it inflates into; the buffer grows to the largest document it met, up to a bound. */
    public static final class Inflation implements AutoCloseable {

        private static final int INITIAL_BUFFER = 16 * 1024;
        /** A larger buffer is not kept in the pool: one huge document must not hold its memory for good. */
        private static final int MAX_KEPT_BUFFER = 1024 * 1024;

        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private byte[] buffer = new byte[INITIAL_BUFFER];
        private int length;

        private Inflation() {
        }

        public byte[] bytes() {
            return buffer;
        }

        public int length() {
            return length;
        }

        private void inflate(byte[] value, int offset, int gzipLength) throws ZipException {
            int deflatedLength = gzipLength - HEADER.length - TRAILER;
            if (deflatedLength <= 0 || !Arrays.equals(value, offset, offset + HEADER.length, HEADER, 0, HEADER.length)) {
                throw new ZipException("not a stored document's gzip header");
            }
            int trailer = offset + gzipLength - TRAILER;
            long expectedLength = readUnsignedInt(value, trailer + 4);
            if (expectedLength == 0 || expectedLength > (long) deflatedLength * MAX_RATIO) {
                throw new ZipException("impossible inflated length " + expectedLength);
            }
            if (buffer.length <= expectedLength) { // one byte more, so a stream longer than recorded shows
                buffer = new byte[(int) expectedLength + 1];
            }
            inflater.reset();
            inflater.setInput(value, offset + HEADER.length, deflatedLength);
            try {
                length = 0;
                while (!inflater.finished() && length < buffer.length) {
                    int inflated = inflater.inflate(buffer, length, buffer.length - length);
                    if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    length += inflated;
                }
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data: " + e.getMessage());
            }
            crc.reset();
            crc.update(buffer, 0, length);
            if (!inflater.finished() || inflater.getRemaining() != 0 || length != expectedLength
                    || crc.getValue() != readUnsignedInt(value, trailer)) {
                throw new ZipException("the inflated body does not match its gzip trailer");
            }
        }

        /** Gives the inflater and its buffer back to the pool. */
        @Override
        public void close() {
            if (buffer.length > MAX_KEPT_BUFFER) {
                buffer = new byte[INITIAL_BUFFER];
            }
            if (!INFLATIONS.offer(this)) {
                inflater.end();
            }
        }
    }
}
