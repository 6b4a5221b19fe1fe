package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.ecoplan.common.security.PlatformRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayTestSupport {

    private static final Map<String, WireMockServer> SERVICES = Map.of("indicator-service", INDICATOR_SERVICE,
            "project-service", PROJECT_SERVICE, "risk-service", RISK_SERVICE);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/indicators?size=1,                     indicator-service",
            "/api/v1/indicators/PM25-GOOD-DAYS,             indicator-service",
            "/api/v1/air-quality/daily?date=2025-06-01,     indicator-service",
            "/api/v1/water-quality/sections,                indicator-service",
            "/api/v1/projects,                              project-service",
            "/api/v1/projects/XM-001/progress,              project-service",
            "/api/v1/enterprises/E-430602-0001,             risk-service",
            "/api/v1/risk-sources,                          risk-service",
            "/api/v1/risk-assessments,                      risk-service",
            "/api/v1/receptors,                             risk-service",
            "/api/v1/emergency-plans/2025-001/documents,    risk-service",
            "/api/v1/calendar/working-days,                 risk-service" })
    void apiPrefixReachesItsServiceWithTheCallersToken(String uri, String service) {
        SERVICES.values().forEach(server -> server.stubFor(any(anyUrl()).willReturn(okJson("{\"served\":true}"))));
        String token = KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode();

        client.get()
            .uri(uri)
            .headers(headers -> headers.setBearerAuth(token))
            .cookie("SESSION", "not-for-services")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.served")
            .isEqualTo(true);

        SERVICES.forEach((name, server) -> server.verify(name.equals(service) ? 1 : 0, anyRequestedFor(anyUrl())));
        SERVICES.get(service)
            .verify(getRequestedFor(urlEqualTo(uri)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
                .withHeader(HttpHeaders.COOKIE, absent()));
    }

    @Test
    void unknownApiPathAnswersNotFoundAsProblem() {
        client.get()
            .uri("/api/v1/no-such-thing")
            .headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        SERVICES.values().forEach(server -> server.verify(0, anyRequestedFor(anyUrl())));
    }

    @Test
    void serviceSlowerThanOneSecondButWithinTheResponseTimeoutIsNotCutOff() {
        INDICATOR_SERVICE.stubFor(get(urlPathMatching("/api/v1/indicators.*"))
            .willReturn(okJson("{\"total\":42}").withFixedDelay(1_500)));

        client.get()
            .uri("/api/v1/indicators?size=1")
            .headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.total")
            .isEqualTo(42);
    }

    @Test
    void serviceSlowerThanTheResponseTimeoutAnswersGatewayTimeoutAsProblem() {
        INDICATOR_SERVICE.stubFor(get(urlPathMatching("/api/v1/indicators.*"))
            .willReturn(okJson("{\"total\":42}").withFixedDelay(6_000)));
        long start = System.nanoTime();

        client.get()
            .uri("/api/v1/indicators?size=1")
            .headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(504)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(504)
            .jsonPath("$.instance")
            .isEqualTo("/api/v1/indicators")
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains("indicator-service"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("RoutingTest: 504 after %d ms; the response timeout is %s%n", waited.toMillis(),
                RESPONSE_TIMEOUT);
        assertThat(waited).as("never before the response timeout").isGreaterThanOrEqualTo(RESPONSE_TIMEOUT);
    }
}
