package com.azalea.products.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Who may call the admin API and the actuator: Spring Security, as an OAuth2 resource server. A bearer
 * token is the static token ({@link StaticToken}) or a JWT from the issuer configured with Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties; either or both. Writes need the scope
 * {@code catalog:write}, the audit trail {@code catalog:audit}; the actuator stays open, its health details
 * shown to either scope ({@code management.endpoint.health.roles}).
 *
 * <p>The security filter is registered on {@code /admin/*}, {@code /actuator/*} and the resource's metadata
 * alone, in place of Spring Boot's registration on every path (excluded in {@code application.yml}): the
 * public reads never enter it, whatever {@code Authorization} header a front-end sends them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminSecurity {

    private static final String FILTER = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
    /** RFC 9728: where a client learns which issuer and scopes the admin API takes (the 401s point to it). */
    private static final String METADATA = "/.well-known/oauth-protected-resource";

    @Bean
    DelegatingFilterProxyRegistrationBean adminSecurityFilterRegistration() {
        var registration = new DelegatingFilterProxyRegistrationBean(FILTER);
        registration.addUrlPatterns("/admin/*", "/actuator/*", METADATA);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        return registration;
    }

    /**
     * No observation per filter, authentication or authorization: with the actuator's registry present,
     * they took a tenth of the JVM's CPU under admin writes (a JFR profile); {@code http.server.requests}
     * still times every admin request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain adminSecurityFilterChain(HttpSecurity http, AdminProperties properties, ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<JwtAuthenticationConverter> jwtConverter, @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (properties.hasToken()) {
            providers.add(new StaticToken(properties.token()));
        }
        jwtDecoder.ifAvailable(decoder -> {
            var jwt = new JwtAuthenticationProvider(decoder);
            jwtConverter.ifAvailable(jwt::setJwtAuthenticationConverter);
            providers.add(jwt);
        });
        AuthenticationManager tokens = tokens(providers, jwtDecoder.getIfAvailable() != null);
        ProblemAnswers answers = new ProblemAnswers(!providers.isEmpty());
        http.securityMatcher("/admin/**", "/actuator/**", METADATA)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/admin/audit", "/admin/audit/").hasAuthority(Scopes.authority(Scopes.AUDIT))
                        .requestMatchers("/admin/**").hasAuthority(Scopes.authority(Scopes.WRITE))
                        .requestMatchers("/actuator/**", METADATA).permitAll())
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint(answers).accessDeniedHandler(answers)
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(described -> {
                            described.scope(Scopes.WRITE).scope(Scopes.AUDIT);
                            if (!issuer.isEmpty()) {
                                described.authorizationServer(issuer);
                            }
                        })))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                // bearer tokens only: no session, no cookie, so nothing for CSRF to protect; CORS is answered before (AdminCors)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterAfter(new AdminBodyLimit(properties.maxBodySize().toBytes(), properties.maxBulkBodySize().toBytes()),
                        AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Who a bearer token is: the first provider that knows it. With an issuer, its decoder's refusal
     * (expired, bad signature...) is the one the caller sees; without one, a token no provider knows is refused.
     */
    private static AuthenticationManager tokens(List<AuthenticationProvider> providers, boolean withIssuer) {
        AuthenticationManager refuse = token -> {
            throw new InvalidBearerTokenException("the bearer token is not accepted");
        };
        if (providers.isEmpty()) {
            return refuse;
        }
        return withIssuer ? new ProviderManager(providers) : new ProviderManager(providers, refuse);
    }
}
