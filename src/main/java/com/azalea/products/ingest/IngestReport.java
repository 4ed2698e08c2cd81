package com.azalea.products.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The summary of one ingest run: rows loaded and rejected per file and per reason, and the timings. */
public record IngestReport(List<FileResult> files, Duration keysAndIndexes, Duration total) {

    public FileResult file(SourceFile file) {
        return files.stream().filter(result -> result.file() == file).findFirst().orElseThrow();
    }

    public long loaded() {
        return files.stream().mapToLong(FileResult::loaded).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileResult::rejectedTotal).sum();
    }

    /** A plain-text table for the terminal. */
    public String format() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %12s %12s %10s %12s %9s%n", "file", "lines", "loaded", "rejected", "lines/s", "seconds"));
        for (FileResult file : files) {
            out.append(String.format(Locale.ROOT, "%-14s %,12d %,12d %,10d %,12.0f %9.1f%n", file.file().fileName(), file.lines(),
                    file.loaded(), file.rejectedTotal(), file.rowsPerSecond(), seconds(file.elapsed())));
        }
        out.append(String.format(Locale.ROOT, "%-14s %12s %,12d %,10d%n", "total", "", loaded(), rejected()));
        if (rejected() > 0) {
            out.append(String.format(Locale.ROOT, "%nrejected lines by reason (details in table ingest_rejects):%n"));
            for (FileResult file : files) {
                file.rejected().forEach((reason, count) -> out.append(
                        String.format(Locale.ROOT, "  %-14s %-24s %,10d%n", file.file().fileName(), reason.code(), count)));
            }
        }
        out.append(String.format(Locale.ROOT, "%nkeys and indexes built in %.1f s; whole ingest %.1f s%n", seconds(keysAndIndexes), seconds(total)));
        return out.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
