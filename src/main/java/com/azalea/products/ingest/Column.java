package com.azalea.products.ingest;

/** One field of a source file: its name in the CSV header, the column it fills, and how it is checked. */
record Column(String sourceName, String targetName, FieldKind kind, int maxLength) {

    static Column of(String sourceName, String targetName, FieldKind kind) {
        return new Column(sourceName, targetName, kind, FieldKind.MAX_TEXT_LENGTH);
    }

    static Column of(String name, FieldKind kind) {
        return of(name, name, kind);
    }
}
