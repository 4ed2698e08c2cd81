package com.azalea.products.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * The request bodies of the admin API, in the API's snake_case, with the same limits as ingest. The
 * names are spelt out with {@code @JsonProperty}, which the service's Jackson and the OpenAPI
 * description's (an older Jackson inside springdoc, blind to a naming strategy of this one) both read.
 */
final class Inputs {

    private Inputs() {
    }

    @Schema(name = "ProductInput")
    record Product(@NotBlank @Text(max = 2048) String name, @NotBlank @Text(max = 2048) String slogan,
            @NotBlank @Text(max = 8192) String description, @NotBlank @Text(max = 2048) String category,
            @JsonProperty("default_price") @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal defaultPrice) {
    }

    @Schema(name = "FeatureInput")
    record Feature(@NotBlank @Text(max = 2048) String feature, @Schema(types = {"string", "null"}) @Text(max = 2048) String value) {
    }

    @Schema(name = "StyleInput")
    record Style(@NotBlank @Text(max = 2048) String name,
            @JsonProperty("original_price") @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal originalPrice,
            @JsonProperty("sale_price") @Schema(types = {"number", "null"}) @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal salePrice,
            @JsonProperty("default?") @NotNull Boolean isDefault) {
    }

    @Schema(name = "PhotoInput")
    record Photo(@NotBlank @Text(max = 2048) String url, @JsonProperty("thumbnail_url") @NotBlank @Text(max = 2048) String thumbnailUrl) {
    }

    @Schema(name = "SkuInput")
    record Sku(@NotBlank @Text(max = 2048) String size, @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer quantity) {
    }

    @Schema(name = "QuantityInput")
    record Quantity(@NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer quantity) {
    }

    @Schema(name = "RelatedInput")
    record Related(@JsonProperty("related_product_id") @NotNull @Positive Long relatedProductId) {
    }

    /** An item of {@code PATCH /admin/skus}. */
    @Schema(name = "SkuQuantityItem")
    record SkuQuantity(@NotNull @Positive Long id, @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer quantity) {
    }

    /** An item of {@code PATCH /admin/styles}: prices as the read API prints them ("140.00"), or as numbers. */
    @Schema(name = "StylePriceItem")
    record StylePrice(@NotNull @Positive Long id,
            @JsonProperty("original_price") @Schema(types = {"string", "number"}, pattern = PRICE, example = "140.00") @NotNull @DecimalMin("0")
            @Digits(integer = 8, fraction = 2) BigDecimal originalPrice,
            @JsonProperty("sale_price") @Schema(types = {"string", "number", "null"}, pattern = PRICE, example = "99.00") @DecimalMin("0")
            @Digits(integer = 8, fraction = 2) BigDecimal salePrice) {
    }

    /** A price as a string: up to 8 digits, then up to 2 decimals. */
    private static final String PRICE = "^[0-9]{1,8}(\\.[0-9]{1,2})?$";
}
