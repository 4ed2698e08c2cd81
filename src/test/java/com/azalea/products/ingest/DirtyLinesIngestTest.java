package com.azalea.products.ingest;

import static com.azalea.products.ingest.SourceFile.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.azalea.products.support.IntegrationTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One line of each kind of dirt the real files hold, each rejected with its reason, every good line loaded. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirtyLinesIngestTest {

    private static final String LONG_URL = "https://images.example.com/photo-9?w=300" + "&junk=0123456789".repeat(200);

    @Autowired
    CatalogIngest ingest;

    @Autowired
    JdbcClient jdbc;

    IngestReport report;

    @BeforeAll
    void ingestHandMadeFiles(@TempDir Path dir) {
        new CatalogFiles(dir)
                .file(PRODUCT,
                        "1,\"Harbor Parka\",\"Stay dry on the quay\",\"A waxed cotton parka, lined with fleece, for windy mornings.\",\"Jackets\",180",
                        "2,\"The \"\"Trail\"\" Runner, Mk II\",\"Light, fast, \"\"grippy\"\"\",\"Mesh upper; a sole that bites on wet rock.\",\"Kicks\",95",
                        "3,\"Plain Tee\",\"Soft\",\"Cotton.\",\"Tops\",abc",
                        "2,\"Second Two\",\"x\",\"y\",\"Tops\",10",
                        "4,\"Linen Shirt\",\"Breathe\",\"Loose fit.\",\"Tops\",45.50",
                        "5,\"Short\",\"x\",\"y\"")
                .file(FEATURES,
                        "1,1,\"Fabric\",\"Waxed Cotton\"",
                        "2,1,\"Lining\",null",
                        "3,99,\"Fabric\",\"Mesh\"",
                        "4,2,\"Sole\",\"Rubber\"")
                .file(STYLES,
                        "1,1,\"Olive & Black\",null,180,1",
                        "2,1,\"Navy\",150,180,0",
                        "3,2,\"Volt Green\",null,95,1",
                        "4,3,\"Ghost\",null,10,1",
                        "5,2,\"Red\",null,95,yes")
                .file(PHOTOS,
                        "1,1,\"https://images.example.com/photo-1?w=668\",\"https://images.example.com/photo-1?w=300\"",
                        "3,1,\"https://images.example.com/photo-3?w=668\",\"https://images.example.com/photo-3?w=300",
                        "2,1,\"https://images.example.com/photo-2?w=668\",\"https://images.example.com/photo-2?w=300\"",
                        "4,2,\"https://images.example.com/photo-4?w=668\",\"" + LONG_URL + "\"",
                        "5,4,\"https://images.example.com/photo-5?w=668\",\"https://images.example.com/photo-5?w=300\"")
                .file(SKUS,
                        "1,1,\"S\",8",
                        "2,1,\"M\",-1",
                        "3,2,\"XL\",0",
                        "4,3,\"9.5\",12")
                .file(RELATED,
                        "1,1,2",
                        "2,1,0",
                        "3,2,777",
                        "4,2,1",
                        "4,2,4");
        report = ingest.ingest(SourceDirectory.check(dir));
    }

    @Test
    void everyBadLineIsRejectedWithItsReason() {
        var rejects = jdbc.sql("SELECT file, line_number, reason FROM ingest_rejects ORDER BY file, line_number")
                .query((rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
        assertThat(rejects).containsExactly(
                tuple("features.csv", 4L, "missing_parent"),
                tuple("photos.csv", 3L, "malformed_csv"),
                tuple("photos.csv", 5L, "value_too_long"),
                tuple("photos.csv", 6L, "missing_parent"),
                tuple("product.csv", 4L, "invalid_value"),
                tuple("product.csv", 5L, "duplicate_id"),
                tuple("product.csv", 7L, "wrong_field_count"),
                tuple("related.csv", 3L, "missing_related_product"),
                tuple("related.csv", 4L, "missing_related_product"),
                tuple("related.csv", 6L, "duplicate_id"),
                tuple("skus.csv", 3L, "invalid_value"),
                tuple("styles.csv", 5L, "missing_parent"),
                tuple("styles.csv", 6L, "invalid_value"));
    }

    @Test
    void rejectedLinesKeepTheirRawText() {
        String raw = jdbc.sql("SELECT raw FROM ingest_rejects WHERE file = 'photos.csv' AND line_number = 3").query(String.class).single();
        assertThat(raw).isEqualTo("3,1,\"https://images.example.com/photo-3?w=668\",\"https://images.example.com/photo-3?w=300");
    }

    @Test
    void everyGoodLineIsLoaded() {
        assertThat(ids("products")).containsExactly(1L, 2L, 4L);
        assertThat(ids("features")).containsExactly(1L, 2L, 4L);
        assertThat(ids("styles")).containsExactly(1L, 2L, 3L);
        assertThat(ids("photos")).as("the line after a broken quote survives").containsExactly(1L, 2L);
        assertThat(ids("skus")).containsExactly(1L, 3L, 4L);
        assertThat(ids("related")).containsExactly(1L, 4L);
    }

    @Test
    void quotedCommasAndQuotesNullsAndFlagsAreLoadedAsWritten() {
        Map<String, Object> product = jdbc.sql("SELECT name, slogan, default_price::text AS price, campus FROM products WHERE id = 2").query().singleRow();
        assertThat(product).containsEntry("name", "The \"Trail\" Runner, Mk II")
                .containsEntry("slogan", "Light, fast, \"grippy\"")
                .containsEntry("price", "95.00")
                .containsEntry("campus", "hr-rfp");
        assertThat(jdbc.sql("SELECT value FROM features WHERE id = 2").query(String.class).optional()).isEmpty();
        var styles = jdbc.sql("SELECT id, sale_price::text, is_default FROM styles ORDER BY id")
                .query((rs, row) -> tuple(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
        assertThat(styles).containsExactly(tuple(1L, null, true), tuple(2L, "150.00", false), tuple(3L, null, true));
    }

    @Test
    void summaryCountsLinesLoadedAndRejectedPerFileAndReason() {
        FileResult products = report.file(PRODUCT);
        assertThat(products.lines()).isEqualTo(6);
        assertThat(products.loaded()).isEqualTo(3);
        assertThat(products.rejected()).containsOnly(
                Map.entry(RejectReason.INVALID_VALUE, 1L), Map.entry(RejectReason.DUPLICATE_ID, 1L), Map.entry(RejectReason.WRONG_FIELD_COUNT, 1L));
        assertThat(report.loaded()).isEqualTo(3 + 3 + 3 + 2 + 3 + 2);
        assertThat(report.rejected()).isEqualTo(13);
        assertThat(report.format()).contains("photos.csv", "malformed_csv", "value_too_long");
    }

    private java.util.List<Long> ids(String table) {
        return jdbc.sql("SELECT id FROM " + table + " ORDER BY id").query(Long.class).list();
    }
}
