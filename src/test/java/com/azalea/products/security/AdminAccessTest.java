package com.azalea.products.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.catalog.AdminClient;
import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.TestIssuer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Who may call the admin API: JWTs of the tests' issuer (RS256 and ES256, keys fetched from its JWK set)
 * with the right scope, or the static token; every forged, expired, misdirected or malformed token is a
 * 401 problem with {@code WWW-Authenticate}; a token without the scope a 403. The reads ignore whatever
 * {@code Authorization} header they carry, and never pass through the security filter chain.
 */
@IntegrationTest
class AdminAccessTest {

    private static final String QUANTITY = "{\"quantity\": 4}";

    @Value("${local.server.port}")
    int port;

    final TestIssuer issuer = TestIssuer.get();
    AdminClient client;
    long product;
    String skuPath;

    @BeforeEach
    void aProductWithOneSku() {
        client = new AdminClient(port);
        product = created("/admin/products", """
                {"name": "Guarded", "slogan": "Kept", "description": "A scarf.", "category": "Scarves", "default_price": 30}""");
        long style = created("/admin/products/" + product + "/styles", "{\"name\": \"Moss\", \"original_price\": 30, \"default?\": true}");
        skuPath = "/admin/skus/" + created("/admin/styles/" + style + "/skus", "{\"size\": \"M\", \"quantity\": 1}");
    }

    @Test
    void tokensOfTheIssuerWithTheWriteScopeWriteAndTheAuditNamesTheirSubjects() {
        assertThat(patch(issuer.token("warehouse-feed", "catalog:write")).statusCode()).isEqualTo(204);
        assertThat(patch(issuer.ecToken("pricing-job", "openid catalog:write profile")).statusCode()).isEqualTo(204);

        JsonNode entries = client.json(client.admin("GET", "/admin/audit?product_id=" + product + "&count=2", null).body());
        assertThat(entries.valueStream().map(entry -> entry.get("actor").asString())).containsExactly("pricing-job", "warehouse-feed");
        assertThat(entries.get(0).get("operation").asString()).isEqualTo("PATCH /admin/skus/{id}");
    }

    @Test
    void theStaticTokenStaysWithEveryScope() {
        assertThat(patch(IntegrationTest.ADMIN_TOKEN).statusCode()).isEqualTo(204);
        JsonNode entries = client.json(client.admin("GET", "/admin/audit?product_id=" + product + "&count=1", null).body());
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("static-token");
    }

    @Test
    void scopesDecideWhatAValidTokenMayDo() {
        String auditor = issuer.token("auditor", "catalog:audit");
        String feed = issuer.token("feed", "catalog:write");
        String nobody = issuer.token("nobody", "openid profile");

        assertForbidden(patch(auditor), "catalog:write");
        assertForbidden(patch(nobody), "catalog:write");
        assertForbidden(get("/admin/audit", feed), "catalog:audit");
        assertThat(get("/admin/audit?product_id=" + product, auditor).statusCode()).isEqualTo(200);

        // health details for either admin scope; the status alone for any other caller
        assertThat(client.json(get("/actuator/health", auditor).body()).has("components")).isTrue();
        assertThat(client.json(get("/actuator/health", feed).body()).has("components")).isTrue();
        assertThat(client.json(get("/actuator/health", nobody).body()).has("components")).isFalse();
        assertThat(client.json(client.get("/actuator/health").body()).has("components")).isFalse();
    }

