package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.StoredDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Enumeration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private static final Logger log = LoggerFactory.getLogger(ProductController.class);

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

    @GetMapping({"/products", "/products/"})
    void products(@RequestParam(required = false) String page, @RequestParam(required = false) String count,
            HttpServletResponse response) throws IOException {
        byte[] body = list.page(ListPage.parse(page, count, properties.maxCount()));
        // always identity, but caches keep this resource's answers apart by encoding like a document's
        varyByEncoding(response);
        writeJson(response, body, 0, body.length);
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

    /**
     * A compressed document goes out as stored to a client that accepts gzip, and inflated into a pooled
     * buffer for the others; a plain one as it is to all. Each representation has its own strong ETag, and
     * a client holding either is told 304.
     */
    private void send(Document kind, String productId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = PositiveNumber.parse("product_id", productId);
        CachedDocument document = documents.read(kind, id);
        if (document.absent()) {
            readiness.require();
            throw new ProductNotFoundException(id);
        }
        boolean compressed = document.compressed();
        boolean gzip = compressed && AcceptEncoding.acceptsGzip(acceptEncoding(request));
        String etag = document.etag();
        String gzipEtag = compressed ? document.gzipEtag() : null;
        varyByEncoding(response);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || gzipEtag != null && ifNoneMatch.contains(gzipEtag) || ifNoneMatch.trim().equals("*"))) {
            response.setHeader(HttpHeaders.ETAG, gzip ? gzipEtag : etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (compressed && !gzip) {
            try (StoredDocument.Inflation json = StoredDocument.inflate(document.bytes(), document.bodyOffset(), document.bodyLength())) {
                response.setHeader(HttpHeaders.ETAG, etag);
                writeJson(response, json.bytes(), 0, json.length());
            } catch (ZipException e) {
                // a damaged value in Redis (verify finds it, --repair replaces it): the read table answers meanwhile
                log.warn("the cached {} document of product {} does not inflate ({}): answered from the read table", kind.column(), id, e.getMessage());
                sendFromTable(kind, id, response);
            }
            return;
        }
        response.setHeader(HttpHeaders.ETAG, gzip ? gzipEtag : etag);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        writeJson(response, document.bytes(), document.bodyOffset(), document.bodyLength());
    }

    /** The read table may have moved on from the damaged copy: to a newer document, or to the product's deletion. */
    private void sendFromTable(Document kind, long id, HttpServletResponse response) throws IOException {
        CachedDocument stored = documents.fromTable(kind, id);
        if (stored.absent()) {
            throw new ProductNotFoundException(id);
        }
        response.setHeader(HttpHeaders.ETAG, stored.etag());
        writeJson(response, stored.bytes(), stored.bodyOffset(), stored.bodyLength());
    }

    /** Added to the Vary that CORS processing has set (Origin, ...), not replacing it. */
    private static void varyByEncoding(HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }

    /** The field's lines as one list: a client may send several. */
    private static String acceptEncoding(HttpServletRequest request) {
        Enumeration<String> lines = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        if (!lines.hasMoreElements()) {
            return null;
        }
        String field = lines.nextElement();
        while (lines.hasMoreElements()) {
            field = field + ", " + lines.nextElement();
        }
        return field;
    }

    private static void writeJson(HttpServletResponse response, byte[] bytes, int offset, int length) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(length);
        response.getOutputStream().write(bytes, offset, length);
    }
}
