package org.ecoplan.auth.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.ecoplan.auth.provision.RealmDefinition.Client;
import org.ecoplan.auth.provision.RealmDefinition.ClientScope;
import org.ecoplan.auth.provision.RealmDefinition.Group;
import org.ecoplan.auth.provision.RealmDefinition.Profile;
import org.ecoplan.auth.provision.RealmDefinition.ProtocolMapper;
import org.ecoplan.auth.provision.RealmDefinition.RequiredAction;
import org.ecoplan.auth.provision.RealmDefinition.Role;
import org.ecoplan.auth.provision.RealmDefinition.User;

class RealmDefinitionTest {

    /** The realm roles of the contract, as org.ecoplan.common.security.PlatformRoles lists them. */
    private static final List<String> PLATFORM_ROLES = List.of("eco-admin", "bureau-editor", "bureau-viewer",
            "plan-reviewer", "enterprise", "integrator-read", "integrator-write");

    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    /** The secrets production needs from the environment. */
    private static final Map<String, String> SECRETS = Map.of("ECOPLAN_GATEWAY_CLIENT_SECRET", "s",
            "ECOPLAN_RISK_CLIENT_SECRET", "r");

    private static RealmDefinition local(Map<String, String> environment, String... gatewayUrls) {
        return RealmDefinition.load(Profile.LOCAL, List.of(gatewayUrls), environment::get);
    }

    private static RealmDefinition production(Map<String, String> environment, String... gatewayUrls) {
        return RealmDefinition.load(Profile.PRODUCTION, List.of(gatewayUrls), environment::get);
    }

    private static Client gateway(RealmDefinition definition) {
        return definition.client("ecoplan-gateway").orElseThrow();
    }

