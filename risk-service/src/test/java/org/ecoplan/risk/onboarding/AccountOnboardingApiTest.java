package org.ecoplan.risk.onboarding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.risk.RiskServiceTest;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.EnterpriseAccount;
import org.ecoplan.risk.enterprise.EnterpriseAccount.AccountStatus;
import org.ecoplan.risk.enterprise.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The onboarding against WireMock standing in for Keycloak's token endpoint and Admin REST API. */
@RiskServiceTest
class AccountOnboardingApiTest {

    private static final WireMockServer KEYCLOAK = new WireMockServer(options().dynamicPort());

    private static final String USERS = "/admin/realms/ecoplan/users";

    static {
        KEYCLOAK.start();
    }

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("ecoplan.onboarding.keycloak.url", KEYCLOAK::baseUrl);
        registry.add("ecoplan.onboarding.keycloak.client-secret", () -> "test-secret");
        // Generous: the admin client's first call loads and initialises RESTEasy, on a build machine under load.
        registry.add("ecoplan.onboarding.keycloak.timeout", () -> "10s");
        registry.add("ecoplan.onboarding.initial-backoff", () -> "5s");
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop();
    }

    @Autowired
    private WebTestClient client;

    @Autowired
    private AccountOnboarding onboarding;

    @Autowired
    private TestClock clock;

    @Autowired
    private ReactiveMongoTemplate template;

    @BeforeEach
    void keycloakUp() {
        KEYCLOAK.resetAll();
        onboarding.breaker().reset();
        KEYCLOAK.stubFor(post(urlPathEqualTo("/realms/ecoplan/protocol/openid-connect/token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .willReturn(okJson("{\"access_token\": \"admin-token\", \"token_type\": \"Bearer\","
                    + " \"expires_in\": 300}")));
        KEYCLOAK.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("[]")));
        KEYCLOAK.stubFor(get(urlPathEqualTo("/admin/realms/ecoplan/roles/enterprise"))
            .willReturn(okJson("{\"id\": \"role-1\", \"name\": \"enterprise\"}")));
        KEYCLOAK.stubFor(post(urlPathMatching(
                USERS + "/[^/]+/role-mappings/realm")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void keycloakUpMakesTheUserWithRoleAttributeAndRequiredActions() {
        String id = register();
        String username = username(id);
        KEYCLOAK.stubFor(created(username, "user-1"));

        EnterpriseAccount account = account(onboarding.attempt(id).block());

        assertThat(account.accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.userId()).isEqualTo("user-1");
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS))
            .withRequestBody(matchingJsonPath("$.username", equalTo(username)))
            .withRequestBody(matchingJsonPath("$.enabled", equalTo("true")))
            .withRequestBody(equalToJson("{\"attributes\": {\"enterprise_id\": [\"" + id + "\"]},"
                    + " \"requiredActions\": [\"UPDATE_PASSWORD\", \"VERIFY_EMAIL\"]}", true, true)));
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS + "/user-1/role-mappings/realm"))
            .withRequestBody(matchingJsonPath("$[0].name", equalTo("enterprise"))));
    }

    @Test
    void serverErrorsKeepTheAccountPendingUntilKeycloakIsBackWithOneCreate() {
        String id = register();
        String username = username(id);
        KEYCLOAK.stubFor(post(urlPathEqualTo(USERS)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        KEYCLOAK.stubFor(created(username, "user-2").inScenario("outage").whenScenarioStateIs("back"));

        EnterpriseAccount pending = account(onboarding.attempt(id).block());
        assertThat(pending.accountStatus()).isEqualTo(AccountStatus.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("503");
        assertThat(accountStatusShown(id)).isEqualTo("PENDING");

        // Not due before the backoff has passed.
        assertThat(onboarding.attempt(id).block()).isNotNull();
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS)));

        KEYCLOAK.setScenarioState("outage", "back");
        clock.advance(Duration.ofSeconds(5));
        EnterpriseAccount active = account(onboarding.attempt(id).block());

        assertThat(active.accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(active.attempts()).isZero();
        assertThat(active.lastError()).isNull();
        assertThat(accountStatusShown(id)).isEqualTo("ACTIVE");
        // The refused create and the one that made the user; the role is granted to that one user only.
        KEYCLOAK.verify(2, postRequestedFor(urlPathEqualTo(USERS))
            .withRequestBody(matchingJsonPath("$.username", equalTo(username)))
            .withHeader("Authorization", equalTo("Bearer admin-token")));
        KEYCLOAK.verify(1, postRequestedFor(urlPathMatching(USERS + "/[^/]+/role-mappings/realm")));
    }

    @Test
    void aSlowKeycloakCountsAsDown() {
        String id = register();
        KEYCLOAK.stubFor(created(username(id), "user-3").willReturn(aResponse().withStatus(201)
            .withHeader("Location", KEYCLOAK.baseUrl() + USERS + "/user-3").withFixedDelay(12_000)));

        EnterpriseAccount account = account(onboarding.attempt(id).block());

        assertThat(account.accountStatus()).isEqualTo(AccountStatus.PENDING);
        assertThat(account.lastError()).isNotBlank();
    }

    @Test
    void aRetryAfterALostAnswerFindsTheUserItMade() {
        String id = register();
        String username = username(id);
        // The user is made, but the answer never arrives: the connection is dropped.
        KEYCLOAK.stubFor(post(urlPathEqualTo(USERS)).willReturn(aResponse()
            .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(account(onboarding.attempt(id).block()).accountStatus()).isEqualTo(AccountStatus.PENDING);

        KEYCLOAK.stubFor(found(username, "user-4", true));
        clock.advance(Duration.ofSeconds(5));
        EnterpriseAccount account = account(onboarding.attempt(id).block());

        assertThat(account.accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.userId()).isEqualTo("user-4");
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS + "/user-4/role-mappings/realm")));
    }

    @Test
    void deactivatingTheEnterpriseDisablesItsUsersAndOnlyEcoAdminMayDoIt() {
        String id = register();
        String username = username(id);
        Enterprise made = onboarded(id, "user-5");
        String etag = "\"" + made.version() + "\"";

        deactivate(id, Fixtures.editor("env"), etag).expectStatus().isForbidden();
        deactivate(id, Fixtures.enterprise(id), etag).expectStatus().isForbidden();
        deactivate(id, Fixtures.admin(), etag).expectStatus().isOk();
        assertThat(accountStatusShown(id)).isEqualTo("PENDING");

        KEYCLOAK.stubFor(found(username, "user-5", true));
        KEYCLOAK.stubFor(put(urlPathEqualTo(USERS + "/user-5")).willReturn(aResponse().withStatus(204)));
        EnterpriseAccount disabled = account(onboarding.attempt(id).block());

        assertThat(disabled.accountStatus()).isEqualTo(AccountStatus.DISABLED);
        KEYCLOAK.verify(1, putRequestedFor(urlPathEqualTo(USERS + "/user-5"))
            .withRequestBody(matchingJsonPath("$.enabled", equalTo("false"))));
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void removingAContactDisablesItsUserOnceKeycloakIsBackAndOnboardsTheNewOne() {
        String id = register();
        String removed = username(id);
        String added = id.toLowerCase() + ".13807305678";
        Enterprise made = onboarded(id, "user-6");

        // The env editor replaces the contact list while Keycloak is down.
        client.patch().uri(Fixtures.ENTERPRISES + "/" + id).headers(Fixtures.editor("env"))
            .header(HttpHeaders.IF_MATCH, "\"" + made.version() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"contacts\": [{\"name\": \"李四\", \"phone\": \"138-0730-5678\"}]}")
            .exchange()
            .expectStatus().isOk();
        KEYCLOAK.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(503)));
        KEYCLOAK.stubFor(post(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(503)));

        Enterprise waiting = onboarding.attempt(id).block();
        assertThat(waiting.accounts()).extracting(EnterpriseAccount::username, EnterpriseAccount::accountStatus,
                EnterpriseAccount::attempts)
            .containsExactly(tuple(removed, AccountStatus.PENDING, 1), tuple(added, AccountStatus.PENDING, 1));

        KEYCLOAK.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("[]")));
        KEYCLOAK.stubFor(found(removed, "user-6", true));
        KEYCLOAK.stubFor(put(urlPathEqualTo(USERS + "/user-6")).willReturn(aResponse().withStatus(204)));
        KEYCLOAK.stubFor(created(added, "user-7"));
        clock.advance(Duration.ofSeconds(5));
        Enterprise done = onboarding.attempt(id).block();

        assertThat(done.accounts()).extracting(EnterpriseAccount::username, EnterpriseAccount::accountStatus)
            .containsExactly(tuple(removed, AccountStatus.DISABLED), tuple(added, AccountStatus.ACTIVE));
        KEYCLOAK.verify(1, putRequestedFor(urlPathEqualTo(USERS + "/user-6"))
            .withRequestBody(matchingJsonPath("$.enabled", equalTo("false"))));
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS))
            .withRequestBody(matchingJsonPath("$.username", equalTo(added))));
    }

    @Test
    void aContactAddedBackHasItsDisabledUserEnabledAgain() {
        String id = register();
        String username = username(id);
        onboarded(id, "user-8");
        String contacts = "{\"contacts\": %s}";
        replaceContacts(id, contacts.formatted("[]"));
        KEYCLOAK.stubFor(found(username, "user-8", true));
        KEYCLOAK.stubFor(put(urlPathEqualTo(USERS + "/user-8")).willReturn(aResponse().withStatus(204)));
        assertThat(account(onboarding.attempt(id).block()).accountStatus()).isEqualTo(AccountStatus.DISABLED);

        Enterprise back = replaceContacts(id, contacts.formatted(
                "[{\"name\": \"张三\", \"phone\": \"13807301234\"}]"));
        assertThat(account(back).accountStatus()).isEqualTo(AccountStatus.PENDING);
        KEYCLOAK.stubFor(found(username, "user-8", false));
        EnterpriseAccount enabled = account(onboarding.attempt(id).block());

        assertThat(enabled.accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        KEYCLOAK.verify(1, putRequestedFor(urlPathEqualTo(USERS + "/user-8"))
            .withRequestBody(matchingJsonPath("$.enabled", equalTo("true"))));
        KEYCLOAK.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
    }

    /** eco-admin replaces the contact list; answers the enterprise as stored then. */
    private Enterprise replaceContacts(String id, String body) {
        client.patch().uri(Fixtures.ENTERPRISES + "/" + id).headers(Fixtures.admin())
            .header(HttpHeaders.IF_MATCH, "\"" + stored(id).version() + "\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange()
            .expectStatus().isOk();
        return stored(id);
    }

    private Enterprise stored(String id) {
        return template.findById(id, Enterprise.class).block();
    }

    private WebTestClient.ResponseSpec deactivate(String id, Consumer<HttpHeaders> token, String etag) {
        return client.patch().uri(Fixtures.ENTERPRISES + "/" + id).headers(token).header(HttpHeaders.IF_MATCH, etag)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"active\": false}")
            .exchange();
    }

    private String register() {
        return Fixtures.register(client, "岳阳市开户测试有限公司").get("id").asString();
    }

    private static String username(String enterpriseId) {
        return enterpriseId.toLowerCase() + ".13807301234";
    }

    private static MappingBuilder created(String username, String userId) {
        return post(urlPathEqualTo(USERS)).withRequestBody(matchingJsonPath("$.username", equalTo(username)))
            .willReturn(aResponse().withStatus(201).withHeader("Location", KEYCLOAK.baseUrl() + USERS + "/" + userId));
    }

    /** Keycloak finds the user of that username, enabled or not. */
    private static MappingBuilder found(String username, String userId, boolean enabled) {
        return get(urlPathEqualTo(USERS)).withQueryParam("username", equalTo(username))
            .willReturn(okJson("[{\"id\": \"" + userId + "\", \"username\": \"" + username + "\", \"enabled\": "
                    + enabled + "}]"));
    }

    /** The enterprise once its first contact's account has been made in Keycloak as {@code userId}. */
    private Enterprise onboarded(String id, String userId) {
        KEYCLOAK.stubFor(created(username(id), userId));
        Enterprise made = onboarding.attempt(id).block();
        assertThat(account(made).accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        return made;
    }

    private static EnterpriseAccount account(Enterprise enterprise) {
        assertThat(enterprise.accounts()).hasSize(1);
        return enterprise.accounts().get(0);
    }

    private String accountStatusShown(String id) {
        JsonNode shown = Fixtures.read(client, Fixtures.ENTERPRISES + "/" + id, Fixtures.admin());
        return shown.at("/accounts/0/accountStatus").asString();
    }
}
