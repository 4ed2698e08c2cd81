package com.azalea.products.ingest;

import static com.azalea.products.ingest.FieldKind.*;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The six Atelier CSV files in load order (parents before children), each with its exact header and
 * the table it fills.
 */
public enum SourceFile {
    PRODUCT("product.csv", "products", true,
            Column.of("id", ID), Column.of("name", TEXT), Column.of("slogan", TEXT),
            new Column("description", "description", TEXT, MAX_DESCRIPTION_LENGTH),
            Column.of("category", TEXT), Column.of("default_price", PRICE)),
    FEATURES("features.csv", "features", false,
            Column.of("id", ID), Column.of("product_id", PRODUCT_REF), Column.of("feature", TEXT),
            Column.of("value", NULLABLE_TEXT)),
    STYLES("styles.csv", "styles", false,
            Column.of("id", ID), Column.of("productId", "product_id", PRODUCT_REF), Column.of("name", TEXT),
            Column.of("sale_price", NULLABLE_PRICE), Column.of("original_price", PRICE),
            Column.of("default_style", "is_default", FLAG)),
    PHOTOS("photos.csv", "photos", false,
            Column.of("id", ID), Column.of("styleId", "style_id", STYLE_REF), Column.of("url", TEXT),
            Column.of("thumbnail_url", TEXT)),
    SKUS("skus.csv", "skus", false,
            Column.of("id", ID), Column.of("styleId", "style_id", STYLE_REF), Column.of("size", TEXT),
            Column.of("quantity", QUANTITY)),
    RELATED("related.csv", "related", false,
            Column.of("id", ID), Column.of("current_product_id", "product_id", PRODUCT_REF),
            Column.of("related_product_id", RELATED_PRODUCT_REF));

    /** Products carry columns the files lack; ingest stamps them with the same values for every row. */
    static final List<String> STAMP_COLUMNS = List.of("created_at", "updated_at", "version");

    private final String fileName;
    private final String table;
    private final boolean stamped;
    private final List<Column> columns;

    SourceFile(String fileName, String table, boolean stamped, Column... columns) {
        this.fileName = fileName;
        this.table = table;
        this.stamped = stamped;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    public String table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    public List<String> header() {
        return columns.stream().map(Column::sourceName).toList();
    }

    int stampCount() {
        return stamped ? STAMP_COLUMNS.size() : 0;
    }

    String copySql() {
        var targets = Stream.concat(columns.stream().map(Column::targetName), stamped ? STAMP_COLUMNS.stream() : Stream.empty());
        // FREEZE: the table was truncated in this transaction, so rows can be written already frozen.
        return "COPY " + table + " (" + targets.collect(Collectors.joining(", ")) + ") FROM STDIN (FREEZE)";
    }

    static List<String> tables() {
        return Stream.of(values()).map(SourceFile::table).toList();
    }
}
