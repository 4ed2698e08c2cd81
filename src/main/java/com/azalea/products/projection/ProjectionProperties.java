package com.azalea.products.projection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the full rebuild runs, and how documents are stored.
 *
 * @param batchSize         product ids per projection statement
 * @param workers           statements running at once; PostgreSQL does the work, so about its core count
 * @param compressDocuments whether Redis keeps a document's gzip bytes (when smaller than its JSON); off,
 *                          it keeps the JSON and every client gets JSON: the A/B of compression
 *                          ({@code bench/stored-documents-ab}), not a setting for a deployment
 */
@Validated
@ConfigurationProperties("azalea.projection")
public record ProjectionProperties(@Min(1) @Max(100_000) int batchSize, @Min(1) @Max(64) int workers,
        @DefaultValue("true") boolean compressDocuments) {
}
