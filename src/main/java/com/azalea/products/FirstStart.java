package com.azalea.products;

import com.azalea.products.generate.CatalogGenerator;
import com.azalea.products.generate.DirtRates;
import com.azalea.products.ingest.CatalogIngest;
import com.azalea.products.ingest.SourceDirectory;
import com.azalea.products.projection.FullRebuild;
import com.azalea.products.projection.ListIndex;
import com.azalea.products.projection.StaleDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Makes a fresh service useful with no manual step: on an empty database it loads a generated sample
 * catalog (when configured); on an empty read model, or one built by another definition of the
 * documents, it runs the full rebuild, otherwise it reprojects whatever lags behind the write model
 * (left by a process killed mid-rebuild or mid-batch). Runs before the service reports itself ready;
 * until then a read of a document or page the read model cannot answer yet is a 503, not a 404.
 */
@Component
@ConditionalOnWebApplication
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final JdbcClient jdbc;
    private final CatalogIngest ingest;
    private final FullRebuild rebuild;
    private final StaleDocuments staleDocuments;
    private final ListIndex listIndex;
    private final FirstStartProperties properties;

    FirstStart(JdbcClient jdbc, CatalogIngest ingest, FullRebuild rebuild, StaleDocuments staleDocuments, ListIndex listIndex,
            FirstStartProperties properties) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.rebuild = rebuild;
        this.staleDocuments = staleDocuments;
        this.listIndex = listIndex;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean noProducts = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM products)").query(Boolean.class).single();
        if (noProducts && properties.sampleScale() > 0) {
            loadSample();
        }
        if (rebuild.readModelEmpty()) {
            log.info("the read model is empty: projecting the catalog");
            log.info(rebuild.rebuild().summary());
        } else if (!rebuild.shapeIsCurrent()) {
            log.info("the documents were built by another version of projector/documents.sql: rebuilding them in place");
            log.info(rebuild.rebuild().summary());
        } else {
            staleDocuments.catchUp();
            listIndex.refillInBackground(); // when Redis was emptied while the service was down
        }
    }

    private void loadSample() throws IOException {
        Path dir = Files.createTempDirectory("azalea-sample");
        try {
            log.info("the catalog is empty: generating and loading a sample at scale {} (azalea.first-start.sample-scale)", properties.sampleScale());
            new CatalogGenerator(DirtRates.DEFAULT).generate(dir, properties.sampleScale(), properties.seed());
            var report = ingest.ingest(SourceDirectory.check(dir));
            log.info("sample loaded: {} rows; its {} lines of deliberate dirt were set aside, as the ingest does with real files",
                    String.format("%,d", report.loaded()), report.rejected());
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}
