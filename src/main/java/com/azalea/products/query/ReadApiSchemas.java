package com.azalea.products.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The JSON the read API answers, as records for the OpenAPI description only: the service sends the
 * bytes that {@code projector/documents.sql} builds and never these. Every member is always present,
 * null where the contract allows it, so {@link ReadApiDescription} marks them all required.
 */
final class ReadApiSchemas {

    /** numeric(10,2) as PostgreSQL prints it: always two decimals, never negative (ingest and admin API refuse that). */
    private static final String PRICE = "^[0-9]{1,8}\\.[0-9]{2}$";

    private ReadApiSchemas() {
    }

    @Schema(name = "ProductSummary", description = "A product without its features: an entry of GET /products.")
    record ProductSummary(@Schema(minimum = "1") long id, String campus, String name, String slogan, String description, String category,
            @JsonProperty("default_price") @Schema(pattern = PRICE, description = "the price as text with two decimals") String defaultPrice,
            @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @JsonProperty("updated_at") @Schema(format = "date-time") String updatedAt) {
    }

    @Schema(name = "Feature")
    record Feature(String feature, @Schema(types = {"string", "null"}) String value) {
    }

    @Schema(name = "Styles", description = "The styles of a product in style id order; a product without styles has no results.")
    record Styles(@JsonProperty("product_id") @Schema(pattern = "^[1-9][0-9]*$", description = "the product id, as a string") String productId,
            List<Style> results) {
    }

    @Schema(name = "Style")
    record Style(@JsonProperty("style_id") @Schema(minimum = "1") long styleId, String name,
            @JsonProperty("original_price") @Schema(pattern = PRICE, description = "the price as text with two decimals") String originalPrice,
            @JsonProperty("sale_price") @Schema(types = {"string", "null"}, pattern = PRICE, description = "null when the style is not on sale")
            String salePrice,
            @JsonProperty("default?") boolean isDefault,
            @ArraySchema(minItems = 1, schema = @Schema(implementation = Photo.class), arraySchema = @Schema(description = """
                    Never empty: a style without photos has one placeholder whose URLs are null, as the hosted API \
                    answered (front-ends read photos[0].url without a guard)."""))
            List<Photo> photos,
            @Schema(description = "the SKUs keyed by SKU id; {} for a style without SKUs") Map<String, Sku> skus) {
    }

    @Schema(name = "Photo", description = "A photo of a style; both URLs are null in the placeholder of a style without photos.")
    record Photo(@JsonProperty("thumbnail_url") @Schema(types = {"string", "null"}) String thumbnailUrl,
            @Schema(types = {"string", "null"}) String url) {
    }

    @Schema(name = "Sku")
    record Sku(@Schema(minimum = "0", format = "int32") int quantity, String size) {
    }
}
