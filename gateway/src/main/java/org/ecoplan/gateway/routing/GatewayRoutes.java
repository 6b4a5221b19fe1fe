package org.ecoplan.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The route table, in code rather than under {@code spring.cloud.gateway.server.webflux.routes}: Spring Cloud
 * Gateway 5 ignores route keys under their old names without a word, while a route built here cannot vanish
 * through a renamed property, and its targets are validated {@link RouteProperties}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouteLocator ecoplanRoutes(RouteLocatorBuilder builder, RouteProperties targets) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Downstream service : Downstream.values()) {
            routes.route(service.serviceId(), route -> route.path(service.apiPaths())
                .filters(filters -> guarded(service,
                        // A browser session's access token; bearer-token requests pass through unchanged.
                        filters.tokenRelay()))
                .uri(service.uri(targets)));
            routes.route(service.serviceId() + "-api-docs", route -> route.path(service.apiDocsPath())
                .filters(filters -> guarded(service, filters.setPath("/v3/api-docs")))
                .uri(service.uri(targets)));
        }
        return routes.build();
    }

    /**
     * The session cookie authenticates the browser to the gateway only; services get the token, never the
     * cookie. The breaker comes last so it measures the service alone, not a token refresh at Keycloak, and one
     * breaker per service is shared by its API and API-doc routes because both fail together.
     */
    private static GatewayFilterSpec guarded(Downstream service, GatewayFilterSpec filters) {
        return filters.removeRequestHeader(HttpHeaders.COOKIE)
            .circuitBreaker(breaker -> breaker.setName(service.serviceId())
                .setFallbackUri("forward:" + ServiceUnavailableFallback.PATH + service.serviceId()));
    }
}
