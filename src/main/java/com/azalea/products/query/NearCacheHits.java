package com.azalea.products.query;

import com.azalea.products.projection.Document;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers a document read that the near cache holds before Spring MVC does: such a hit costs no handler
 * lookup, argument resolution or per-request MVC objects, which were much of its CPU and garbage (a JFR
 * profile, docs/benchmarks.md#the-read-paths-own-cost). It answers with the controller's own
 * {@link DocumentResponses}, after the same filters (CORS, admission, the request timer), so a client
 * cannot tell the two apart. Everything else goes on to the controller: a miss, an id it would refuse,
 * a method other than GET, any other path.
 */
class NearCacheHits implements Filter {

    private static final String PREFIX = "/products/";

    private final Supplier<DocumentReader> documents;
    private final Supplier<DocumentResponses> responses;

    /**
     * Takes its collaborators as they are first needed: a filter is made as the server starts, before the
     * application's beans, and the reader would pull in the Redis and database connections then, ahead of
     * properties registered later (as tests register the addresses of their services).
     */
    NearCacheHits(Supplier<DocumentReader> documents, Supplier<DocumentResponses> responses) {
        this.documents = documents;
        this.responses = responses;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (!request.getMethod().equals("GET") || !answered(request.getServletPath(), request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean answered(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        int idEnd = path.indexOf('/', PREFIX.length());
        if (idEnd < 0) {
            idEnd = path.length();
        }
        String route = path.substring(idEnd);
        Document kind = switch (route) {
            case "", "/" -> Document.PRODUCT;
            case "/styles", "/styles/" -> Document.STYLES;
            case "/related", "/related/" -> Document.RELATED;
            default -> null;
        };
        if (kind == null) {
            return false;
        }
        long id;
        try {
            id = PositiveNumber.parse("product_id", path.substring(PREFIX.length(), idEnd));
        } catch (BadRequestException e) {
            return false; // the controller refuses it, with its problem detail
        }
        CachedDocument document = documents.get().nearHit(kind, id);
        if (document == null) {
            return false;
        }
        // the route as Spring MVC names it, for the request timer's tags
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/products/{productId}" + route);
        return responses.get().send(kind, id, document, request, response);
    }
}
