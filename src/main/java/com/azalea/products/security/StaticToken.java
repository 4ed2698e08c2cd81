package com.azalea.products.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The static admin token ({@code azalea.admin.token}) as a Spring Security authentication: a bearer token
 * equal to it is the caller {@value #ACTOR}, with every admin scope. The comparison is of SHA-256
 * digests, in constant time, so neither the token's content nor its length shows in the time it takes.
 * Any other token is left to the next provider (the JWT decoder, when an issuer is configured).
 */
final class StaticToken implements AuthenticationProvider {

    static final String ACTOR = "static-token";

    private final byte[] expected;

    StaticToken(String token) {
        this.expected = digest(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!MessageDigest.isEqual(expected, digest(presented))) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                List.of(new SimpleGrantedAuthority(Scopes.authority(Scopes.WRITE)), new SimpleGrantedAuthority(Scopes.authority(Scopes.AUDIT))));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
