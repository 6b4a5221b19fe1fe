package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApiSecurityTest extends GatewayTestSupport {

    private static final String INDICATORS = "/api/v1/indicators?size=1";

    static Stream<String> platformRoles() {
        return PlatformRoles.ALL.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("platformRoles")
    void everyPlatformRoleReachesTheApi(String role) {
        INDICATOR_SERVICE.stubFor(get(urlPathMatching("/api/v1/indicators")).willReturn(okJson("{\"total\":1}")));

        client.get().uri(INDICATORS).headers(KEYCLOAK.token("user", role).bearer()).exchange().expectStatus().isOk();
    }

    @Test
    void requestWithoutTokenGetsUnauthorizedProblemNotALoginRedirect() {
        expectUnauthorized(client.get().uri(INDICATORS).accept(MediaType.TEXT_HTML).exchange())
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void writeWithoutTokenOrCookieGetsUnauthorizedNotACsrfRejection() {
        expectUnauthorized(client.post().uri("/api/v1/indicators").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange());
        INDICATOR_SERVICE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() {
        TestJwts.Token foreign = TestJwts.foreignToken("intruder", PlatformRoles.ECO_ADMIN).issuer(KEYCLOAK.issuer());

        expectInvalidToken(withToken(foreign.bearer()));
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthorized() {
        TestJwts.Token otherRealm = KEYCLOAK.token("intruder", PlatformRoles.ECO_ADMIN)
            .issuer(KEYCLOAK.url() + "/realms/master");

        expectInvalidToken(withToken(otherRealm.bearer()));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        TestJwts.Token otherAudience = KEYCLOAK.token("intruder", PlatformRoles.ECO_ADMIN).claim("aud", "account");

        expectInvalidToken(withToken(otherAudience.bearer()));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        TestJwts.Token expired = TestJwts.expiredToken("viewer", PlatformRoles.BUREAU_VIEWER).issuer(KEYCLOAK.issuer());

        expectInvalidToken(withToken(expired.bearer()));
    }

    @Test
    void tokenWithoutAnyPlatformRoleIsForbiddenAsProblem() {
        client.get()
            .uri(INDICATORS)
            .headers(KEYCLOAK.token("newcomer", "default-roles-ecoplan", "offline_access").bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403);
        INDICATOR_SERVICE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPathOpenedByConfigurationNeedsNoTokenButStillRefusesABadOne() {
        RISK_SERVICE.stubFor(get(urlPathMatching(OPENED_PATH)).willReturn(okJson("{}")));

        client.get().uri(OPENED_PATH).exchange().expectStatus().isOk();
        client.get().uri(OPENED_PATH).headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange().expectStatus().isOk();
        client.get().uri(OPENED_PATH)
            .headers(TestJwts.expiredToken("viewer", PlatformRoles.BUREAU_VIEWER).issuer(KEYCLOAK.issuer()).bearer())
            .exchange().expectStatus().isUnauthorized();
        RISK_SERVICE.verify(2, getRequestedFor(urlPathMatching(OPENED_PATH)));
    }

    @Test
    void meIsAnonymousWithoutCredentials() {
        client.get().uri("/api/v1/me").exchange().expectStatus().isOk().expectBody().json("""
                {"authenticated": false}""", true);
    }

    @Test
    void meDescribesTheBearerTokensUserWithPlatformRolesOnly() {
        client.get()
            .uri("/api/v1/me")
            .headers(KEYCLOAK.token("env-editor", PlatformRoles.BUREAU_EDITOR, "default-roles-ecoplan")
                .department("env")
                .bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("""
                    {"authenticated": true, "username": "env-editor", "roles": ["bureau-editor"],
                     "department": "env"}""", true);
    }

    @Test
    void meNamesTheEnterpriseOfAnEnterpriseAccount() {
        client.get()
            .uri("/api/v1/me")
            .headers(KEYCLOAK.token("enterprise-a", PlatformRoles.ENTERPRISE).enterpriseId("E-430602-0001").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("""
                    {"authenticated": true, "username": "enterprise-a", "roles": ["enterprise"],
                     "enterpriseId": "E-430602-0001"}""", true);
    }

    @Test
    void fallbackPathIsNotReachableFromOutside() {
        client.get()
            .uri("/fallback/indicator-service")
            .headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void gatewayNeverAskedKeycloakForItsDiscoveryDocument() {
        // The journal spans the whole context's life, start-up included.
        assertThat(KEYCLOAK.server().findAll(anyRequestedFor(urlPathMatching(".*/\\.well-known/.*")))).isEmpty();
    }

    private WebTestClient.ResponseSpec withToken(Consumer<HttpHeaders> bearer) {
        return client.get().uri(INDICATORS).headers(bearer).exchange();
    }

    private void expectInvalidToken(WebTestClient.ResponseSpec response) {
        expectUnauthorized(response).expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    private WebTestClient.ResponseSpec expectUnauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401)
            .jsonPath("$.instance")
            .isEqualTo("/api/v1/indicators");
        INDICATOR_SERVICE.verify(0, anyRequestedFor(anyUrl()));
        return response;
    }
}
