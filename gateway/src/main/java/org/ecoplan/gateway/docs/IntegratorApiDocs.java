package org.ecoplan.gateway.docs;

import org.ecoplan.gateway.security.KeycloakProperties;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes each service's OpenAPI document, as the gateway publishes it at {@code /v3/api-docs/{service}}, usable
 * by an integrator from the gateway's Swagger UI: the only server is the gateway itself (a service describes
 * its own internal address, which nobody outside can reach), and the document states how to authenticate,
 * with a client-credentials token from Keycloak or a bearer token obtained beforehand. The services do not
 * know Keycloak's public address; the gateway does.
 */
@Component
class IntegratorApiDocs implements GlobalFilter, Ordered {

    static final String CLIENT_CREDENTIALS = "keycloak-client-credentials";

    static final String BEARER = "bearer-token";

    /** The suffix of the routes that publish the services' documents (GatewayRoutes). */
    private static final String API_DOCS_ROUTE = "-api-docs";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayFilter rewrite;

    private final String tokenUrl;

    IntegratorApiDocs(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, KeycloakProperties keycloak) {
        this.tokenUrl = keycloak.openIdConnectEndpoint("token");
        this.rewrite = modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
            .setRewriteFunction(String.class, String.class, this::forIntegrators));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && route.getId().endsWith(API_DOCS_ROUTE)) {
            return rewrite.filter(exchange, chain);
        }
        return chain.filter(exchange);
    }

    /** Before the response is written, as the body can only be rewritten then. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private Mono<String> forIntegrators(ServerWebExchange exchange, String document) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        // A problem answer (service down, breaker open) passes unchanged.
        if (status == null || !status.is2xxSuccessful()) {
            return Mono.justOrEmpty(document);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        }
        catch (JacksonException notJson) {
            return Mono.just(document);
        }
        if (!(tree instanceof ObjectNode openApi) || !openApi.has("openapi")) {
            return Mono.just(document);
        }
        describeAccess(openApi);
        return Mono.just(JSON.writeValueAsString(openApi));
    }

    private void describeAccess(ObjectNode openApi) {
        openApi.putArray("servers")
            .addObject()
            .put("url", "/")
            .put("description", "EcoPlan gateway: the only address integrators call");
        ObjectNode schemes = openApi.withObjectProperty("components").withObjectProperty("securitySchemes");
        ObjectNode clientCredentials = schemes.putObject(CLIENT_CREDENTIALS)
            .put("type", "oauth2")
            .put("description", """
                    OAuth 2.0 client credentials (RFC 6749 §4.4) with the client id and secret the bureau issued \
                    to your system in Keycloak. POST grant_type=client_credentials to the token URL with the \
                    client id and secret as HTTP Basic credentials, for example
                    `curl -u CLIENT_ID:CLIENT_SECRET -d grant_type=client_credentials %s`,
                    then send the access_token as `Authorization: Bearer ...`. Tokens live 5 minutes; ask for a \
                    new one rather than refreshing. Your client's roles (integrator-read, integrator-write) \
                    decide which calls succeed.""".formatted(tokenUrl));
        clientCredentials.putObject("flows").putObject("clientCredentials").put("tokenUrl", tokenUrl)
            .putObject("scopes");
        schemes.putObject(BEARER)
            .put("type", "http")
            .put("scheme", "bearer")
            .put("bearerFormat", "JWT")
            .put("description", "An access token obtained from Keycloak beforehand, pasted as it is.");
        // Either scheme will do; every operation needs one of them unless the service says otherwise.
        var security = openApi.putArray("security");
        security.addObject().putArray(CLIENT_CREDENTIALS);
        security.addObject().putArray(BEARER);
    }
}
