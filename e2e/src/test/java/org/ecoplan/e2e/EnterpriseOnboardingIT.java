package org.ecoplan.e2e;

import org.ecoplan.common.testing.ApiClient;
import org.ecoplan.common.testing.ApiClient.Body;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.MatrixFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise onboarding against the real Keycloak: the bureau registers an enterprise's contacts through the
 * gateway, risk-service makes their accounts through Keycloak's Admin REST API, and what the bureau takes away
 * (the enterprise, or one of its contacts) is disabled there. Keycloak is checked by its own admin API, signed in as
 * the platform's master admin.
 */
@ExtendWith(TestPlatform.Resolver.class)
class EnterpriseOnboardingIT {

    /** The onboarding looks for pending accounts every 10 s; Keycloak and the services share two busy cores. */
    private static final Duration ONBOARDED_WITHIN = Duration.ofSeconds(120);

    private static final String ENTERPRISES = "/api/v1/enterprises";

    private static ApiClient gateway;
    private static Keycloak admin;

    @BeforeAll
    static void usePlatform(TestPlatform platform) {
        gateway = platform.api();
        admin = Keycloak.getInstance(platform.settings().keycloakUrl(), "master",
                platform.settings().keycloakAdminUser(), platform.settings().keycloakAdminPassword(), "admin-cli");
    }

    @AfterAll
    static void signOut() {
        admin.close();
    }

    @Test
    void aRegisteredContactGetsAnEnterpriseAccountThatDisablingTheEnterpriseDisables() {
        String phone = phone();
        String id = register(contact("王五", phone));
        String username = username(id, phone);

        assertThat(awaitAccount(id, username, "ACTIVE").get("userId").asString()).isNotBlank();
        UserRepresentation user = user(username);
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getAttributes()).containsEntry("enterprise_id", List.of(id));
        assertThat(user.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(realmRoles(user)).contains("enterprise").doesNotContain("eco-admin", "bureau-editor");

        change(Identity.ECO_ADMIN, id, "{\"active\": false}");

        awaitAccount(id, username, "DISABLED");
        assertThat(user(username).isEnabled()).isFalse();
    }

    @Test
    void aContactTheBureauRemovesHasItsAccountDisabledAndTheOthersKeepTheirs() {
        String leaving = phone();
        String staying = phone();
        String id = register(contact("赵六", leaving) + ", " + contact("钱七", staying));
        awaitAccount(id, username(id, leaving), "ACTIVE");
        awaitAccount(id, username(id, staying), "ACTIVE");

        // The supervising department's editor replaces the list: the contact left the enterprise.
        change(Identity.BUREAU_EDITOR_OWN, id, "{\"contacts\": [" + contact("钱七", staying) + "]}");

        awaitAccount(id, username(id, leaving), "DISABLED");
        assertThat(user(username(id, leaving)).isEnabled()).isFalse();
        assertThat(awaitAccount(id, username(id, staying), "ACTIVE")).isNotNull();
        assertThat(user(username(id, staying)).isEnabled()).isTrue();
    }

    /** eco-admin registers an enterprise of department env with these contacts; answers its id. */
    private static String register(String contacts) {
        String draft = """
                {"name": {"zh": "岳阳市开户端到端测试有限公司", "en": "Onboarding e2e Co., Ltd."}, "creditCode": "%s",
                 "address": "湖南省岳阳市岳阳楼区港兴路1号", "location": {"longitude": 113.176, "latitude": 29.446},
                 "industry": {"code": "C2614", "name": "有机化学原料制造"}, "contacts": [%s],
                 "supervisingDepartment": "env", "keySupervision": false}
                """.formatted(MatrixFixtures.creditCode(), contacts);
        return gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, ENTERPRISES, null, Body.json(draft))
                .json().get("id").asString();
    }

    private static void change(Identity who, String id, String json) {
        String path = ENTERPRISES + "/" + id;
        gateway.expect(200, who, HttpMethod.PATCH, path, gateway.get(who, path).eTag(), Body.json(json));
    }

    /** Keycloak refuses a second user with the same e-mail address: every contact gets its own. */
    private static String contact(String name, String phone) {
        return "{\"name\": \"%s\", \"phone\": \"%s\", \"email\": \"c%s@onboarding.example.org\"}"
                .formatted(name, phone, phone);
    }

    private static String phone() {
        return "139" + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String username(String enterpriseId, String phone) {
        return enterpriseId.toLowerCase(Locale.ROOT) + "." + phone;
    }

    /** Waits until the enterprise shows the account in that state; answers the account. */
    private static JsonNode awaitAccount(String id, String username, String status) {
        Instant deadline = Instant.now().plus(ONBOARDED_WITHIN);
        JsonNode account = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode accounts = gateway.get(Identity.ECO_ADMIN, ENTERPRISES + "/" + id).json().get("accounts");
            account = StreamSupport.stream(accounts.spliterator(), false)
                    .filter(a -> a.get("username").asString().equals(username))
                    .findFirst().orElse(null);
            if (account != null && account.get("accountStatus").asString().equals(status)) {
                return account;
            }
            ApiClient.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("account " + username + " of " + id + " not " + status + " within "
                + ONBOARDED_WITHIN + "; last seen: " + account);
    }

    private static UserRepresentation user(String username) {
        List<UserRepresentation> found = admin.realm("ecoplan").users().search(username, true);
        assertThat(found).as("Keycloak users named %s", username).hasSize(1);
        return found.get(0);
    }

    private static List<String> realmRoles(UserRepresentation user) {
        UserResource resource = admin.realm("ecoplan").users().get(user.getId());
        return resource.roles().realmLevel().listEffective().stream().map(RoleRepresentation::getName).toList();
    }
}
