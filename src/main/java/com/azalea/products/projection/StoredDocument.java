package com.azalea.products.projection;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The body of a document as Redis stores it: the JSON gzip-compressed when that is smaller (a small
 * document such as {@code related} grows under gzip and stays JSON). It is compressed once, here,
 * wherever a value is made (the projection, a refill from the read table), so readers only copy it out,
 * or inflate it for a client that does not take gzip. The two kinds of body are told apart by gzip's
 * magic bytes, which JSON never starts with. List entries are deflated without gzip's framing
 * ({@link ListEntry}).
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

    /** The body to store for the JSON in {@code json[offset, offset + length)}: its gzip bytes if smaller, else the JSON. */
    public static byte[] body(byte[] json, int offset, int length) {
        int room = length - HEADER.length - TRAILER; // the deflated bytes must fit in less than the JSON
        if (room <= 0) {
            return Arrays.copyOfRange(json, offset, offset + length);
        }
        byte[] stored = new byte[length];
        System.arraycopy(HEADER, 0, stored, 0, HEADER.length);
        Deflater deflater = borrowDeflater();
        int deflated;
        try {
            deflater.setInput(json, offset, length);
            deflater.finish();
            deflated = deflater.deflate(stored, HEADER.length, room);
            if (!deflater.finished() || deflated == room) { // not smaller than the JSON: gzip does not pay
                return Arrays.copyOfRange(json, offset, offset + length);
            }
        } finally {
            giveBack(deflater);
        }
        CRC32 crc = new CRC32();
        crc.update(json, offset, length);
        int trailer = HEADER.length + deflated;
        writeInt(stored, trailer, (int) crc.getValue());
        writeInt(stored, trailer + 4, length);
        return Arrays.copyOf(stored, trailer + TRAILER);
    }

    /** Whether the body in {@code [from, to)} is gzip bytes rather than JSON. */
    public static boolean compressed(byte[] value, int from, int to) {
        return to - from > HEADER.length + TRAILER && value[from] == HEADER[0] && value[from + 1] == HEADER[1];
    }

    /**
     * The JSON of the body in {@code [from, to)}, inflated if it is compressed (a new array).
     *
     * @throws ZipException if the compressed body is not what {@link #body} writes (a corrupt value)
     */
    public static byte[] json(byte[] value, int from, int to) throws ZipException {
        if (!compressed(value, from, to)) {
            return Arrays.copyOfRange(value, from, to);
        }
        try (Inflation json = inflate(value, from, to - from)) {
            return Arrays.copyOf(json.bytes(), json.length());
        }
    }

    /**
     * Raw deflate (no gzip framing: only this service reads it back) with a preset dictionary, for small
     * values whose common text is known beforehand, such as the field names of list entries.
     */
    static byte[] deflate(byte[] input, byte[] dictionary) {
        Deflater deflater = borrowDeflater();
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(input);
            deflater.finish();
            byte[] output = new byte[input.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                length += deflater.deflate(output, length, output.length - length);
            }
            return Arrays.copyOf(output, length);
        } finally {
            giveBack(deflater);
        }
    }

    private static Deflater borrowDeflater() {
        Deflater deflater = DEFLATERS.poll();
        return deflater != null ? deflater : new Deflater(LEVEL, true);
    }

    private static void giveBack(Deflater deflater) {
        deflater.reset();
        if (!DEFLATERS.offer(deflater)) {
            deflater.end();
        }
    }

    /**
     * Inflates a compressed body into a pooled buffer: the caller reads {@link Inflation#bytes()} up to
     * {@link Inflation#length()} and closes it, which gives the buffer back for the next document. A pool
     * rather than one per thread: with virtual threads (an option) each request has a thread of its own.
     *
     * @throws ZipException if the body is not what {@link #body} writes (a corrupt value)
     */
    public static Inflation inflate(byte[] value, int offset, int length) throws ZipException {
        Inflation inflation = borrowInflation();
        try {
            inflation.inflate(value, offset, length);
            return inflation;
        } catch (ZipException e) {
            inflation.close();
            throw e;
        }
    }

    /**
     * Inflates what {@link #deflate(byte[], byte[])} made with the same dictionary into a pooled buffer,
     * as {@link #inflate(byte[], int, int)} does.
     *
     * @throws ZipException if the bytes are not a complete deflate stream
     */
    public static Inflation inflate(byte[] value, int offset, int length, byte[] dictionary) throws ZipException {
        Inflation inflation = borrowInflation();
        try {
            inflation.inflateRaw(value, offset, length, dictionary);
            return inflation;
        } catch (ZipException e) {
            inflation.close();
            throw e;
        }
    }

    private static Inflation borrowInflation() {
        Inflation inflation = INFLATIONS.poll();
        return inflation != null ? inflation : new Inflation();
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
            inflateUpTo(buffer.length);
            crc.reset();
            crc.update(buffer, 0, length);
            if (!inflater.finished() || inflater.getRemaining() != 0 || length != expectedLength
                    || crc.getValue() != readUnsignedInt(value, trailer)) {
                throw new ZipException("the inflated body does not match its gzip trailer");
            }
        }

        private void inflateRaw(byte[] value, int offset, int rawLength, byte[] dictionary) throws ZipException {
            inflater.reset();
            inflater.setDictionary(dictionary);
            inflater.setInput(value, offset, rawLength);
            inflateUpTo(MAX_KEPT_BUFFER);
            if (!inflater.finished() || inflater.getRemaining() != 0) {
                throw new ZipException("not one complete deflate stream");
            }
        }

        /** Inflates the inflater's input into the buffer, grown as needed up to {@code limit} bytes; sets {@link #length}. */
        private void inflateUpTo(int limit) throws ZipException {
            length = 0;
            try {
                while (!inflater.finished() && length < limit) {
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(limit, buffer.length * 2));
                    }
                    int inflated = inflater.inflate(buffer, length, buffer.length - length);
                    if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    length += inflated;
                }
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data: " + e.getMessage());
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
