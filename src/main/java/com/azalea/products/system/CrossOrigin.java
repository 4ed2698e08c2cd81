package com.azalea.products.system;

import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Which browser origins may call a part of the API (CORS), answered by Spring's {@link CorsFilter}:
 * preflights for the given methods allow whatever headers the page asks for ({@code Authorization}
 * included) and are cached by the browser for {@code maxAge}; every answer says it varies by
 * {@code Origin}. No origins: no CORS at all, so a browser page on another origin cannot read the answers.
 *
 * <p>A filter on the part's own paths with its one configuration, ahead of every other filter of the
 * service: a preflight is answered before the admin token is asked for or a read slot taken, and a
 * request costs no path matching and no per-request merge of configurations (Spring MVC's CORS
 * mappings cost a read 20% of its throughput here: docs/benchmarks.md).
 *
 * @param allowedOrigins origins such as {@code https://shop.example}, or {@code *} for any
 * @param maxAge         how long a browser may reuse a preflight's answer
 */
public record CrossOrigin(@NotNull List<String> allowedOrigins, @NotNull Duration maxAge) {

    private static final byte[] REFUSAL = """
            {"type":"about:blank","title":"Forbidden","status":403,"detail":"this origin, method or header is not allowed to call the API from a browser"}"""
            .getBytes(StandardCharsets.UTF_8);

    /** The filter for {@code urlPatterns}, disabled when no origin is allowed. */
    public FilterRegistrationBean<CorsFilter> filter(List<String> urlPatterns, String... methods) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(allowedOrigins);
        config.setAllowedMethods(List.of(methods));
        config.addAllowedHeader(CorsConfiguration.ALL);
        config.setExposedHeaders(List.of("ETag", "Retry-After"));
        config.setMaxAge(maxAge);
        CorsFilter filter = new CorsFilter(request -> config);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(!allowedOrigins.isEmpty());
        return registration;
    }

    /** A refused cross-origin request is a 403 problem detail, like every other error, not Spring's plain text. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getBody().write(REFUSAL);
            response.flush();
        }
    }
}
