package com.azalea.products.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A directory holding the six source files, checked before anything is written. */
public record SourceDirectory(Map<SourceFile, Path> files) {

    private static final int READ_BUFFER = 1 << 20;

    /**
     * @throws IngestInputException naming every missing file and every wrong header at once
     */
    public static SourceDirectory check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IngestInputException("not a directory: " + dir);
        }
        Map<SourceFile, Path> files = new EnumMap<>(SourceFile.class);
        List<String> problems = new ArrayList<>();
        for (SourceFile file : SourceFile.values()) {
            Path path = dir.resolve(file.fileName());
            String problem = headerProblem(file, path);
            if (problem == null) {
                files.put(file, path);
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IngestInputException("cannot ingest " + dir + ":\n  " + String.join("\n  ", problems));
        }
        return new SourceDirectory(files);
    }

    /** The newest modification time of the files: the stamp for created_at, the same for the same files. */
    Instant lastModified() throws IOException {
        Instant newest = Instant.EPOCH;
        for (Path path : files.values()) {
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            newest = modified.isAfter(newest) ? modified : newest;
        }
        return newest;
    }

    /** Lenient UTF-8: a malformed byte becomes U+FFFD in that one line instead of failing the file. */
    static BufferedReader open(Path path) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), READ_BUFFER);
    }

    private static String headerProblem(SourceFile file, Path path) {
        if (!Files.isRegularFile(path)) {
            return file.fileName() + ": missing";
        }
        try (BufferedReader in = open(path)) {
            String line = in.readLine();
            if (line == null) {
                return file.fileName() + ": empty, expected the header " + String.join(",", file.header());
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> header = CsvReader.builder().ofSingleCsvRecord(line).getFields();
            if (!header.equals(file.header())) {
                return file.fileName() + ": header is '" + line + "', expected '" + String.join(",", file.header()) + "'";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return file.fileName() + ": unreadable (" + e.getMessage() + ")";
        }
    }
}
