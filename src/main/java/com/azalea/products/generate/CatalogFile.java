package com.azalea.products.generate;

import com.azalea.products.ingest.SourceFile;
import java.util.List;

import static com.azalea.products.generate.Dirt.*;

/** The six catalog files and the dirt kinds each one can carry. */
enum CatalogFile {
    PRODUCT(SourceFile.PRODUCT, DUPLICATE_ID, QUOTED_PUNCTUATION),
    FEATURES(SourceFile.FEATURES, DUPLICATE_ID, MISSING_PARENT),
    STYLES(SourceFile.STYLES, DUPLICATE_ID, MISSING_PARENT),
    PHOTOS(SourceFile.PHOTOS, DUPLICATE_ID, MISSING_PARENT, UNCLOSED_QUOTE, OVERLONG_THUMBNAIL),
    SKUS(SourceFile.SKUS, DUPLICATE_ID, MISSING_PARENT),
    RELATED(SourceFile.RELATED, DUPLICATE_ID, MISSING_PARENT, RELATED_ZERO, RELATED_DANGLING);

    /** The file as ingest reads it: its name and exact header are defined there, once. */
    private final SourceFile source;
    private final List<Dirt> dirtKinds;

    CatalogFile(SourceFile source, Dirt... dirtKinds) {
        this.source = source;
        this.dirtKinds = List.of(dirtKinds);
    }

    String fileName() {
        return source.fileName();
    }

    String header() {
        return String.join(",", source.header());
    }

    List<Dirt> dirtKinds() {
        return dirtKinds;
    }
}
