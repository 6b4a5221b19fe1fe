package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** What an integrator finds at the gateway: one Swagger UI and every service's document, ready to try. */
class IntegratorDocsTest extends GatewayTestSupport {

    private static final String SERVICE_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"project-service","version":"v1"},
             "servers":[{"url":"http://10.0.3.7:8082","description":"Generated server url"}],
             "paths":{"/api/v1/projects":{"get":{"operationId":"list"}}}}""";

    @Test
    void swaggerUiListsEveryServicesDocumentAndTheGateways() {
        client.get()
            .uri("/v3/api-docs/gateway/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.urls[*].url")
            .value(urls -> assertThat(urls).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("/v3/api-docs/indicator-service", "/v3/api-docs/project-service",
                        "/v3/api-docs/risk-service", "/v3/api-docs/gateway"));
    }

    @Test
    void swaggerUiIsOpenToAnonymousBrowsersAndHasNoInlineScript() {
        client.get()
            .uri("/swagger-ui.html")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/swagger-ui/index.html"));

        String page = client.get()
            .uri("/swagger-ui/index.html")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(page).contains("swagger-initializer.js").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void serviceDocumentPointsAtTheGatewayAndDescribesTheClientCredentialsFlow() {
        PROJECT_SERVICE.stubFor(get("/v3/api-docs").willReturn(okJson(SERVICE_DOCUMENT)));

        client.get()
            .uri("/v3/api-docs/project-service")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/v1/projects'].get.operationId")
            .isEqualTo("list")
            .jsonPath("$.servers.length()")
            .isEqualTo(1)
            .jsonPath("$.servers[0].url")
            .isEqualTo("/")
            .jsonPath("$.components.securitySchemes.keycloak-client-credentials.type")
            .isEqualTo("oauth2")
            .jsonPath("$.components.securitySchemes.keycloak-client-credentials.flows.clientCredentials.tokenUrl")
            .isEqualTo(KEYCLOAK.url() + "/realms/ecoplan/protocol/openid-connect/token")
            .jsonPath("$.components.securitySchemes.keycloak-client-credentials.description")
            .value(description -> assertThat(description).asString().contains("grant_type=client_credentials"))
            .jsonPath("$.components.securitySchemes.bearer-token.scheme")
            .isEqualTo("bearer")
            .jsonPath("$.security.length()")
            .isEqualTo(2);
    }

    @Test
    void aFailingServiceDocumentIsPassedOnUnchangedAsAProblem() {
        RISK_SERVICE.stubFor(get("/v3/api-docs").willReturn(serverError()));

        client.get()
            .uri("/v3/api-docs/risk-service")
            .exchange()
            .expectStatus()
            .is5xxServerError()
            .expectBody()
            .jsonPath("$.components")
            .doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/fallback/project-service", "/actuator/env" })
    void gatewayDocumentListsOnlyTheApi(String internalPath) {
        client.get()
            .uri("/v3/api-docs/gateway")
            .accept(MediaType.APPLICATION_JSON)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['" + internalPath + "']")
            .doesNotExist();
    }
}
