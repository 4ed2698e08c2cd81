package com.azalea.products.query;

import com.azalea.products.projection.Document;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public read API (the Atelier products contract). Document responses are the cached bytes,
 * written as they are: no JSON is parsed or built here.
 */
@RestController
@ReadApi
@ConditionalOnProperty(name = "azalea.read.source", havingValue = "documents", matchIfMissing = true)
class ProductController {

    private final DocumentReader documents;
    private final ProductList list;
    private final ReadProperties properties;
    private final ReadModelReadiness readiness;

    ProductController(DocumentReader documents, ProductList list, ReadProperties properties, ReadModelReadiness readiness) {
        this.documents = documents;
        this.list = list;
        this.properties = properties;
        this.readiness = readiness;
    }

    @GetMapping("/products")
    void products(@RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "5") String count,
            HttpServletResponse response) throws IOException {
        byte[] body = list.page(ListPage.parse(page, count, properties.maxCount()));
        writeJson(response, body, 0, body.length);
    }

    @GetMapping("/products/{productId}")
    void product(@PathVariable String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(Document.PRODUCT, productId, request, response);
    }

    @GetMapping("/products/{productId}/styles")
    void styles(@PathVariable String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(Document.STYLES, productId, request, response);
    }

    @GetMapping("/products/{productId}/related")
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
        String etag = document.etag();
        response.setHeader(HttpHeaders.ETAG, etag);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        writeJson(response, document.bytes(), document.bodyOffset(), document.bodyLength());
    }

    private static void writeJson(HttpServletResponse response, byte[] bytes, int offset, int length) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(length);
        response.getOutputStream().write(bytes, offset, length);
    }
}
