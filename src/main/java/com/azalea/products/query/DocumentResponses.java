package com.azalea.products.query;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.StoredDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the read API's answers: the cached bytes as they are (or inflated, for a client that does not
 * take gzip); no JSON is parsed or built here. Shared by the controller and the near cache's hits
 * ({@link NearCacheHits}), so that both answer alike.
 */
@Component
class DocumentResponses {

    private static final Logger log = LoggerFactory.getLogger(DocumentResponses.class);

    private final DocumentReader documents;

    DocumentResponses(DocumentReader documents) {
        this.documents = documents;
    }

    /**
     * A document that exists. A compressed one goes out as stored to a client that accepts gzip, and
     * inflated into a pooled buffer for the others; a plain one as it is to all. Each representation has
     * its own strong ETag, and a client holding either is told 304.
     *
     * @return false, with nothing written, when the cached bytes do not inflate: a damaged value in Redis
     *         ({@code verify} finds it, {@code --repair} replaces it), which {@link #sendFromTable} answers meanwhile
     */
    boolean send(Document kind, long id, CachedDocument document, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean compressed = document.compressed();
        boolean gzip = compressed && AcceptEncoding.acceptsGzip(acceptEncoding(request));
        String etag = document.etag();
        String gzipEtag = compressed ? document.gzipEtag() : null;
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || gzipEtag != null && ifNoneMatch.contains(gzipEtag) || ifNoneMatch.trim().equals("*"))) {
            varyByEncoding(response);
            response.setHeader(HttpHeaders.ETAG, gzip ? gzipEtag : etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        if (compressed && !gzip) {
            try (StoredDocument.Inflation json = StoredDocument.inflate(document.bytes(), document.bodyOffset(), document.bodyLength())) {
                varyByEncoding(response);
                response.setHeader(HttpHeaders.ETAG, etag);
                writeJson(response, json.bytes(), 0, json.length());
                return true;
            } catch (ZipException e) {
                log.warn("the cached {} document of product {} does not inflate ({}): answered from the read table", kind.column(), id, e.getMessage());
                return false;
            }
        }
        varyByEncoding(response);
        response.setHeader(HttpHeaders.ETAG, gzip ? gzipEtag : etag);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        writeJson(response, document.bytes(), document.bodyOffset(), document.bodyLength());
        return true;
    }

    /** A list page: always identity, but caches keep this resource's answers apart by encoding like a document's. */
    void sendList(byte[] body, HttpServletResponse response) throws IOException {
        varyByEncoding(response);
        writeJson(response, body, 0, body.length);
    }

    /**
     * The document from the read table, plain, for a cached copy that is damaged. The table may have moved
     * on from it: to a newer document, or to the product's deletion.
     */
    void sendFromTable(Document kind, long id, HttpServletResponse response) throws IOException {
        varyByEncoding(response);
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
