package com.azalea.products.catalog;

import com.azalea.products.system.CrossOrigin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param token       the bearer token admin requests must carry; empty disables the admin API
 * @param maxBodySize the largest request body the admin API reads
 * @param maxBulkBodySize the largest body of a bulk write ({@code PATCH /admin/skus}, {@code PATCH /admin/styles})
 * @param cors        the browser origins that may call the admin API; none by default
 */
@Validated
@ConfigurationProperties("azalea.admin")
record AdminProperties(String token, @NotNull DataSize maxBodySize, @NotNull DataSize maxBulkBodySize, @NotNull @Valid CrossOrigin cors) {
}
