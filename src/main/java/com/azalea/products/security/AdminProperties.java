package com.azalea.products.security;

import com.azalea.products.system.CrossOrigin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param token           the static bearer token (the simple mode: one machine, the first start); empty: none.
 *                        Made of the characters RFC 6750 allows in a bearer token, so it reaches the check as sent
 * @param maxBodySize     the largest request body the admin API reads
 * @param maxBulkBodySize the largest body of a bulk write ({@code PATCH /admin/skus}, {@code PATCH /admin/styles})
 * @param cors            the browser origins that may call the admin API; none by default
 */
@Validated
@ConfigurationProperties("azalea.admin")
record AdminProperties(@Pattern(regexp = "|[A-Za-z0-9\\-._~+/]+=*", message = "may hold only letters, digits and -._~+/ (then = signs), as a bearer token")
                       String token, @NotNull DataSize maxBodySize, @NotNull DataSize maxBulkBodySize, @NotNull @Valid CrossOrigin cors) {

    boolean hasToken() {
        return token != null && !token.isEmpty();
    }
}
