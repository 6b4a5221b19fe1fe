package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.ecoplan.common.security.PlatformRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class OverviewTest extends GatewayTestSupport {

    private static final String OVERVIEW = "/api/v1/overview";

    private static final String INDICATORS = "/api/v1/indicators/summary";

    private static final String PORTFOLIO = "/api/v1/projects/portfolio";

    private static final String PLANS = "/api/v1/emergency-plans/summary";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { PlatformRoles.ECO_ADMIN, PlatformRoles.BUREAU_VIEWER, PlatformRoles.PLAN_REVIEWER,
            PlatformRoles.INTEGRATOR_READ })
    void everyServiceUpGivesEveryPartWithTheCallersTokenRelayed(String role) {
        INDICATOR_SERVICE.stubFor(get(INDICATORS).willReturn(okJson("{\"binding\":12}")));
        PROJECT_SERVICE.stubFor(get(PORTFOLIO).willReturn(okJson("{\"projects\":43}")));
        RISK_SERVICE.stubFor(get(PLANS).willReturn(okJson("{\"filed\":7}")));
        String token = KEYCLOAK.token("reader", role).encode();

        overview(headers -> headers.setBearerAuth(token)).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.indicators.binding")
            .isEqualTo(12)
            .jsonPath("$.projects.projects")
            .isEqualTo(43)
            .jsonPath("$.emergencyPlans.filed")
            .isEqualTo(7);

        for (var call : List.of(new Call(INDICATOR_SERVICE, INDICATORS), new Call(PROJECT_SERVICE, PORTFOLIO),
                new Call(RISK_SERVICE, PLANS))) {
            call.server()
                .verify(getRequestedFor(urlEqualTo(call.path())).withHeader(HttpHeaders.AUTHORIZATION,
                        equalTo("Bearer " + token)));
        }
    }

    @Test
    void downAndSlowServicesAreMarkedWhileTheHealthyOneAnswersWithinTheBudget() {
        INDICATOR_SERVICE.stubFor(get(INDICATORS).willReturn(okJson("{\"binding\":12}")));
        PROJECT_SERVICE.stubFor(get(PORTFOLIO).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RISK_SERVICE.stubFor(get(PLANS).willReturn(okJson("{\"filed\":7}").withFixedDelay(2_400)));

        long start = System.nanoTime();
        overview(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer()).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.indicators.binding")
            .isEqualTo(12)
            .jsonPath("$.projects.unavailable")
            .isEqualTo(true)
            .jsonPath("$.projects.reason")
            .isEqualTo("project-service is unreachable")
            .jsonPath("$.emergencyPlans.unavailable")
            .isEqualTo(true)
            .jsonPath("$.emergencyPlans.reason")
            .isEqualTo("risk-service did not answer within 1500 ms");

        // 1.5 s budget plus the machine's noise, well short of the slow service's 2.4 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_300));
    }

    @Test
    void serviceRefusingTheCallerIsMarkedWithItsStatus() {
        INDICATOR_SERVICE.stubFor(get(INDICATORS).willReturn(okJson("{\"binding\":12}")));
        PROJECT_SERVICE.stubFor(get(PORTFOLIO).willReturn(okJson("{\"projects\":43}")));
        RISK_SERVICE.stubFor(get(PLANS).willReturn(aResponse().withStatus(403)));

        overview(KEYCLOAK.token("enterprise-user", PlatformRoles.ENTERPRISE).claim("enterprise_id", "E-1").bearer())
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.projects.projects")
            .isEqualTo(43)
            .jsonPath("$.emergencyPlans.reason")
            .isEqualTo("risk-service answered 403");
    }

    @Test
    void withoutTokenAnswersUnauthorizedAndCallsNoService() {
        overview(headers -> { }).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        noServiceCalled();
    }

    @Test
    void tokenWithoutPlatformRoleIsForbiddenAndCallsNoService() {
        overview(KEYCLOAK.token("stranger", "offline_access").bearer()).expectStatus()
            .isForbidden();
        noServiceCalled();
    }

    private ResponseSpec overview(Consumer<HttpHeaders> caller) {
        return client.get().uri(OVERVIEW).headers(caller).exchange();
    }

    private static void noServiceCalled() {
        for (WireMockServer server : List.of(INDICATOR_SERVICE, PROJECT_SERVICE, RISK_SERVICE)) {
            server.verify(0, anyRequestedFor(anyUrl()));
        }
    }

    private record Call(WireMockServer server, String path) {
    }
}
