package com.azalea.products.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin API reads no body it has not sized: a body must state its length, within the limit (a bulk
 * write's is larger). Runs after the caller is known and allowed, before anything reads the body.
 */
final class AdminBodyLimit extends OncePerRequestFilter {

    private final long maxBodySize;
    private final long maxBulkBodySize;

    AdminBodyLimit(long maxBodySize, long maxBulkBodySize) {
        this.maxBodySize = maxBodySize;
        this.maxBulkBodySize = maxBulkBodySize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (hasBody && request.getContentLengthLong() < 0) {
            ProblemAnswers.write(response, HttpStatus.LENGTH_REQUIRED, "admin requests must state their Content-Length");
            return;
        }
        long limit = isBulk(request) ? maxBulkBodySize : maxBodySize;
        if (request.getContentLengthLong() > limit) {
            ProblemAnswers.write(response, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + limit + " bytes");
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
}
