package com.azalea.products.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/**
 * Makes a product's Redis value ({@link StoredProduct}) from a row of {@code version} and the
 * {@code cached_document} columns {@code product}, {@code styles} and {@code related}, compressed or not
 * as {@code azalea.projection.compress-documents} says: the one place for what the projection and the
 * refill after a miss both store.
 */
@Component
public class StoredProductEncoder {

    private final boolean compress;

    public StoredProductEncoder(ProjectionProperties properties) {
        this.compress = properties.compressDocuments();
    }

    public byte[] encode(ResultSet row) throws SQLException {
        return StoredProduct.encode(row.getLong("version"), compress, row.getBytes("product"), row.getBytes("styles"), row.getBytes("related"));
    }
}
