package com.azalea.products.generate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates the six Atelier catalog CSV files with deliberate, counted dirt (see {@link DirtRates}).
 * Output depends only on (scale, seed, rates): every file draws from its own seeded random stream,
 * so the thread that writes it and the order files finish in do not matter.
 */
public final class CatalogGenerator {

    /** The largest product id in the real full set; scale 1.0 writes exactly this many products. */
    static final long PRODUCTS_AT_FULL_SCALE = 1_000_011L;

    private final DirtRates rates;

    public CatalogGenerator(DirtRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /** Writes all six files into {@code outDir} (created if missing), replacing any there. */
    public GenerationReport generate(Path outDir, double scale, long seed) throws IOException {
        if (!(scale >= 0)) {
            throw new IllegalArgumentException("scale must be >= 0: " + scale);
        }
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        Catalog catalog = new Catalog(outDir, seed, Math.round(PRODUCTS_AT_FULL_SCALE * scale), rates);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // styles go first: photos and skus need its style count, and they are the largest files,
            // so they are queued as soon as it is known, ahead of features and related.
            Future<StyleFiles.Styles> styles = pool.submit(() -> StyleFiles.styles(catalog));
            Future<FileReport> product = pool.submit(() -> ProductFiles.products(catalog));
            long styleCount = await(styles).styleCount();
            Future<FileReport> photos = pool.submit(() -> StyleFiles.photos(catalog, styleCount));
            Future<FileReport> skus = pool.submit(() -> StyleFiles.skus(catalog, styleCount));
            Future<FileReport> features = pool.submit(() -> ProductFiles.features(catalog));
            Future<FileReport> related = pool.submit(() -> ProductFiles.related(catalog));
            Map<String, FileReport> files = new LinkedHashMap<>();
            for (FileReport report : List.of(await(product), await(features), await(styles).report(),
                    await(photos), await(skus), await(related))) {
                files.put(report.file(), report);
            }
            return new GenerationReport(files, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating the catalog");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
