package org.ecoplan.gateway.security;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.common.security.KeycloakJwtAuthenticationConverter;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.security.ProblemJsonAccessDeniedHandler;
import org.ecoplan.common.security.ProblemJsonAuthenticationEntryPoint;
import org.ecoplan.common.security.StatelessResourceServer;
import org.ecoplan.common.web.ProblemDetailWriter;
import org.ecoplan.gateway.session.MeController;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Two ways in, one rule set. Integrators send bearer JWTs and get a stateless chain; browsers log in through
 * Keycloak and carry a session cookie. Either way {@code /api/**} needs at least one platform role (401 without
 * authentication, 403 with no platform role; never a login redirect) and the gateway answers in problem+json.
 * The services check the token again themselves; this is the first of two gates, not the only one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The portal and what it asks before anyone logs in, the probes, the services' published API docs and the
     * Swagger UI showing them, and the public list of filed emergency plans, which the rules require the bureau
     * to publish.
     */
    private static final String[] PUBLIC_PATHS = { "/", "/index.html", "/assets/**", "/favicon.ico",
            "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            MeController.PATH, "/api/v1/emergency-plans/public" };

    /**
     * {@code ecoplan.security.public-paths}, as the services have it: more API paths open without login, none by
     * default. The benchmark opens a cheap read this way to measure the gateway with and without a token.
     */
    private static final String PUBLIC_API_PATHS = "${ecoplan.security.public-paths:}";

    private static final String API_PATHS = "/api/**";

    private static final String LOGIN_ENTRY = "/oauth2/authorization/" + KeycloakClientConfiguration.REGISTRATION_ID;

    /**
     * Requests that carry a bearer token. They never touch the session: a token sent with a session cookie still
     * stands or falls alone, and needs no CSRF protection because the browser does not attach it by itself.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain bearerTokenFilterChain(ServerHttpSecurity http,
            KeycloakJwtAuthenticationConverter tokenConverter, ServerCodecConfigurer codecs,
            KeycloakProperties keycloak, @Value(PUBLIC_API_PATHS) String[] publicApiPaths) {
        return StatelessResourceServer.configure(http.securityMatcher(SecurityConfiguration::hasBearerToken),
                tokenConverter, codecs)
            .authorizeExchange(exchanges -> authorizeRequests(exchanges, publicApiPaths))
            .headers(headers -> SecurityHeaders.configure(headers, keycloak.url()))
            // No CORS: the portal is served from the gateway's own origin, integrators call from servers.
            .cors(ServerHttpSecurity.CorsSpec::disable)
            .build();
    }

    /**
     * Everything else: the browser's session. Its user's roles come from the access token (see
     * {@code AccessTokenOidcUserService}), so a session user passes {@code /api/**} exactly when their token
     * would.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain browserSessionFilterChain(ServerHttpSecurity http,
            ReactiveClientRegistrationRepository clientRegistrations, ServerCodecConfigurer codecs,
            KeycloakProperties keycloak, WebSessionIdResolver sessionIds,
            @Value(PUBLIC_API_PATHS) String[] publicApiPaths) {
        ProblemDetailWriter problems = new ProblemDetailWriter(codecs);
        ProblemJsonAccessDeniedHandler forbidden = new ProblemJsonAccessDeniedHandler(problems);
        return http
            .securityContextRepository(new ExistingSessionSecurityContextRepository(sessionIds))
            .authorizeExchange(exchanges -> authorizeRequests(
                    exchanges.pathMatchers("/login/**", "/oauth2/**").permitAll(), publicApiPaths))
            .oauth2Login(login -> login
                // The portal tells the user; Spring's generated English login page would be a dead end here.
                .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?login=failed")))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(apiOrLoginEntryPoint(new ProblemJsonAuthenticationEntryPoint(problems)))
                .accessDeniedHandler(forbidden))
            .csrf(csrf -> csrf
                // The portal's script reads the token from the XSRF-TOKEN cookie and echoes it in X-XSRF-TOKEN.
                .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                // Unmasked: the script sends the cookie's value as it is. Masking guards tokens rendered into
                // compressed pages (BREACH); this token never appears in a response body.
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(SecurityConfiguration::writeWithCookies)
                .accessDeniedHandler(csrfRejected(problems)))
            .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
            .logout(logout -> logout
                // Drops the tokens kept in the session along with the session itself.
                .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                .logoutSuccessHandler(keycloakLogout(clientRegistrations)))
            .headers(headers -> SecurityHeaders.configure(headers, keycloak.url()))
            .cors(ServerHttpSecurity.CorsSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .build();
    }

    private static AuthorizeExchangeSpec authorizeRequests(AuthorizeExchangeSpec exchanges,
            String[] publicApiPaths) {
        return exchanges
            // Reached only by the circuit breakers' forward, which does not pass the security filters.
            .pathMatchers("/fallback/**")
            .denyAll()
            // Reads only: what is public here is never written, and a write sent there must meet the login check.
            .pathMatchers(HttpMethod.GET, publicPaths(publicApiPaths))
            .permitAll()
            .pathMatchers(HttpMethod.HEAD, publicPaths(publicApiPaths))
            .permitAll()
            .pathMatchers(API_PATHS)
            .hasAnyRole(PlatformRoles.ALL.toArray(String[]::new))
            .anyExchange()
            .authenticated();
    }

    private static String[] publicPaths(String[] publicApiPaths) {
        return Stream.concat(Stream.of(PUBLIC_PATHS), Stream.of(publicApiPaths)).toArray(String[]::new);
    }

    private static Mono<MatchResult> hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // RFC 6750: the scheme name is case-insensitive.
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return bearer ? MatchResult.match() : MatchResult.notMatch();
    }

    /**
     * A forged cross-site request rides on the cookies the browser attaches to it. A write without any cookie has no
     * session to abuse: it is simply unauthenticated and gets the API's 401, as the service itself would answer,
     * rather than a CSRF 403 (authorization/matrix.csv holds for both).
     */
    private static Mono<MatchResult> writeWithCookies(ServerWebExchange exchange) {
        return CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)
            .flatMap(write -> write.isMatch() && !exchange.getRequest().getCookies().isEmpty() ? MatchResult.match()
                    : MatchResult.notMatch());
    }

    /** API clients get a 401 they can act on; a browser navigating anywhere else goes to Keycloak's login. */
    private static DelegatingServerAuthenticationEntryPoint apiOrLoginEntryPoint(
            ProblemJsonAuthenticationEntryPoint api) {
        ServerWebExchangeMatcher apiRequests = new PathPatternParserServerWebExchangeMatcher(API_PATHS);
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                List.of(new DelegateEntry(apiRequests, api)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_ENTRY));
        return entryPoint;
    }

    private static ServerAccessDeniedHandler csrfRejected(ProblemDetailWriter problems) {
        return (exchange, denied) -> problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The request lacks a valid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN "
                        + "header."));
    }

    /** Ends the Keycloak session too (RP-initiated logout), then comes back to the portal's start page. */
    private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(
            ReactiveClientRegistrationRepository clientRegistrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
                clientRegistrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }
}