    @Test
    void rolesAreExactlyThePlatformRolesEachWithADescription() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.roles()).extracting(Role::name).containsExactlyElementsOf(PLATFORM_ROLES);
        assertThat(definition.roles()).allSatisfy(role -> assertThat(role.description()).isNotBlank());
    }

    @Test
    void everyDepartmentGroupCarriesItsCodeAsDepartmentAttribute() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.groups()).extracting(Group::name).containsExactly("env", "dev", "land", "water");
        assertThat(definition.groups()).allSatisfy(group ->
                assertThat(group.attributes()).containsExactly(Map.entry("department", group.name())));
        assertThat(definition.groups()).extracting(Group::description).satisfiesExactly(
                env -> assertThat(env).contains("生态环境局岳阳楼分局"),
                dev -> assertThat(dev).contains("区发改局"),
                land -> assertThat(land).contains("区资规局"),
                water -> assertThat(water).contains("区水利局"));
    }

    @Test
    void enterpriseIdIsDeclaredInTheUserProfileAndOnlyAdminsMayEditIt() {
        RealmDefinition definition = production(SECRETS,
                "https://eco.example.org");

        assertThat(definition.userProfileAttributes()).singleElement().satisfies(attribute -> {
            assertThat(attribute).containsEntry("name", "enterprise_id");
            assertThat(attribute.get("permissions")).isEqualTo(
                    Map.of("view", List.of("admin", "user"), "edit", List.of("admin")));
        });
    }

    @Test
    void departmentEnterpriseIdAndGatewayAudienceGoIntoAccessTokensOfEveryClient() {
        RealmDefinition definition = local(Map.of());

        ClientScope scope = definition.clientScopes().stream().filter(s -> s.name().equals("ecoplan-api"))
                .findFirst().orElseThrow();
        assertThat(scope.defaultForNewClients()).isTrue();
        assertThat(scope.protocolMappers()).extracting(ProtocolMapper::name)
                .containsExactly("department", "enterprise_id", "ecoplan-gateway audience");
        for (String claim : List.of("department", "enterprise_id")) {
            ProtocolMapper mapper = scope.protocolMappers().stream().filter(m -> m.name().equals(claim))
                    .findFirst().orElseThrow();
            assertThat(mapper.protocolMapper()).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(mapper.config()).containsEntry("user.attribute", claim).containsEntry("claim.name", claim)
                    .containsEntry("access.token.claim", "true").containsEntry("id.token.claim", "true")
                    .containsEntry("userinfo.token.claim", "true");
        }
        assertThat(scope.protocolMappers().get(2).config())
                .containsEntry("included.client.audience", "ecoplan-gateway")
                .containsEntry("access.token.claim", "true");
        // risk-service's service account calls only Keycloak's Admin REST API, never the platform's.
        assertThat(definition.clients()).filteredOn(client -> !client.clientId().equals("ecoplan-risk-service"))
                .allSatisfy(client -> assertThat(client.defaultClientScopes()).contains("ecoplan-api"));
    }

    @Test
    void gatewayIsAConfidentialAuthorizationCodeClientRequiringPkce() {
        Client gateway = gateway(local(Map.of(), "http://localhost:18080"));

        assertThat(gateway.isPublic()).isFalse();
        assertThat(gateway.settings()).containsEntry("standardFlowEnabled", true)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("implicitFlowEnabled", false)
                .containsEntry("attributes", Map.of("pkce.code.challenge.method", "S256"));
        assertThat(gateway.redirectUris()).containsExactly("http://localhost:18080/login/oauth2/code/keycloak");
        assertThat(gateway.webOrigins()).containsExactly("http://localhost:18080");
        assertThat(gateway.postLogoutRedirectUris()).containsExactly("http://localhost:18080/*");
    }

    @Test
    void localFallsBackToLocalDevelopmentDefaults() {
        Client gateway = gateway(local(Map.of()));

        assertThat(gateway.secret()).isEqualTo("ecoplan-gateway-local-secret");
        assertThat(gateway.appUrls()).containsExactly("http://localhost:8080");
    }

    @Test
    void environmentOverridesLocalDefaultsAndArgumentsOverrideTheEnvironment() {
        Map<String, String> environment = Map.of(
                "ECOPLAN_GATEWAY_CLIENT_SECRET", "from-environment",
                "ECOPLAN_GATEWAY_URLS", "https://a.example.org, https://b.example.org/");

        Client fromEnvironment = gateway(local(environment));
        assertThat(fromEnvironment.secret()).isEqualTo("from-environment");
        assertThat(fromEnvironment.redirectUris()).containsExactly(
                "https://a.example.org/login/oauth2/code/keycloak", "https://b.example.org/login/oauth2/code/keycloak");

        Client fromArguments = gateway(local(environment, "http://localhost:28080", "http://127.0.0.1:28080"));
        assertThat(fromArguments.appUrls()).containsExactly("http://localhost:28080", "http://127.0.0.1:28080");
        assertThat(fromArguments.webOrigins()).containsExactly("http://localhost:28080", "http://127.0.0.1:28080");
    }

    @Test
    void inlineDefaultsApplyUnlessTheEnvironmentSetsTheValue() {
        assertThat(local(Map.of()).settings()).containsEntry("accessTokenLifespan", "300");
        assertThat(local(Map.of("ECOPLAN_ACCESS_TOKEN_LIFESPAN_SECONDS", "120")).settings())
                .containsEntry("accessTokenLifespan", "120");
    }

    @Test
    void blankEnvironmentValueCountsAsUnset() {
        assertThatThrownBy(() -> production(Map.of("ECOPLAN_GATEWAY_CLIENT_SECRET", "  "), "https://eco.example.org"))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("ECOPLAN_GATEWAY_CLIENT_SECRET");
    }

    @Test
    void localHasTheContractsDemoAccounts() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.users()).extracting(User::username).containsExactlyInAnyOrder("eco-admin",
                "env-editor", "water-editor", "viewer", "reviewer", "enterprise-a", "enterprise-b");
        assertThat(definition.users()).allSatisfy(user -> {
            assertThat(user.initialPassword()).isEqualTo("ecoplan-demo");
            assertThat(user.email()).isNotBlank();
            assertThat(user.firstName()).isNotBlank();
            assertThat(user.lastName()).isNotBlank();
        });
        assertThat(definition.user("eco-admin").orElseThrow().realmRoles()).containsExactly("eco-admin");
        assertThat(definition.user("env-editor").orElseThrow()).satisfies(user -> {
            assertThat(user.groups()).containsExactly("env");
            assertThat(user.realmRoles()).containsExactly("bureau-editor");
        });
        assertThat(definition.user("water-editor").orElseThrow()).satisfies(user -> {
            assertThat(user.groups()).containsExactly("water");
            assertThat(user.realmRoles()).containsExactly("bureau-editor");
        });
        assertThat(definition.user("viewer").orElseThrow().realmRoles()).containsExactly("bureau-viewer");
        assertThat(definition.user("reviewer").orElseThrow().realmRoles()).containsExactly("plan-reviewer");
        assertThat(definition.user("enterprise-a").orElseThrow()).satisfies(user -> {
            assertThat(user.realmRoles()).containsExactly("enterprise");
            assertThat(user.attributes()).containsExactly(Map.entry("enterprise_id", "E-430602-0001"));
        });
        assertThat(definition.user("enterprise-b").orElseThrow().attributes())
                .containsExactly(Map.entry("enterprise_id", "E-430602-0002"));
    }

    @Test
    void localHasThePublicCliClientAndTheDemoIntegrators() {
        RealmDefinition definition = local(Map.of());

        Client cli = definition.client("ecoplan-cli").orElseThrow();
        assertThat(cli.isPublic()).isTrue();
        assertThat(cli.secret()).isNull();
        assertThat(cli.settings()).containsEntry("directAccessGrantsEnabled", true);

        Client integrator = definition.client("ecoplan-integrator").orElseThrow();
        assertThat(integrator.isPublic()).isFalse();
        assertThat(integrator.secret()).isEqualTo("ecoplan-demo-secret");
        assertThat(integrator.settings()).containsEntry("serviceAccountsEnabled", true);
        assertThat(integrator.serviceAccountRealmRoles()).containsExactly("integrator-read");

        Client writer = definition.client("ecoplan-integrator-write").orElseThrow();
        assertThat(writer.isPublic()).isFalse();
        assertThat(writer.settings()).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("directAccessGrantsEnabled", false);
        assertThat(writer.serviceAccountRealmRoles()).containsExactly("integrator-write");
    }

    @Test
    void productionIsTheBaseWithoutDemoContent() {
        RealmDefinition definition = production(Map.of("ECOPLAN_GATEWAY_CLIENT_SECRET", "production-secret",
                "ECOPLAN_RISK_CLIENT_SECRET", "production-risk-secret"),
                "https://ecoplan.example.org");

        assertThat(definition.users()).isEmpty();
        assertThat(definition.clients()).extracting(Client::clientId)
                .containsExactly("ecoplan-gateway", "ecoplan-risk-service");
        assertThat(gateway(definition).secret()).isEqualTo("production-secret");
        assertThat(gateway(definition).redirectUris())
                .containsExactly("https://ecoplan.example.org/login/oauth2/code/keycloak");
        assertThat(definition.roles()).extracting(Role::name).containsExactlyElementsOf(PLATFORM_ROLES);
    }

    @Test
    void riskServiceIsAConfidentialServiceAccountThatManagesUsersOnly() {
        Client risk = production(SECRETS, "https://ecoplan.example.org").client("ecoplan-risk-service")
                .orElseThrow();

        assertThat(risk.secret()).isEqualTo("r");
        assertThat(risk.isPublic()).isFalse();
        assertThat(risk.settings()).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false);
        assertThat(risk.serviceAccountRealmRoles()).isEmpty();
        assertThat(risk.serviceAccountClientRoles())
                .isEqualTo(Map.of("realm-management", List.of("manage-users", "view-users", "view-realm")));
        assertThat(local(Map.of()).client("ecoplan-risk-service").orElseThrow().secret())
                .isEqualTo("ecoplan-risk-service-local-secret");
    }

    @Test
    void productionDiffersFromLocalOnlyByTheDemoContentAndTheSecretsSource() {
        Map<String, String> environment = Map.of("ECOPLAN_GATEWAY_CLIENT_SECRET", "from-the-environment",
                "ECOPLAN_RISK_CLIENT_SECRET", "risk-from-the-environment");
        RealmDefinition local = local(environment, "https://ecoplan.example.org");
        RealmDefinition production = production(environment, "https://ecoplan.example.org");

        assertThat(production.settings()).isEqualTo(local.settings());
        assertThat(production.roles()).isEqualTo(local.roles());
        assertThat(production.groups()).isEqualTo(local.groups());
        assertThat(production.userProfileAttributes()).isEqualTo(local.userProfileAttributes());
        assertThat(production.requiredActions()).isEqualTo(local.requiredActions());
        assertThat(production.clientScopes()).isEqualTo(local.clientScopes());
        assertThat(gateway(production)).isEqualTo(gateway(local));
        assertThat(local.users()).isNotEmpty();
        assertThat(local.clients()).extracting(Client::clientId)
                .containsExactly("ecoplan-gateway", "ecoplan-risk-service", "ecoplan-cli", "ecoplan-integrator",
                        "ecoplan-integrator-write");
        assertThat(production.client("ecoplan-risk-service")).isEqualTo(local.client("ecoplan-risk-service"));
    }

    @Test
    void noProductionClientAcceptsPasswordsOrImplicitTokens() {
        RealmDefinition definition = production(SECRETS,
                "https://ecoplan.example.org");

        assertThat(definition.clients()).isNotEmpty().allSatisfy(client -> {
            assertThat(client.settings()).containsEntry("directAccessGrantsEnabled", false)
                    .containsEntry("implicitFlowEnabled", false);
            assertThat(client.isPublic()).isFalse();
        });
    }

    @Test
    void theBaseDefinitionHasNoDefaultForAnySecret() throws Exception {
        String base;
        try (var in = getClass().getClassLoader().getResourceAsStream(RealmDefinitionLoader.BASE)) {
            base = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(base.lines().filter(line -> line.matches("\\s*secret:.*")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("\\s*secret: \\$\\{[A-Z_]+}"));
    }

    @Test
    void bruteForceDetectionLocksAnAccountAfterAtMostTenFailures() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.settings()).containsEntry("bruteForceProtected", true)
                .containsEntry("permanentLockout", false);
        assertThat((Integer) definition.settings().get("failureFactor")).isBetween(1, 10);
        assertThat(definition.settings().get("passwordPolicy").toString()).contains("length(12)");
    }

    @Test
    void otpCanBeSetUpButNoRequiredActionIsForcedOnNewAccounts() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.requiredActions()).contains(new RequiredAction("CONFIGURE_TOTP", true, false))
                .noneMatch(RequiredAction::defaultAction);
        assertThat(definition.settings()).containsEntry("otpPolicyType", "totp");
    }

    @Test
    void productionWithoutTheGatewaySecretFailsNamingTheVariableAndWhereItIsUsed() {
        assertThatThrownBy(() -> production(Map.of("ECOPLAN_RISK_CLIENT_SECRET", "r"), "https://ecoplan.example.org"))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("ECOPLAN_GATEWAY_CLIENT_SECRET is not set")
                .hasMessageContaining("clients[ecoplan-gateway].secret")
                .hasMessageNotContaining("ecoplan-gateway-local-secret")
                .satisfies(e -> assertThat(((RealmDefinitionException) e).problems()).hasSize(1));
    }

    @Test
    void productionWithoutAGatewayUrlSaysHowToPassOne() {
        assertThatThrownBy(() -> RealmDefinition.load(Profile.PRODUCTION, List.of(),
                Map.of("ECOPLAN_RISK_CLIENT_SECRET", "r")::get))
                .isInstanceOf(RealmDefinitionException.class)
                .satisfies(e -> assertThat(((RealmDefinitionException) e).problems()).hasSize(2))
                .hasMessageContaining("ECOPLAN_GATEWAY_URLS is not set")
                .hasMessageContaining("--gateway-url");
    }

    @Test
    void aGatewayUrlThatIsNotAnHttpBaseUrlIsRejected() {
        assertThatThrownBy(() -> local(Map.of(), "ftp://files.example.org"))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("app URL 'ftp://files.example.org'");
        assertThatThrownBy(() -> local(Map.of(), "https://eco.example.org/?next=x"))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("expected an http(s) base URL");
    }

    @Test
    void secretsAndPasswordsStayOutOfToString() {
        RealmDefinition definition = local(Map.of());

        assertThat(definition.toString()).doesNotContain("ecoplan-gateway-local-secret", "ecoplan-demo-secret",
                "ecoplan-demo]", "initialPassword=ecoplan-demo");
    }

    @Test
    void aUserAttributeTheUserProfileDoesNotDeclareIsRejectedBecauseKeycloakWouldDropIt() {
        assertThatThrownBy(() -> RealmDefinitionLoader.load("realm-test/base.yaml",
                "realm-test/undeclared-attribute.yaml", Profile.LOCAL, List.of(), NO_ENVIRONMENT))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("user someone sets attribute department")
                .hasMessageContaining("drop it silently");
    }

    @Test
    void inconsistentContentIsReportedAllAtOnce() {
        assertThatThrownBy(() -> RealmDefinitionLoader.load("realm-test/base.yaml",
                "realm-test/inconsistent.yaml", Profile.LOCAL, List.of(), NO_ENVIRONMENT))
                .isInstanceOf(RealmDefinitionException.class)
                .satisfies(e -> assertThat(((RealmDefinitionException) e).problems())
                        .hasSize(7)
                        .contains("role viewer is defined twice",
                                "user someone has 'Someone@Example.org'; Keycloak keeps user names and e-mail "
                                        + "addresses in lower case, so write them that way",
                                "client public-with-secret is public and must not have a secret",
                                "client confidential-without-secret is confidential and needs a secret",
                                "user someone refers to group(s) the definition does not have: nowhere",
                                "user someone refers to realm role(s) the definition does not have: ghost")
                        .anySatisfy(problem -> assertThat(problem)
                                .startsWith("realm settings: not valid as Keycloak's RealmRepresentation")
                                .contains("sslRequierd")));
    }

    @Test
    void aMisspeltFieldFailsWithItsPath() {
        assertThatThrownBy(() -> RealmDefinitionLoader.load("realm-test/misspelt-field.yaml",
                "realm-test/base.yaml", Profile.PRODUCTION, List.of(), NO_ENVIRONMENT))
                .isInstanceOf(RealmDefinitionException.class)
                .hasMessageContaining("descripton")
                .hasMessageContaining("roles");
    }
}
