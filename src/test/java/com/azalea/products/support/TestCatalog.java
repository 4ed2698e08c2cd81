package com.azalea.products.support;

import com.azalea.products.generate.CatalogGenerator;
import com.azalea.products.generate.DirtRates;
import com.azalea.products.ingest.CatalogIngest;
import com.azalea.products.ingest.SourceDirectory;
import com.azalea.products.projection.FullRebuild;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.test.context.TestComponent;

/** A test's starting point: a catalog from the project's generator, loaded and projected. */
@TestComponent
public class TestCatalog {

    private final CatalogIngest ingest;
    private final FullRebuild rebuild;

    TestCatalog(CatalogIngest ingest, FullRebuild rebuild) {
        this.ingest = ingest;
        this.rebuild = rebuild;
    }

    /** Generates the catalog of {@code scale} and {@code seed} into {@code dir}, replaces the write model with it and projects it. */
    public void loadAndProject(Path dir, double scale, long seed) throws IOException {
        new CatalogGenerator(DirtRates.DEFAULT).generate(dir, scale, seed);
        ingest.ingest(SourceDirectory.check(dir));
        rebuild.rebuild();
    }
}
