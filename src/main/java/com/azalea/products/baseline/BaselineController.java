package com.azalea.products.baseline;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.DocumentStatements;
import com.azalea.products.projection.DocumentStatements.Ids;
import com.azalea.products.query.ListPage;
import com.azalea.products.query.PositiveNumber;
import com.azalea.products.query.ProductNotFoundException;
import com.azalea.products.query.ReadApi;
import com.azalea.products.query.ReadProperties;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load test's baseline ({@code azalea.read.source=baseline}): the read API answered the usual way,
 * by aggregating the write model's tables at read time on every request, with their indexes (one on
 * every foreign key). Each statement is the one definition of the documents ({@code projector/documents.sql})
 * followed by a select of the document asked for; PostgreSQL runs no CTE the statement does not use, so
 * a request builds only its own document, and the bytes are those the projector would store.
 */
@RestController
@ReadApi
@ConditionalOnProperty(name = "azalea.read.source", havingValue = "baseline")
class BaselineController {

    /**
     * The ids a page covers, found on the primary key alone: the definitions select products by id (a
     * range for a page), not by position.
     */
    private static final String PAGE_BOUNDS = """
            SELECT min(id) AS first_id, max(id) AS last_id
            FROM (SELECT id FROM products ORDER BY id OFFSET :offset LIMIT :count) page
            """;

    /** jsonb's text of an array is the entries joined by ", ": the bytes the service's list has. */
    private static final String PAGE = DocumentStatements.compose(
            "${documents} SELECT coalesce(jsonb_agg(summary ORDER BY id), '[]')::text FROM product", Ids.RANGE);

    private static final byte[] EMPTY_PAGE = "[]".getBytes(StandardCharsets.US_ASCII);

    private final JdbcClient jdbc;
    private final ReadProperties properties;
    private final Map<Document, String> documentStatements = new EnumMap<>(Document.class);

    BaselineController(JdbcClient jdbc, ReadProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        for (Document document : Document.values()) {
            // documents.sql names each document's CTE <column>_document, with the document in <column>
            documentStatements.put(document, DocumentStatements.compose(
                    "${documents} SELECT %1$s::text FROM %1$s_document".formatted(document.column()), Ids.ONE));
        }
    }

    @GetMapping({"/products", "/products/"})
    ResponseEntity<byte[]> products(@RequestParam(required = false) String page, @RequestParam(required = false) String count) {
        ListPage listPage = ListPage.parse(page, count, properties.maxCount());
        Map<String, Object> bounds = jdbc.sql(PAGE_BOUNDS).param("offset", listPage.offset()).param("count", listPage.count())
                .query().singleRow();
        if (bounds.get("first_id") == null) {
            return json(EMPTY_PAGE);
        }
        return json(jdbc.sql(PAGE).param("first_id", bounds.get("first_id")).param("last_id", bounds.get("last_id"))
                .query((rs, row) -> rs.getBytes(1)).single());
    }

    @GetMapping({"/products/{productId}", "/products/{productId}/"})
    ResponseEntity<byte[]> product(@PathVariable String productId) {
        return document(Document.PRODUCT, productId);
    }

    @GetMapping({"/products/{productId}/styles", "/products/{productId}/styles/"})
    ResponseEntity<byte[]> styles(@PathVariable String productId) {
        return document(Document.STYLES, productId);
    }

    @GetMapping({"/products/{productId}/related", "/products/{productId}/related/"})
    ResponseEntity<byte[]> related(@PathVariable String productId) {
        return document(Document.RELATED, productId);
    }

    private ResponseEntity<byte[]> document(Document kind, String productId) {
        long id = PositiveNumber.parse("product_id", productId);
        // the text as it came over the wire, UTF-8, as the projector reads it
        byte[] body = jdbc.sql(documentStatements.get(kind)).param("id", id).query((rs, row) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new ProductNotFoundException(id));
        return json(body);
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
