package com.azalea.products.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API's refusals as problem details in {@code application/json}, like every other error of the
 * service. The {@code WWW-Authenticate} header is Spring Security's (RFC 6750: {@code error="invalid_token"},
 * {@code "insufficient_scope"}); this class adds the body.
 */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler insufficientScope = new BearerTokenAccessDeniedHandler();
    private final String noCredentials;

    /** @param configured whether a static token or an issuer is configured: without either, the admin API is off */
    ProblemAnswers(boolean configured) {
        this.noCredentials = configured ? "a valid bearer token is required"
                : "the admin API is disabled: configure azalea.admin.token or a JWT issuer (spring.security.oauth2.resourceserver.jwt)";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal) throws IOException {
        challenge.commence(request, response, refusal);
        String presented = request.getHeader("Authorization");
        write(response, HttpStatus.UNAUTHORIZED, presented == null ? noCredentials : "the bearer token was not accepted");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal) throws IOException {
        insufficientScope.handle(request, response, refusal);
        write(response, HttpStatus.FORBIDDEN, "the token lacks the scope this request needs: "
                + (request.getRequestURI().startsWith("/admin/audit") ? Scopes.AUDIT : Scopes.WRITE));
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
