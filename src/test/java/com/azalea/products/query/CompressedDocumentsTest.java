package com.azalea.products.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.projection.Document;
import com.azalea.products.projection.Projector;
import com.azalea.products.projection.StoredProduct;
import com.azalea.products.projection.ReadModelVerifier;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RedisBytes;
import com.azalea.products.support.TestCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents stored gzip-compressed where that pays: sent as stored to clients that accept gzip, inflated
 * for the others, each representation with its own ETag; over real HTTP, Redis and PostgreSQL.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressedDocumentsTest {

    private static final String GZIP = "gzip";

    @Autowired
    TestCatalog catalog;
    @Autowired
    Projector projector;
    @Autowired
    ReadModelVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    NearCache near;
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    /** The product with the most styles: its styles document compresses well. */
    long product;

    @BeforeAll
    void loadAndProject(@TempDir Path dir) throws IOException {
        catalog.loadAndProject(dir, 0.001, 5);
        product = jdbc.sql("SELECT product_id FROM styles GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 1")
                .query(Long.class).single();
    }

    @Test
    void stylesGoAsStoredGzipToAClientThatAcceptsItAndAsJsonToOthers() throws Exception {
        String path = "/products/" + product + "/styles";
        HttpResponse<byte[]> identity = get(path, null);
        HttpResponse<byte[]> gzip = get(path, GZIP);

        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(json.readTree(identity.body()).get("product_id").asString()).isEqualTo(Long.toString(product));
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue(GZIP);
        assertThat(gzip.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(gzip.body().length).as("smaller than the JSON").isLessThan(identity.body().length);
        assertThat(inflate(gzip.body())).isEqualTo(identity.body());
        assertThat(gzip.body()).as("the stored bytes, as they are").isEqualTo(storedBody(Document.STYLES));
        for (HttpResponse<byte[]> response : List.of(identity, gzip)) {
            assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        }
        String etag = identity.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9]+-[0-9a-f]{32}\"");
        assertThat(gzip.headers().firstValue("ETag")).hasValue(etag.substring(0, etag.length() - 1) + "-gzip\"");
    }

    @Test
    void eitherRepresentationsEtagGetsNotModifiedWhateverTheClientAccepts() throws Exception {
        for (String path : List.of("/products/" + product, "/products/" + product + "/styles")) {
            String identityEtag = get(path, null).headers().firstValue("ETag").orElseThrow();
            String gzipEtag = get(path, GZIP).headers().firstValue("ETag").orElseThrow();
            assertThat(gzipEtag).as(path).isNotEqualTo(identityEtag);
            for (String held : List.of(identityEtag, gzipEtag, "\"stale\", " + gzipEtag, "*")) {
                HttpResponse<byte[]> identity = get(path, null, held);
                HttpResponse<byte[]> gzip = get(path, GZIP, held);
                assertThat(identity.statusCode()).as("%s holding %s", path, held).isEqualTo(304);
                assertThat(identity.headers().firstValue("ETag")).hasValue(identityEtag);
                assertThat(gzip.statusCode()).as("%s holding %s, gzip", path, held).isEqualTo(304);
                assertThat(gzip.headers().firstValue("ETag")).hasValue(gzipEtag);
                assertThat(gzip.body()).isEmpty();
                assertThat(gzip.headers().allValues("Vary")).contains("Accept-Encoding");
            }
            assertThat(get(path, GZIP, "\"stale\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDocumentThatGzipWouldGrowIsStoredAndSentAsJsonToEveryClient() throws Exception {
        String path = "/products/" + product + "/related";
        HttpResponse<byte[]> identity = get(path, null);
        HttpResponse<byte[]> gzip = get(path, GZIP);

        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.body()).isEqualTo(identity.body()).isEqualTo(storedBody(Document.RELATED));
        assertThat(json.readTree(gzip.body()).isArray()).isTrue();
        assertThat(gzip.headers().firstValue("ETag")).isEqualTo(identity.headers().firstValue("ETag"));
        assertThat(gzip.headers().allValues("Vary")).contains("Accept-Encoding");
    }

    @Test
    void theListIsJsonForEveryClientAndVariesByEncoding() throws Exception {
        HttpResponse<byte[]> identity = get("/products?count=20", null);
        HttpResponse<byte[]> gzip = get("/products?count=20", GZIP);

        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.body()).isEqualTo(identity.body());
        assertThat(json.readTree(gzip.body())).hasSize(20);
        assertThat(gzip.headers().allValues("Vary")).contains("Accept-Encoding");
        assertThat(identity.headers().allValues("Vary")).contains("Accept-Encoding");
    }

    @Test
    void headAnswersTheHeadersOfEachRepresentationWithoutABody() throws Exception {
        String path = "/products/" + product + "/styles";
        for (String acceptEncoding : Arrays.asList(null, GZIP)) {
            HttpResponse<byte[]> got = get(path, acceptEncoding);
            HttpRequest.Builder head = HttpRequest.newBuilder(uri(path)).HEAD();
            if (acceptEncoding != null) {
                head.header("Accept-Encoding", acceptEncoding);
            }
            HttpResponse<byte[]> headed = http.send(head.build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(headed.statusCode()).as(acceptEncoding).isEqualTo(200);
            assertThat(headed.body()).isEmpty();
            assertThat(headed.headers().firstValueAsLong("Content-Length")).as(acceptEncoding).hasValue(got.body().length);
            for (String header : List.of("ETag", "Content-Encoding", "Vary", "Content-Type")) {
                assertThat(headed.headers().allValues(header)).as("%s, %s", header, acceptEncoding).isEqualTo(got.headers().allValues(header));
            }
        }
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip | true", "x-gzip | true", "GZip | true", "deflate, gzip;q=0.5 | true", "br ,  gzip ; q=0.8 | true", "gzip;q=1.000 | true",
            "* | true", "*;q=0.1 | true", "br;q=1, identity | false", "identity | false", "gzip;q=0 | false", "gzip;q=0.000 | false",
            "*;q=0 | false", "*, gzip;q=0 | false", "gzip;q=0, * | false", "gzip;q=x | false", "gzip;q=1.5 | false", "gzip;q= | false",
            "gzip;q=0.12345 | false", "';;;,,,q=;*;' | false", "gzipped | false", "'' | false"})
    void acceptEncodingSelectsTheRepresentationAndNeverFails(String acceptEncoding, boolean gzip) throws Exception {
        HttpResponse<byte[]> response = get("/products/" + product + "/styles", acceptEncoding);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding").isPresent()).isEqualTo(gzip);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag.endsWith("-gzip\"")).isEqualTo(gzip);
    }

    @Test
    void redisHoldsStylesCompressedAndRelatedAsJsonAndARefillStoresTheSameBytes() throws Exception {
        byte[] projected = RedisBytes.get(redis, product);
        assertThat(storedBody(Document.STYLES)).startsWith(0x1f, 0x8b);
        assertThat(inflate(storedBody(Document.STYLES))).isEqualTo(tableBody("styles"));
        assertThat(inflate(storedBody(Document.PRODUCT))).isEqualTo(tableBody("product"));
        assertThat(storedBody(Document.RELATED)).isEqualTo(tableBody("related")).startsWith('[');

        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        near.clear(); // as a restart of Redis would empty it
        assertThat(get("/products/" + product + "/styles", GZIP).headers().firstValue("Content-Encoding"))
                .as("a miss read from the table is sent compressed too").hasValue(GZIP);

        assertThat(RedisBytes.get(redis, product)).as("the refill").isEqualTo(projected);
        projector.project(product);
        assertThat(RedisBytes.get(redis, product)).as("a reprojection").isEqualTo(projected);
    }

    /** Compression off (azalea.projection.compress-documents=false, the A/B's setting): the same documents, each stored as its JSON. */
    @Test
    void withCompressionOffEveryDocumentIsStoredAsItsJson() throws Exception {
        byte[][] columns = jdbc.sql("""
                SELECT cached_document(version, product), cached_document(version, styles), cached_document(version, related)
                FROM product_documents WHERE product_id = ?
                """).param(product).query((rs, row) -> new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)}).single();
        long version = jdbc.sql("SELECT version FROM product_documents WHERE product_id = ?").param(product).query(Long.class).single();
        byte[] compressed = StoredProduct.encode(version, true, columns);
        byte[] plain = StoredProduct.encode(version, false, columns);
        assertThat(plain.length).isGreaterThan(compressed.length);
        for (Document document : Document.values()) {
            assertThat(StoredProduct.cachedDocument(plain, document)).as(document.name()).isEqualTo(StoredProduct.cachedDocument(compressed, document));
            assertThat(storedBody(RedisBytes.document(plain, document))).as(document.name()).isEqualTo(tableBody(document.column()));
        }
    }

    /** Values stored before documents were compressed stay valid: no migration. */
    @Test
    void aDocumentStoredAsJsonIsStillServedAndIsNoDrift() throws Exception {
        byte[] projected = RedisBytes.get(redis, product);
        byte[] plain = RedisBytes.uncompressed(jdbc.sql("SELECT cached_document(version, product) FROM product_documents WHERE product_id = ?")
                .param(product).query(String.class).single());
        assertThat(RedisBytes.document(projected, Document.PRODUCT)).as("compressed by the projection").isNotEqualTo(plain);
        RedisBytes.set(redis, product, RedisBytes.withDocument(projected, Document.PRODUCT, plain));
        try {
            HttpResponse<byte[]> gzip = get("/products/" + product, GZIP);
            assertThat(gzip.statusCode()).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(gzip.body()).isEqualTo(inflate(storedBody(RedisBytes.document(projected, Document.PRODUCT))));
            assertThat(verifier.verify(false).drifting()).isFalse();
        } finally {
            RedisBytes.set(redis, product, projected);
        }
    }

    /** A damaged value is drift for verify to repair; meanwhile a client that needs it inflated gets the read table's JSON, not a 500. */
    @Test
    void aCompressedValueThatDoesNotInflateIsAnsweredFromTheReadTable() throws Exception {
        String etag = get("/products/" + product + "/styles", null).headers().firstValue("ETag").orElseThrow();
        byte[] projected = damageStyles();
        try {
            HttpResponse<byte[]> identity = get("/products/" + product + "/styles", null);
            assertThat(identity.statusCode()).isEqualTo(200);
            assertThat(identity.body()).isEqualTo(tableBody("styles"));
            assertThat(identity.headers().firstValue("ETag")).hasValue(etag);
        } finally {
            RedisBytes.set(redis, product, projected);
        }
    }

    /** ... and when the read table no longer holds the product (deleted since), the answer is its 404, not an empty 200. */
    @Test
    void aDamagedValueOfAProductTheReadTableNoLongerHoldsIsA404() throws Exception {
        damageStyles();
        jdbc.sql("DELETE FROM product_documents WHERE product_id = ?").param(product).update();
        try {
            HttpResponse<byte[]> identity = get("/products/" + product + "/styles", null);
            assertThat(identity.statusCode()).isEqualTo(404);
            assertThat(identity.headers().firstValue("ETag")).isEmpty();
            assertThat(json.readTree(identity.body()).path("status").asInt()).isEqualTo(404);
        } finally {
            projector.project(product); // the row and the Redis value again
        }
    }

    /** Damages the compressed styles document in Redis (inside the deflate stream, before the trailer); returns the value as projected. */
    private byte[] damageStyles() {
        byte[] projected = RedisBytes.get(redis, product);
        byte[] damaged = RedisBytes.document(projected, Document.STYLES);
        damaged[damaged.length - 12] ^= 0x55;
        RedisBytes.set(redis, product, RedisBytes.withDocument(projected, Document.STYLES, damaged));
        return projected;
    }

    private byte[] tableBody(String column) {
        return jdbc.sql("SELECT " + column + "::text FROM product_documents WHERE product_id = ?").param(product).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The stored document's body: the bytes after its digest. */
    private byte[] storedBody(Document document) {
        return storedBody(RedisBytes.document(redis, product, document));
    }

    private static byte[] storedBody(byte[] storedDocument) {
        return RedisBytes.body(storedDocument);
    }

    /** Inflated by the JDK's own gzip reader; JSON as it is. */
    private static byte[] inflate(byte[] body) throws IOException {
        if (body[0] != 0x1f) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        return get(path, acceptEncoding, null);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
