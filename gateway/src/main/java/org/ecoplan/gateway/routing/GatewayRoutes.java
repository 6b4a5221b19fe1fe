package org.ecoplan.gateway.routing;

import java.io.IOException;
import java.util.Set;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The route table, in code rather than under {@code spring.cloud.gateway.server.webflux.routes}: Spring Cloud
 * Gateway 5 ignores route keys under their old names without a word, while a route built here cannot vanish
 * through a renamed property, and its targets are validated {@link RouteProperties}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    /** A service's answers that open its breaker like refused connections and timeouts do. */
    private static final Set<String> SERVICE_FAILURES = Set.of("500", "502", "503", "504");

    @Bean
    RouteLocator ecoplanRoutes(RouteLocatorBuilder builder, RouteProperties targets, ResilienceProperties resilience,
            RouteTimeLimit timeLimit) {
        ResilienceProperties.Retry retry = resilience.retry();
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Downstream service : Downstream.values()) {
            routes.route(service.serviceId(), route -> route.path(service.apiPaths())
                .filters(filters -> guarded(service, retry, timeLimit,
                        // A browser session's access token; bearer-token requests pass through unchanged.
                        filters.tokenRelay()))
                .uri(service.uri(targets)));
            routes.route(service.serviceId() + "-api-docs", route -> route.path(service.apiDocsPath())
                .filters(filters -> guarded(service, retry, timeLimit, filters.setPath("/v3/api-docs")))
                .uri(service.uri(targets)));
        }
        return routes.build();
    }

    /**
     * The session cookie authenticates the browser to the gateway only; services get the token, never the
     * cookie. The breaker comes last so it measures the service alone, not a token refresh at Keycloak, and one
     * breaker per service is shared by its API and API-doc routes because both fail together. Retries run inside
     * the breaker and the route's time limit: the breaker counts one call per client request, the limit bounds
     * the retries too. A service that answers but fails (5xx) is as broken as one that does not answer, so those
     * count as failures as well; a 4xx is the client's mistake and counts as a success.
     */
    private static GatewayFilterSpec guarded(Downstream service, ResilienceProperties.Retry retry,
            RouteTimeLimit timeLimit, GatewayFilterSpec filters) {
        GatewayFilterSpec breaker = filters.removeRequestHeader(HttpHeaders.COOKIE)
            .circuitBreaker(config -> config.setName(service.serviceId())
                .setStatusCodes(SERVICE_FAILURES)
                .setFallbackUri("forward:" + ServiceUnavailableFallback.PATH + service.serviceId()))
            .filter(timeLimit);
        return retry.retries() == 0 ? breaker : breaker.retry(config -> retryIdempotentReads(config, retry));
    }

    /**
     * Only GETs: a POST whose connection broke may have been applied already. Retried are failed connections
     * and a service answering that it is briefly unavailable; never a response timeout (the request may still
     * be running) nor any other error the service chose to give.
     */
    private static void retryIdempotentReads(RetryGatewayFilterFactory.RetryConfig config,
            ResilienceProperties.Retry retry) {
        config.setRetries(retry.retries())
            .setMethods(HttpMethod.GET)
            .setSeries()
            .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
            .setExceptions(IOException.class)
            .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, true);
    }
}
