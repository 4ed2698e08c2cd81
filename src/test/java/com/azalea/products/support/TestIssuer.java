package com.azalea.products.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' identity provider: key pairs of its own (RS256 and ES256), its OpenID configuration and JWK
 * set served over HTTP on 127.0.0.1, as a real provider serves them, so the service discovers, fetches and
 * caches the keys itself. One per test JVM; every test context trusts it ({@link Trusted}).
 */
public final class TestIssuer {

    public static final String AUDIENCE = "azalea-products";

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final HttpServer server;
    private final String issuer;
    private final RSAKey rsa;
    private final ECKey ec;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger keySetFetches = new AtomicInteger();

    private TestIssuer() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/azalea";
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server.createContext("/realms/azalea/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer": "%s", "jwks_uri": "%s/keys"}""".formatted(issuer, issuer)));
        server.createContext("/realms/azalea/keys", exchange -> {
            keySetFetches.incrementAndGet();
            answer(exchange, new JWKSet(List.copyOf(published)).toString());
        });
        server.start();
    }

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String issuer() {
        return issuer;
    }

    /** How often the service has fetched the key set. */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** A valid token of this issuer for the service: RS256, an hour long, with the given subject and scopes. */
    public String token(String subject, String scope) {
        return sign(rsa, claims(subject, scope).build());
    }

    /** As {@link #token}, signed with the EC key (ES256). */
    public String ecToken(String subject, String scope) {
        return sign(ec, claims(subject, scope).build());
    }

    /** A token whose claims the test changes from the valid ones. */
    public String token(String subject, String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(rsa, change.apply(claims(subject, scope)).build());
    }

    /** A new RSA key, published in the key set beside the others: a provider's key rotation. */
    public RSAKey rotate(String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            published.add(key.toPublicJWK());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair this issuer has never published, under a key id of the caller's choosing. */
    public static RSAKey unpublished(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWTClaimsSet.Builder claims(String subject, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(AUDIENCE).claim("scope", scope)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    public static String sign(JWK key, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key);
            JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RSA key's public half, as the key set publishes it: what an attacker has. */
    public RSAKey publicRsaKey() {
        return rsa.toPublicJWK();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Makes a context trust this issuer, beside the static token. An initializer, not a dynamic property:
     * Spring Boot decides whether to make a JWT decoder from these properties before such properties exist.
     */
    public static final class Trusted implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        /** A test's property that leaves its context without the issuer. */
        public static final String NONE = "azalea.test.issuer=none";

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if ("none".equals(context.getEnvironment().getProperty("azalea.test.issuer"))) {
                return;
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-issuer", Map.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", get().issuer(),
                    "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE)));
        }
    }
}
