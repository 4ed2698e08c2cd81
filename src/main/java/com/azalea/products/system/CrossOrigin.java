package com.azalea.products.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.web.servlet.config.annotation.CorsRegistry;

/**
 * Which browser origins may call a part of the API (CORS), answered by Spring MVC's own CORS support:
 * preflights for the given methods allow whatever headers the page asks for ({@code Authorization}
 * included) and are cached by the browser for {@code maxAge}. No origins: no CORS at all, so a browser
 * page on another origin cannot read the answers.
 *
 * @param allowedOrigins origins such as {@code https://shop.example}, or {@code *} for any
 * @param maxAge         how long a browser may reuse a preflight's answer
 */
public record CrossOrigin(@NotNull List<String> allowedOrigins, @NotNull Duration maxAge) {

    public void register(CorsRegistry registry, String pathPattern, String... methods) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        registry.addMapping(pathPattern)
                .allowedOrigins(allowedOrigins.toArray(String[]::new))
                .allowedMethods(methods)
                .allowedHeaders("*")
                .exposedHeaders("ETag", "Retry-After")
                .maxAge(maxAge.toSeconds());
    }
}
