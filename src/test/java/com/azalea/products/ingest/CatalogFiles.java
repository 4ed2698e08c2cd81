package com.azalea.products.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made source files for a test, header included. */
final class CatalogFiles {

    private final Path dir;

    CatalogFiles(Path dir) {
        this.dir = dir;
    }

    CatalogFiles file(SourceFile file, String... lines) {
        try {
            Files.writeString(dir.resolve(file.fileName()), String.join(",", file.header()) + "\n" + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path dir() {
        return dir;
    }
}
