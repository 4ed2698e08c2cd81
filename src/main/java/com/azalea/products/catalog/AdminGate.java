package com.azalea.products.catalog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is the admin: the caller with the bearer token from configuration (compared in constant time).
 * It guards {@code /admin/*} (the token and a body size limit, checked before anything is read), and on
 * {@code /actuator/*} it only names the admin, so that health shows its details to the admin alone.
 * The public reads never pass through it.
 */
@Configuration(proxyBeanMethods = false)
class AdminGate {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminFilter(AdminProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(new Token(properties), properties.maxBodySize().toBytes(),
                properties.maxBulkBodySize().toBytes()));
        registration.addUrlPatterns("/admin/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actuatorCallerFilter(AdminProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new ActuatorCaller(new Token(properties)));
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    /** The configured token; without one nobody is the admin. */
    private static final class Token {
        private final byte[] expected;

        Token(AdminProperties properties) {
            String token = properties.token() == null ? "" : properties.token();
            this.expected = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }

        boolean configured() {
            return expected != null;
        }

        boolean presentedBy(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return expected != null && authorization != null
                    && MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Filter extends OncePerRequestFilter {
        private final Token token;
        private final long maxBodySize;
        private final long maxBulkBodySize;

        Filter(Token token, long maxBodySize, long maxBulkBodySize) {
            this.token = token;
            this.maxBodySize = maxBodySize;
            this.maxBulkBodySize = maxBulkBodySize;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!token.presentedBy(request)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                problem(response, HttpStatus.UNAUTHORIZED, token.configured()
                        ? "a valid bearer token is required"
                        : "the admin API is disabled: no azalea.admin.token is configured");
                return;
            }
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            if (hasBody && request.getContentLengthLong() < 0) {
                problem(response, HttpStatus.LENGTH_REQUIRED, "admin requests must state their Content-Length");
                return;
            }
            long limit = isBulk(request) ? maxBulkBodySize : maxBodySize;
            if (request.getContentLengthLong() > limit) {
                problem(response, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + limit + " bytes");
                return;
            }
            chain.doFilter(request, response);
        }

        /** The bulk writes' paths, exactly as the controller maps them (a trailing slash too, as Spring matches it). */
        private static boolean isBulk(HttpServletRequest request) {
            String path = request.getRequestURI();
            return "PATCH".equals(request.getMethod()) && (path.equals("/admin/skus") || path.equals("/admin/styles")
                    || path.equals("/admin/skus/") || path.equals("/admin/styles/"));
        }

        private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // the details are fixed texts without quotes or backslashes, so no JSON escaping is needed
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Makes the admin the request's principal, which is all the actuator asks of a caller for
     * {@code show-details: when-authorized} (no roles are configured, and nothing else in the service sets
     * a principal). Anyone else passes unchanged: the probes and the status stay open.
     */
    private static final class ActuatorCaller extends OncePerRequestFilter {
        private static final Principal ADMIN = () -> "admin";

        private final Token token;

        ActuatorCaller(Token token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(token.presentedBy(request) ? new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return ADMIN;
                }
            } : request, response);
        }
    }
}
