package org.ecoplan.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The services behind the gateway and the API prefixes each one owns (DESIGN.md, "API"). A new prefix is added
 * here in the same change that adds its endpoint.
 */
public enum Downstream {

    INDICATOR("indicator-service", RouteProperties::indicator, "/api/v1/indicators/**", "/api/v1/air-quality/**",
            "/api/v1/water-quality/**"),

    PROJECT("project-service", RouteProperties::project, "/api/v1/projects/**"),

    RISK("risk-service", RouteProperties::risk, "/api/v1/enterprises/**", "/api/v1/risk-sources/**",
            "/api/v1/risk-assessments/**", "/api/v1/receptors/**", "/api/v1/emergency-plans/**",
            "/api/v1/calendar/**");

    private final String serviceId;

    private final Function<RouteProperties, URI> location;

    private final List<String> apiPaths;

    Downstream(String serviceId, Function<RouteProperties, URI> location, String... apiPaths) {
        this.serviceId = serviceId;
        this.location = location;
        this.apiPaths = List.of(apiPaths);
    }

    /** The service's name: route id, circuit-breaker name and the last segment of its API-doc path. */
    public String serviceId() {
        return serviceId;
    }

    public URI uri(RouteProperties routes) {
        return location.apply(routes);
    }

    String[] apiPaths() {
        return apiPaths.toArray(String[]::new);
    }

    /** Where the gateway publishes the service's OpenAPI document, which the service serves at /v3/api-docs. */
    String apiDocsPath() {
        return "/v3/api-docs/" + serviceId;
    }
}
