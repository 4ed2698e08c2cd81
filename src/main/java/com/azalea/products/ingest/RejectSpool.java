package com.azalea.products.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.postgresql.copy.CopyManager;

/**
 * Collects one file's rejected lines while its COPY holds the connection, then copies them into
 * {@code ingest_rejects}. Spooled to disk, so a file full of bad lines cannot exhaust memory.
 */
final class RejectSpool implements AutoCloseable {

    private static final String COPY_SQL = "COPY ingest_rejects (file, line_number, reason, detail, raw) FROM STDIN";

    private final Path spool;
    private final BufferedWriter out;
    private final Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    private final String[] row = new String[5];
    private final CopyText copyText = new CopyText();

    RejectSpool() throws IOException {
        spool = Files.createTempFile("azalea-rejects", ".copy");
        out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    void add(SourceFile file, long lineNumber, Rejection rejection, String raw) throws IOException {
        counts.merge(rejection.reason(), 1L, Long::sum);
        row[0] = file.fileName();
        row[1] = Long.toString(lineNumber);
        row[2] = rejection.reason().code();
        row[3] = rejection.getMessage();
        row[4] = raw.replace("\0", "\\0"); // PostgreSQL text cannot hold NUL
        copyText.write(out, row, row.length);
    }

    /** Copies what was collected into the table and returns the counts per reason. */
    Map<RejectReason, Long> flushTo(CopyManager copy) throws IOException {
        out.close();
        try (Reader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            copy.copyIn(COPY_SQL, in);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not store rejected lines: " + e.getMessage(), e);
        }
        return Map.copyOf(counts);
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(spool);
    }
}
