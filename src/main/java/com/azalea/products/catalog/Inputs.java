package com.azalea.products.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The request bodies of the admin API, in the API's snake_case, with the same limits as ingest. */
final class Inputs {

    private Inputs() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Product(@NotBlank @Text(max = 2048) String name, @NotBlank @Text(max = 2048) String slogan,
            @NotBlank @Text(max = 8192) String description, @NotBlank @Text(max = 2048) String category,
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal defaultPrice) {
    }

    record Feature(@NotBlank @Text(max = 2048) String feature, @Text(max = 2048) String value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Style(@NotBlank @Text(max = 2048) String name,
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal originalPrice,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal salePrice,
            @JsonProperty("default?") @NotNull Boolean isDefault) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Photo(@NotBlank @Text(max = 2048) String url, @NotBlank @Text(max = 2048) String thumbnailUrl) {
    }

    record Sku(@NotBlank @Text(max = 2048) String size, @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer quantity) {
    }

    record Quantity(@NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer quantity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Related(@NotNull @Positive Long relatedProductId) {
    }
}
