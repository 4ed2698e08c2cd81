package com.azalea.products.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azalea.products.generate.CatalogGenerator;
import com.azalea.products.generate.DirtRates;
import com.azalea.products.generate.GenerationReport;
import com.azalea.products.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A generated catalog, dirt included, loaded end to end: counts, integrity, re-runs and failed runs. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCatalogIngestTest {

    private static final double SCALE = 0.002;
    /** Ten times the default rates, so that every kind of dirt occurs in a catalog this small. */
    private static final DirtRates RATES = new DirtRates(0.005, 0.002, 0.01, 0.005, 0.001, 0.0005, 0.2);

    @Autowired
    CatalogIngest ingest;

    @Autowired
    JdbcClient jdbc;

    Path dir;
    GenerationReport generated;
    IngestReport report;

    @BeforeAll
    void generateAndIngest(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        generated = new CatalogGenerator(RATES).generate(dir.resolve("a"), SCALE, 11);
        report = ingest.ingest(SourceDirectory.check(dir.resolve("a")));
    }

    @Test
    void everyGeneratedLineIsLoadedOrRejected() {
        for (SourceFile file : SourceFile.values()) {
            FileResult result = report.file(file);
            assertThat(result.lines()).as(file.fileName()).isEqualTo(generated.files().get(file.fileName()).dataLines());
            assertThat(result.loaded() + result.rejectedTotal()).as(file.fileName()).isEqualTo(result.lines());
            assertThat(count(file.table())).as(file.table()).isEqualTo(result.loaded());
        }
        assertThat(count("ingest_rejects")).isEqualTo(report.rejected());
        assertThat(count("products")).isEqualTo(Math.round(1_000_011 * SCALE));
    }

    @Test
    void eachKindOfDirtIsRejectedWithItsReason() {
        assertThat(report.file(SourceFile.PRODUCT).rejected())
                .isEqualTo(Map.of(RejectReason.DUPLICATE_ID, dirt("product.csv", "duplicateId")));
        assertThat(dirt("product.csv", "duplicateId")).isPositive();
        assertThat(report.file(SourceFile.PHOTOS).rejected(RejectReason.MALFORMED_CSV)).isEqualTo(dirt("photos.csv", "unclosedQuote")).isPositive();
        assertThat(report.file(SourceFile.PHOTOS).rejected(RejectReason.VALUE_TOO_LONG)).isPositive()
                .isLessThanOrEqualTo(dirt("photos.csv", "overlongThumbnail"));
        FileResult related = report.file(SourceFile.RELATED);
        assertThat(related.rejected(RejectReason.MISSING_RELATED_PRODUCT))
                .isEqualTo(dirt("related.csv", "relatedZero") + dirt("related.csv", "relatedDangling")).isPositive();
        assertThat(related.rejected(RejectReason.MISSING_PARENT)).isEqualTo(dirt("related.csv", "missingParent"));
        assertThat(related.rejected(RejectReason.DUPLICATE_ID)).isEqualTo(dirt("related.csv", "duplicateId"));
        for (String file : List.of("features.csv", "styles.csv", "photos.csv", "skus.csv")) {
            // children of a rejected style are rejected too, so there are at least as many as were injected
            assertThat(rejected(file, "missing_parent")).as(file).isGreaterThanOrEqualTo(dirt(file, "missingParent")).isPositive();
        }
    }

    @Test
    void noRowLacksItsParentAndEveryKeyIsBackInPlace() {
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM features f WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = f.product_id))
                     + (SELECT count(*) FROM styles s WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = s.product_id))
                     + (SELECT count(*) FROM photos ph WHERE NOT EXISTS (SELECT 1 FROM styles s WHERE s.id = ph.style_id))
                     + (SELECT count(*) FROM skus k WHERE NOT EXISTS (SELECT 1 FROM styles s WHERE s.id = k.style_id))
                     + (SELECT count(*) FROM related r WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = r.related_product_id))
                """).query(Long.class).single()).isZero();
        assertThat(constraints()).containsEntry("f", 6L).containsEntry("p", 7L);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%product_id_idx' OR indexname LIKE '%style_id_idx'")
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void ingestingTheSameFilesAgainGivesTheSameDatabase() {
        Map<String, String> before = checksums();
        ingest.ingest(SourceDirectory.check(dir.resolve("a")));
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void aRunThatFailsPartWayLeavesThePreviousCatalogIntact() throws IOException {
        new CatalogGenerator(RATES).generate(dir.resolve("b"), SCALE, 12);
        Map<String, String> before = checksums();
        Map<String, Long> keys = constraints();
        assertThatThrownBy(() -> ingest.ingest(SourceDirectory.check(dir.resolve("b")), file -> {
            if (file == SourceFile.SKUS) {
                throw new IllegalStateException("interrupted before skus.csv");
            }
        })).hasMessageContaining("interrupted before skus.csv");
        assertThat(checksums()).isEqualTo(before);
        assertThat(constraints()).isEqualTo(keys);
    }

    private long dirt(String file, String kind) {
        return generated.files().get(file).dirtLines().get(kind);
    }

    private long rejected(String file, String reason) {
        return jdbc.sql("SELECT count(*) FROM ingest_rejects WHERE file = ? AND reason = ?").params(file, reason).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private Map<String, Long> constraints() {
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT contype::text, count(*) FROM pg_constraint
                WHERE conrelid::regclass::text IN ('products', 'features', 'styles', 'photos', 'skus', 'related', 'ingest_rejects')
                GROUP BY contype ORDER BY contype
                """).query((rs, row) -> byType.put(rs.getString(1), rs.getLong(2))).list();
        return byType;
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : SourceFile.tables()) {
            sums.put(table, jdbc.sql("SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM " + table + " t").query(String.class).single());
        }
        // the version is a change counter, new for every load; everything else must be the same
        sums.put("products", jdbc.sql("SELECT md5(string_agg((t.id, t.campus, t.name, t.slogan, t.description, t.category, t.default_price, t.created_at, t.updated_at)::text, '|' ORDER BY t.id)) FROM products t").query(String.class).single());
        sums.put("ingest_rejects", jdbc.sql("SELECT md5(string_agg(t::text, '|' ORDER BY file, line_number)) FROM ingest_rejects t")
                .query(String.class).single());
        return sums;
    }
}
