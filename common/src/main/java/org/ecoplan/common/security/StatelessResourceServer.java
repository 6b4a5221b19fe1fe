package org.ecoplan.common.security;

import org.ecoplan.common.web.ProblemDetailWriter;

import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * A security chain for requests that bring a Keycloak bearer token, as every service and the gateway's API chain
 * want it: the token is validated and mapped by {@link KeycloakJwtAuthenticationConverter}, a missing or bad one is
 * a 401 and a lacking role a 403, both problem+json, and nothing else lets anyone in. Which requests the chain
 * serves and which roles it wants are the caller's.
 */
public final class StatelessResourceServer {

    private StatelessResourceServer() {
    }

    /** {@code http}, configured; add the authorization rules and build it. */
    public static ServerHttpSecurity configure(ServerHttpSecurity http, KeycloakJwtAuthenticationConverter converter,
            ServerCodecConfigurer codecs) {
        ProblemDetailWriter problems = new ProblemDetailWriter(codecs);
        ProblemJsonAuthenticationEntryPoint unauthorized = new ProblemJsonAuthenticationEntryPoint(problems);
        ProblemJsonAccessDeniedHandler forbidden = new ProblemJsonAccessDeniedHandler(problems);
        return http
            .oauth2ResourceServer(resourceServer -> resourceServer
                .bearerTokenConverter(new BearerTokenHeader())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden))
            // Stateless: every request brings its token, and nothing a second replica would need stays here.
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            // No cookie authenticates anything, so there is no cross-site request to forge.
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable);
    }
}
