package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.ecoplan.common.security.PlatformRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every service and MongoDB down: nothing listens where the routes and the session store point, so each
 * connection is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ServiceUnavailableTest {

    private static final KeycloakStub KEYCLOAK = new KeycloakStub();

    private static final String NOBODY_LISTENING = "http://localhost:" + closedPort();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        KEYCLOAK.registerProperties(registry);
        registry.add("ecoplan.routes.indicator", () -> NOBODY_LISTENING);
        registry.add("ecoplan.routes.project", () -> NOBODY_LISTENING);
        registry.add("ecoplan.routes.risk", () -> NOBODY_LISTENING);
        registry.add("spring.mongodb.uri", () -> "mongodb://localhost:" + closedPort() + "/ecoplan-gateway");
    }

    @Test
    void bearerCallsNeedNoSessionStore() {
        client.get()
            .uri("/api/v1/me")
            .headers(KEYCLOAK.token("integrator", PlatformRoles.INTEGRATOR_READ).bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.authenticated")
            .isEqualTo(true);
    }

    @Test
    void visitorWithoutASessionNeedsNoSessionStore() {
        client.get()
            .uri("/api/v1/me")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("""
                    {"authenticated": false}""", true);
    }

    @Test
    void readinessIgnoresTheSessionStore() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void browserWithASessionAnswersServiceUnavailableWhileTheStoreIsDown() {
        // The status matters here, not the speed: the store timeout plus a busy build machine.
        client.mutate()
            .responseTimeout(Duration.ofSeconds(30))
            .build()
            .get()
            .uri("/api/v1/me")
            .cookie("SESSION", "a-session-kept-in-mongodb")
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "5")
            .expectBody()
            .jsonPath("$.instance")
            .isEqualTo("/api/v1/me");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/v1/indicators,             indicator-service",
            "POST,   /api/v1/projects,               project-service",
            "DELETE, /api/v1/emergency-plans/P-1,    risk-service",
            "GET,    /v3/api-docs/risk-service,      risk-service" })
    void serviceDownAnswersServiceUnavailableAsProblem(HttpMethod method, String path, String service) {
        client.method(method)
            .uri(path)
            .headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.instance")
            .isEqualTo(path)
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains(service));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