    @Test
    void noForgedExpiredMisdirectedOrMalformedTokenIsAccepted() throws JOSEException {
        String valid = issuer.token("mallory", "catalog:write");
        String[] parts = valid.split("\\.");
        Instant now = Instant.now();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired", issuer.token("mallory", "catalog:write",
                claims -> claims.issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(120)))));
        refused.put("not yet valid", issuer.token("mallory", "catalog:write", claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600)))));
        refused.put("another issuer", issuer.token("mallory", "catalog:write", claims -> claims.issuer("http://127.0.0.1:1/realms/other")));
        refused.put("another audience", issuer.token("mallory", "catalog:write", claims -> claims.audience("another-service")));
        refused.put("no audience", issuer.token("mallory", "catalog:write", claims -> claims.audience((String) null)));
        refused.put("signed by another key under the issuer's key id",
                TestIssuer.sign(TestIssuer.unpublished("rsa-1"), issuer.claims("mallory", "catalog:write").build()));
        refused.put("signed by an unknown key", TestIssuer.sign(TestIssuer.unpublished("rsa-unknown"), issuer.claims("mallory", "catalog:write").build()));
        refused.put("re-signed claims: scope raised, signature kept", parts[0] + "."
                + Base64URL.encode(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("catalog:write", "catalog:write catalog:audit"))
                + "." + parts[2]);
        refused.put("alg none", Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        refused.put("HS256 keyed with the issuer's public key", hs256WithPublicKey());
        refused.put("no signature", parts[0] + "." + parts[1] + ".");
        refused.put("not a JWT", "abc.def.ghi");
        refused.put("a wrong static token", IntegrationTest.ADMIN_TOKEN + "x");
        for (var token : refused.entrySet()) {
            HttpResponse<String> response = patch(token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(token.getKey()).get().asString().startsWith("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).as(token.getKey()).hasValue("application/json");
            assertThat(client.json(response.body()).get("status").asInt()).as(token.getKey()).isEqualTo(401);
        }
        for (String authorization : new String[] {"Basic " + Base64URL.encode("admin:admin"), "Bearer", "Bearer " + "x".repeat(8_000) + "!",
                "Bearer " + valid + " " + valid}) {
            HttpResponse<String> response = client.withoutToken("PATCH", skuPath, QUANTITY, authorization);
            assertThat(response.statusCode()).as(authorization.substring(0, Math.min(20, authorization.length()))).isEqualTo(401);
        }
        // larger than a request header may be: Tomcat refuses it before any filter, still not a server error
        assertThat(patch("x".repeat(20_000)).statusCode()).isBetween(400, 499);
        assertThat(client.withoutToken("PATCH", skuPath, QUANTITY, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyTheIssuerPublishesLaterIsFetchedAndUsedAndAnUnknownKeyIdIsStillRefused() {
        String rotated = TestIssuer.sign(issuer.rotate("rsa-" + System.nanoTime()), issuer.claims("after-rotation", "catalog:write").build());
        assertThat(patch(rotated).statusCode()).isEqualTo(204);
        int fetches = issuer.keySetFetches();
        assertThat(patch(TestIssuer.sign(TestIssuer.unpublished("rsa-never"), issuer.claims("mallory", "catalog:write").build())).statusCode())
                .isEqualTo(401);
        assertThat(issuer.keySetFetches()).as("an unknown key id makes the service look at the key set again").isGreaterThan(fetches);
        assertThat(patch(rotated).statusCode()).isEqualTo(204);
    }

    @Test
    void readsIgnoreTheAuthorizationHeaderAndNeverEnterTheSecurityChain() {
        String expired = issuer.token("reader", "", claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
        for (String authorization : new String[] {"Bearer " + expired, "Bearer not-a-token", "Basic " + Base64URL.encode("a:b"), "Bearer " + IntegrationTest.ADMIN_TOKEN}) {
            for (String path : new String[] {"/products/" + product, "/products/" + product + "/styles", "/products/" + product + "/related",
                    "/products?count=2"}) {
                HttpResponse<String> read = client.get(path, "Authorization", authorization);
                assertThat(read.statusCode()).as(path + " with " + authorization.substring(0, 10)).isEqualTo(200);
                // the chain's header writer marks every answer it handles; a read's answer has none of its headers
                assertThat(read.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
                assertThat(read.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            }
        }
        assertThat(client.admin("GET", "/admin/audit", null).headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theResourceMetadataNamesTheScopes() {
        JsonNode metadata = client.json(client.get("/.well-known/oauth-protected-resource").body());
        assertThat(metadata.get("scopes_supported").valueStream().map(JsonNode::asString)).containsExactly("catalog:write", "catalog:audit");
        assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo(issuer.issuer());
    }

    private String hs256WithPublicKey() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), issuer.claims("mallory", "catalog:write").build());
        jwt.sign(new MACSigner(issuer.publicRsaKey().toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private void assertForbidden(HttpResponse<String> response, String scope) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("insufficient_scope");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(client.json(response.body()).get("detail").asString()).endsWith(scope);
    }

    private HttpResponse<String> patch(String token) {
        return client.withoutToken("PATCH", skuPath, QUANTITY, "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String token) {
        return client.get(path, "Authorization", "Bearer " + token);
    }

    private long created(String path, String body) {
        HttpResponse<String> response = client.admin("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.json(response.body()).get("id").asLong();
    }
}
