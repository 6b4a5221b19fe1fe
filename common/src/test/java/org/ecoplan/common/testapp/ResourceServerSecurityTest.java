package org.ecoplan.common.testapp;

import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WithTestApplication
class ResourceServerSecurityTest {

    static final String ME = "/api/v1/samples/me";

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Test
    void requestWithoutTokenGets401ProblemWithBearerChallenge() {
        client.get()
            .uri(ME)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401)
            .jsonPath("$.title")
            .isEqualTo("Unauthorized")
            .jsonPath("$.type")
            .isEqualTo("about:blank")
            .jsonPath("$.instance")
            .isEqualTo(ME)
            .jsonPath("$.detail")
            .isNotEmpty();
    }

    /**
     * Through the application context: on the wire the client would not send such a header at all. The firewall
     * checks a header when it is read, as the token's is.
     */
    @ParameterizedTest
    @ValueSource(strings = { "a\u0085b", "a\u0000b", "a\u0378b" })
    void tokenWithControlOrUnassignedCharacterIsRefusedByTheFirewall(String token) {
        WebTestClient.bindToApplicationContext(context)
            .build()
            .get()
            .uri(ME)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(Arguments.of("signed by a foreign key", TestJwts.foreignToken("eco-admin", "eco-admin")),
                Arguments.of("expired", TestJwts.expiredToken("eco-admin", "eco-admin")),
                Arguments.of("from another issuer",
                        TestJwts.token("eco-admin", "eco-admin").issuer("https://evil.example/realms/ecoplan")),
                Arguments.of("meant for another application", TestJwts.token("eco-admin", "eco-admin")
                    .audience("account")),
                Arguments.of("without an audience", TestJwts.token("eco-admin", "eco-admin").audience()));
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("rejectedTokens")
    void rejectedTokenGets401ProblemNamingInvalidToken(String why, TestJwts.Token token) {
        client.get()
            .uri(ME)
            .headers(token.bearer())
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                .startsWith("Bearer error=\"invalid_token\""))
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401)
            .jsonPath("$.detail")
            .isEqualTo("The bearer token is invalid or has expired.");
    }

    @Test
    void garbageBearerTokenGets401() {
        client.get()
            .uri(ME)
            .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void validTokenWithoutPlatformRoleGets403Problem() {
        client.get()
            .uri(ME)
            .headers(TestJwts.token("newcomer", "offline_access", "default-roles-ecoplan").bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403)
            .jsonPath("$.title")
            .isEqualTo("Forbidden")
            .jsonPath("$.instance")
            .isEqualTo(ME);
    }

    static final Iterable<String> PLATFORM_ROLES = PlatformRoles.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("PLATFORM_ROLES")
    void everyPlatformRoleMayCallTheApi(String role) {
        client.get()
            .uri(ME)
            .headers(TestJwts.token("user-" + role, role).bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.fromArgument.roles[0]")
            .isEqualTo(role);
    }

    @Test
    void authenticationPrincipalArgumentAndSecurityContextCarryTheTokenClaims() {
        var token = TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR, "offline_access")
            .department("env")
            .enterpriseId("E-430602-0001")
            .subject("7a0c7f4e-0000-4000-8000-000000000001");
        client.get()
            .uri(ME)
            .headers(token.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.fromArgument.subject")
            .isEqualTo("7a0c7f4e-0000-4000-8000-000000000001")
            .jsonPath("$.fromArgument.username")
            .isEqualTo("env-editor")
            .jsonPath("$.fromArgument.roles.length()")
            .isEqualTo(2)
            .jsonPath("$.fromArgument.department")
            .isEqualTo("env")
            .jsonPath("$.fromArgument.enterpriseId")
            .isEqualTo("E-430602-0001")
            .jsonPath("$.fromContext.username")
            .isEqualTo("env-editor")
            .jsonPath("$.fromContext.subject")
            .isEqualTo("7a0c7f4e-0000-4000-8000-000000000001");
    }

    @Test
    void preAuthorizeAdmitsTheRole() {
        client.get()
            .uri("/api/v1/samples/admin")
            .headers(TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus()
            .isOk();
    }

    /** The one method annotation the services use is the only one looked for on every bean at start-up. */
    @Test
    void preAuthorizeIsTheOnlyMethodRuleApplied() {
        assertThat(context.getBeansOfType(Advisor.class).values())
            .filteredOn(advisor -> advisor.getClass().getName().startsWith("org.springframework.security."))
            .singleElement()
            .isInstanceOf(AuthorizationManagerBeforeReactiveMethodInterceptor.class);
    }

    @Test
    void preAuthorizeRejectsOtherRolesWith403Problem() {
        client.get()
            .uri("/api/v1/samples/admin")
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
    void healthIsOpenWithoutToken(String path) {
        client.get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
    }

    @Test
    void otherActuatorEndpointsNeedAuthentication() {
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pathsOutsideTheApiAreDeniedEvenWithAToken() {
        client.get()
            .uri("/actuator/env")
            .headers(TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noSessionCookieIsIssued() {
        client.get()
            .uri(ME)
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist(HttpHeaders.SET_COOKIE);
    }

    /**
     * Off by default ({@code ObservationDefaults}), Spring Security's observations do not even wrap its filters, and
     * they run without Spring's checkpoint around each ({@code PlainFilterChainDecorator}).
     */
    @Test
    void securityFiltersAreNotWrappedInObservations() {
        assertThat(context.getBean(ObservationRegistry.class).isNoop()).as("observations of other kinds go on")
            .isFalse();
        assertThat(ReflectionTestUtils.getField(context.getBean(WebFilterChainProxy.class), "filterChainDecorator"))
            .isNotInstanceOf(ObservationWebFilterChainDecorator.class)
            .as("nor in a checkpoint each")
            .isNotInstanceOf(WebFilterChainProxy.DefaultWebFilterChainDecorator.class);
    }

    /** Off by default too ({@code ObservationDefaults}): no registry here that anything could read them from. */
    @Test
    void requestsAreNotTimedIntoTheInMemoryRegistry() {
        client.get().uri(ME).exchange().expectStatus().isUnauthorized();

        assertThat(context.getBean(MeterRegistry.class).find("http.server.requests").meters()).isEmpty();
    }
}
