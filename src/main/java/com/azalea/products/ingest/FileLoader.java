package com.azalea.products.ingest;

import com.azalea.products.system.Progress;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.StringArrayHandler;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams one source file into its table through COPY. Each physical line is parsed on its own, so a
 * line with a broken quote is rejected alone instead of swallowing the lines after it.
 */
final class FileLoader {

    private static final int BUFFER = 1 << 16;
    private static final int PROGRESS_EVERY_LINES = 4096;

    private final CsvReader.CsvReaderBuilder csv = CsvReader.builder().allowUnclosedQuote(false);
    private final StringArrayHandler handler = StringArrayHandler.of();
    private final CopyText copyText = new CopyText();
    private final PGConnection connection;
    private final RowChecks checks;

    FileLoader(PGConnection connection, RowChecks checks) {
        this.connection = connection;
        this.checks = checks;
    }

    /** @param stamps the values of {@link SourceFile#STAMP_COLUMNS}, for the files that carry them */
    FileResult load(SourceFile file, Path path, List<String> stamps) throws IOException, SQLException {
        long started = System.nanoTime();
        checks.startFile(file);
        int checked = file.columns().size();
        String[] values = new String[checked + file.stampCount()];
        for (int i = checked; i < values.length; i++) {
            values[i] = stamps.get(i - checked);
        }
        long lineNumber = 1;
        long loaded = 0;
        try (RejectSpool rejects = new RejectSpool();
                BufferedReader in = SourceDirectory.open(path);
                Progress progress = Progress.start(file.fileName(), Files.size(path), "MB", 1 << 20)) {
            in.readLine(); // the header, checked before the run started
            try (Writer out = copyWriter(file)) {
                long unreportedChars = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNumber++;
                    unreportedChars += line.length() + 1;
                    if ((lineNumber - 1) % PROGRESS_EVERY_LINES == 0) { // the bar takes a lock: not once per line
                        progress.advance(unreportedChars, PROGRESS_EVERY_LINES);
                        unreportedChars = 0;
                    }
                    if (line.isEmpty()) {
                        continue; // holds no data; a trailing blank line is common
                    }
                    try {
                        checks.check(file, parse(line), values);
                        copyText.write(out, values, values.length);
                        loaded++;
                    } catch (Rejection rejection) {
                        rejects.add(file, lineNumber, rejection, line);
                    }
                }
            }
            progress.complete((lineNumber - 1) % PROGRESS_EVERY_LINES);
            var rejected = rejects.flushTo(connection.getCopyAPI());
            return new FileResult(file, lineNumber - 1, loaded, rejected, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String[] parse(String line) throws Rejection {
        try {
            return csv.ofSingleCsvRecord(handler, line);
        } catch (CsvParseException e) {
            String message = e.getMessage();
            int suffix = message.indexOf(" (record starting");
            throw new Rejection(RejectReason.MALFORMED_CSV, suffix < 0 ? message : message.substring(0, suffix));
        }
    }

    private Writer copyWriter(SourceFile file) throws SQLException {
        var copy = new PGCopyOutputStream(connection, file.copySql(), BUFFER);
        return new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    }
}
