package com.azalea.products.catalog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/*} only: a bearer token from configuration (compared in constant time) and a
 * body size limit, checked before anything is read. The public reads never pass through it.
 */
@Configuration(proxyBeanMethods = false)
class AdminGate {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminFilter(AdminProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(properties));
        registration.addUrlPatterns("/admin/*");
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {
        private final byte[] expected;
        private final long maxBodySize;
        private final boolean corsAllowed;

        Filter(AdminProperties properties) {
            String token = properties.token() == null ? "" : properties.token();
            this.expected = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
            this.maxBodySize = properties.maxBodySize().toBytes();
            this.corsAllowed = !properties.cors().allowedOrigins().isEmpty();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (corsAllowed && CorsUtils.isPreFlightRequest(request)) {
                chain.doFilter(request, response); // a browser's preflight carries no token; Spring MVC answers it, no handler runs
                return;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (expected == null || authorization == null
                    || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                problem(response, HttpStatus.UNAUTHORIZED, expected == null
                        ? "the admin API is disabled: no azalea.admin.token is configured"
                        : "a valid bearer token is required");
                return;
            }
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            if (hasBody && request.getContentLengthLong() < 0) {
                problem(response, HttpStatus.LENGTH_REQUIRED, "admin requests must state their Content-Length");
                return;
            }
            if (request.getContentLengthLong() > maxBodySize) {
                problem(response, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBodySize + " bytes");
                return;
            }
            chain.doFilter(request, response);
        }

        private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            response.setStatus(status.value());
            response.setContentType("application/problem+json");
            // the details are fixed texts without quotes or backslashes, so no JSON escaping is needed
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
