package com.azalea.products.query;

import com.azalea.products.projection.Document;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public read API (the Atelier products contract). Document responses are the cached bytes,
 * written as they are (or inflated, for a client that does not take gzip): no JSON is parsed or built here.
 * Each route also answers with a trailing slash ({@code /products/1/}), as Express, which Atelier
 * servers commonly run on, routes it by default: a front-end that appends one gets the same answer.
 */
@RestController
@ReadApi
@ConditionalOnProperty(name = "azalea.read.source", havingValue = "documents", matchIfMissing = true)
class ProductController {

    private final DocumentReader documents;
    private final DocumentResponses responses;
    private final ProductList list;
    private final ReadProperties properties;
    private final ReadModelReadiness readiness;

    ProductController(DocumentReader documents, DocumentResponses responses, ProductList list, ReadProperties properties,
            ReadModelReadiness readiness) {
        this.documents = documents;
        this.responses = responses;
        this.list = list;
        this.properties = properties;
        this.readiness = readiness;
    }

    @GetMapping({"/products", "/products/"})
    void products(@RequestParam(required = false) String page, @RequestParam(required = false) String count,
            HttpServletResponse response) throws IOException {
        responses.sendList(list.page(ListPage.parse(page, count, properties.maxCount())), response);
    }

    @GetMapping({"/products/{productId}", "/products/{productId}/"})
    void product(@PathVariable String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(Document.PRODUCT, productId, request, response);
    }

    @GetMapping({"/products/{productId}/styles", "/products/{productId}/styles/"})
    void styles(@PathVariable String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(Document.STYLES, productId, request, response);
    }

    @GetMapping({"/products/{productId}/related", "/products/{productId}/related/"})
    void related(@PathVariable String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(Document.RELATED, productId, request, response);
    }

    private void send(Document kind, String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = PositiveNumber.parse("product_id", productId);
        CachedDocument document = documents.read(kind, id);
        if (document.absent()) {
            readiness.require();
            throw new ProductNotFoundException(id);
        }
        if (!responses.send(kind, id, document, request, response)) {
            responses.sendFromTable(kind, id, response);
        }
    }
}
