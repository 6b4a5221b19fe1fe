package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of WireMock stand-ins for Keycloak and the three services, its browser
 * sessions in a fresh embedded MongoDB database. The stand-ins
 * live as long as the JVM, so every test class extending this shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "15s")
@Import(MongoTestConfiguration.class)
abstract class GatewayTestSupport {

    static final KeycloakStub KEYCLOAK = new KeycloakStub();

    static final WireMockServer INDICATOR_SERVICE = started();

    static final WireMockServer PROJECT_SERVICE = started();

    static final WireMockServer RISK_SERVICE = started();

    /**
     * Short, so the timeout tests stay quick, yet above what a route's first, cold request may take on a busy
     * 2-core build machine (2.5 s was not); well above Resilience4j's 1 s default time limit.
     */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(4);

    /** Opened without login by {@code ecoplan.security.public-paths}, as the benchmark opens its read. */
    static final String OPENED_PATH = "/api/v1/risk-sources/opened-by-configuration";

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        stubProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Where the stand-ins are: what any further gateway replica a test starts needs as well. */
    static Map<String, Object> stubProperties() {
        return Map.of("ecoplan.keycloak.url", KEYCLOAK.url(), "ecoplan.keycloak.client-secret",
                KeycloakStub.CLIENT_SECRET, "ecoplan.routes.indicator", INDICATOR_SERVICE.baseUrl(),
                "ecoplan.routes.project", PROJECT_SERVICE.baseUrl(), "ecoplan.routes.risk", RISK_SERVICE.baseUrl(),
                "ecoplan.resilience.response-timeout", RESPONSE_TIMEOUT.toMillis() + "ms",
                "ecoplan.security.public-paths", OPENED_PATH);
    }

    @BeforeEach
    void forgetDownstreamCalls() {
        for (WireMockServer service : List.of(INDICATOR_SERVICE, PROJECT_SERVICE, RISK_SERVICE)) {
            service.resetAll();
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
