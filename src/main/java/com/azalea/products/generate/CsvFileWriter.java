package com.azalea.products.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes one catalog file. Lines are built straight into a large buffer (no per-line strings), text fields are
 * quoted CSV-style, and the writer owns the file's random stream, picks each line's dirt, counts it and
 * re-emits lines chosen for duplication a little later.
 */
final class CsvFileWriter implements Closeable {

    private static final int FLUSH_AT = 1 << 20;
    private static final int MAX_DUPLICATE_DELAY = 1000;

    private record PendingCopy(long due, String line) {}

    private final CatalogFile file;
    private final DirtRates rates;
    private final SplittableRandom random;
    private final Writer out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + (1 << 14));
    private final Map<Dirt, Long> dirtCounts = new EnumMap<>(Dirt.class);
    private final PriorityQueue<PendingCopy> pendingCopies =
            new PriorityQueue<>(Comparator.comparingLong(PendingCopy::due));
    private long lines;
    private int lineStart;

    CsvFileWriter(Catalog catalog, CatalogFile file) throws IOException {
        this.file = file;
        this.rates = catalog.rates();
        this.random = catalog.randomFor(file);
        this.out = new OutputStreamWriter(Files.newOutputStream(catalog.dir().resolve(file.fileName())),
                StandardCharsets.UTF_8);
        file.dirtKinds().forEach(kind -> dirtCounts.put(kind, 0L));
        buffer.append(file.header()).append('\n');
    }

    /** The file's own random stream; generators draw from it so the file depends on nothing else. */
    SplittableRandom random() {
        return random;
    }

    /** The dirt the next line carries, or null for a clean line. */
    Dirt pickDirt() {
        double draw = random.nextDouble();
        for (Dirt kind : file.dirtKinds()) {
            draw -= rates.rateOf(kind);
            if (draw < 0) {
                return kind;
            }
        }
        return null;
    }

    CsvFileWriter begin(long id) {
        lineStart = buffer.length();
        buffer.append(id);
        return this;
    }

    CsvFileWriter number(long value) {
        buffer.append(',').append(value);
        return this;
    }

    /** An unquoted bare word, e.g. the {@code null} the real files write for a missing value. */
    CsvFileWriter bare(String word) {
        buffer.append(',').append(word);
        return this;
    }

    CsvFileWriter text(CharSequence value) {
        return textWithoutClosingQuote(value).closingQuote();
    }

    /** Opens a quoted field and escapes embedded quotes by doubling them; the caller closes it (or, as dirt, not). */
    CsvFileWriter textWithoutClosingQuote(CharSequence value) {
        buffer.append(",\"");
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '"') {
                buffer.append('"');
            }
            buffer.append(c);
        }
        return this;
    }

    CsvFileWriter closingQuote() {
        buffer.append('"');
        return this;
    }

    /** Ends the line begun by {@link #begin}; a line picked for duplication is written clean now and copied later. */
    void end(Dirt dirt) throws IOException {
        if (dirt == Dirt.DUPLICATE_ID) {
            long due = lines + 1 + random.nextInt(MAX_DUPLICATE_DELAY);
            pendingCopies.add(new PendingCopy(due, buffer.substring(lineStart)));
        } else if (dirt != null) {
            dirtCounts.merge(dirt, 1L, Long::sum);
        }
        newLine();
        while (!pendingCopies.isEmpty() && pendingCopies.peek().due() <= lines) {
            writeCopy(pendingCopies.poll());
        }
        if (buffer.length() >= FLUSH_AT) {
            flushBuffer();
        }
    }

    /** Writes copies still pending, flushes, and reports what the file holds. */
    FileReport finish() throws IOException {
        while (!pendingCopies.isEmpty()) {
            writeCopy(pendingCopies.poll());
        }
        flushBuffer();
        out.flush();
        Map<String, Long> byKey = new LinkedHashMap<>();
        dirtCounts.forEach((kind, count) -> byKey.put(kind.key(), count));
        return new FileReport(file.fileName(), lines, byKey);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeCopy(PendingCopy copy) {
        buffer.append(copy.line());
        dirtCounts.merge(Dirt.DUPLICATE_ID, 1L, Long::sum);
        newLine();
    }

    private void newLine() {
        buffer.append('\n');
        lines++;
    }

    private void flushBuffer() throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }
}
