package org.ecoplan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

import org.ecoplan.auth.keycloak.KeycloakRunner;
import org.ecoplan.auth.provision.ProvisioningReport;
import org.ecoplan.auth.provision.ProvisioningReport.Item;
import org.ecoplan.auth.provision.ProvisioningReport.Kind;
import org.ecoplan.auth.provision.ProvisioningReport.Outcome;
import org.ecoplan.auth.provision.RealmDefinition;
import org.ecoplan.auth.provision.RealmDefinition.Profile;
import org.ecoplan.auth.provision.RealmDefinition.Role;
import org.ecoplan.auth.provision.RealmProvisioner;

/**
 * A real Keycloak from the distribution zip, started by KeycloakRunner, provisioned with the local realm,
 * then asked for tokens the way the platform's clients ask.
 */
class RealmProvisioningIT {

    private static final Path HOME = Path.of("target", "keycloak-it");
    private static final String GATEWAY = "http://localhost:18080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void provisionsTheLocalRealmIdempotentlyAndIssuesTokensCarryingThePlatformClaims() throws Exception {
        KeycloakRunner.attach(HOME).ifPresent(KeycloakRunner::stop);
        deleteRecursively(HOME.resolve("data"));
        KeycloakRunner keycloak = KeycloakRunner.builder(HOME).httpPort(freePort()).start();
        long pid = keycloak.pid();
        try {
            keycloak.awaitReady(Duration.ofSeconds(150));
            String url = keycloak.url().toString();
            RealmDefinition definition = RealmDefinition.load(Profile.LOCAL, List.of(GATEWAY), name -> null);

            try (RealmProvisioner provisioner = RealmProvisioner.connect(url, KeycloakRunner.LOCAL_ADMIN_USERNAME,
                    KeycloakRunner.LOCAL_ADMIN_PASSWORD)) {
                int itemCount = 1 + definition.userProfileAttributes().size() + definition.requiredActions().size()
                        + definition.roles().size() + definition.groups().size() + definition.clientScopes().size()
                        + definition.clients().size() + definition.users().size();
                ProvisioningReport planned = provisioner.plan(definition);
                assertThat(planned.items()).as(planned.toString())
                        .allSatisfy(item -> assertThat(item.outcome()).isEqualTo(Outcome.CREATED))
                        .hasSize(itemCount);
                assertThat(planned.toString()).contains("role eco-admin: to create", "(plan, nothing changed)");

                ProvisioningReport first = provisioner.apply(definition);
                // Keycloak registers its required actions with every new realm, as the definition has them.
                assertThat(first.items()).as(first.toString()).hasSize(itemCount)
                        .allSatisfy(item -> assertThat(item.outcome()).isEqualTo(
                                item.kind() == Kind.REQUIRED_ACTION ? Outcome.UNCHANGED : Outcome.CREATED));

                ProvisioningReport second = provisioner.apply(definition);
                assertThat(second.changed()).as(second.toString()).isFalse();
                assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(first.items().size());

                RealmDefinition reworded = withRoleDescription(definition, "bureau-viewer",
                        "只读用户 Bureau viewer: reads everything, changes nothing");
                ProvisioningReport third = provisioner.apply(reworded);
                assertThat(third.items()).filteredOn(item -> item.outcome() != Outcome.UNCHANGED)
                        .as(third.toString())
                        .containsExactly(new Item(Kind.ROLE, "bureau-viewer", Outcome.UPDATED, List.of("description")));
                assertThat(provisioner.apply(reworded).changed()).isFalse();
                assertThat(provisioner.plan(reworded).differences()).isEmpty();

                assertPlanShowsADriftAndApplyRepairsIt(url, provisioner, reworded);
            }

            JsonNode editorTokens = tokens(url, Map.of("grant_type", "password", "client_id", "ecoplan-cli",
                    "username", "env-editor", "password", "ecoplan-demo", "scope", "openid"));
            JsonNode editor = claims(editorTokens.path("access_token"));
            assertThat(claims(editorTokens.path("id_token")).path("department").asText()).isEqualTo("env");
            assertThat(texts(editor.path("realm_access").path("roles"))).contains("bureau-editor")
                    .doesNotContain("eco-admin", "enterprise");
            assertThat(editor.path("department").asText()).isEqualTo("env");
            assertThat(editor.has("enterprise_id")).isFalse();
            assertThat(editor.path("preferred_username").asText()).isEqualTo("env-editor");
            assertThat(editor.path("sub").asText()).isNotBlank();
            assertThat(audience(editor)).contains("ecoplan-gateway");
            assertThat(editor.path("iss").asText()).isEqualTo(url + "/realms/ecoplan");

            JsonNode enterprise = accessToken(url, Map.of("grant_type", "password", "client_id", "ecoplan-cli",
                    "username", "enterprise-a", "password", "ecoplan-demo"));
            assertThat(texts(enterprise.path("realm_access").path("roles"))).contains("enterprise");
            assertThat(enterprise.path("enterprise_id").asText()).isEqualTo("E-430602-0001");
            assertThat(enterprise.has("department")).isFalse();

            JsonNode integrator = accessToken(url, Map.of("grant_type", "client_credentials",
                    "client_id", "ecoplan-integrator", "client_secret", "ecoplan-demo-secret"));
            assertThat(texts(integrator.path("realm_access").path("roles"))).contains("integrator-read")
                    .doesNotContain("integrator-write");
            assertThat(audience(integrator)).contains("ecoplan-gateway");
            JsonNode writer = accessToken(url, Map.of("grant_type", "client_credentials",
                    "client_id", "ecoplan-integrator-write", "client_secret", "ecoplan-demo-write-secret"));
            assertThat(texts(writer.path("realm_access").path("roles"))).contains("integrator-write")
                    .doesNotContain("integrator-read");

            assertGatewayLoginRequiresPkceAndItsOwnRedirectUri(url);
        } finally {
            keycloak.stop();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(keycloak.isAlive()).isFalse();
    }

    /** An administrator loosens brute-force detection and switches OTP set-up off by hand. */
    private static void assertPlanShowsADriftAndApplyRepairsIt(String url, RealmProvisioner provisioner,
            RealmDefinition definition) {
        try (Keycloak admin = Keycloak.getInstance(url, "master", KeycloakRunner.LOCAL_ADMIN_USERNAME,
                KeycloakRunner.LOCAL_ADMIN_PASSWORD, "admin-cli")) {
            RealmResource realm = admin.realm("ecoplan");
            RealmRepresentation loosened = realm.toRepresentation();
            loosened.setFailureFactor(30);
            realm.update(loosened);
            RequiredActionProviderRepresentation otp = realm.flows().getRequiredAction("CONFIGURE_TOTP");
            otp.setEnabled(false);
            realm.flows().updateRequiredAction("CONFIGURE_TOTP", otp);
            List<Item> drift = List.of(
                    new Item(Kind.REALM, "ecoplan", Outcome.UPDATED, List.of("failureFactor")),
                    new Item(Kind.REQUIRED_ACTION, "CONFIGURE_TOTP", Outcome.UPDATED, List.of("enabled")));

            ProvisioningReport plan = provisioner.plan(definition);
            assertThat(plan.differences()).as(plan.toString()).containsExactlyElementsOf(drift);
            assertThat(plan.toString()).contains("realm ecoplan: to update (failureFactor)");
            assertThat(realm.toRepresentation().getFailureFactor()).as("plan changes nothing").isEqualTo(30);

            assertThat(provisioner.apply(definition).differences()).containsExactlyElementsOf(drift);
            assertThat(realm.toRepresentation().getFailureFactor()).isEqualTo(10);
            assertThat(realm.flows().getRequiredAction("CONFIGURE_TOTP").isEnabled()).isTrue();
            assertThat(provisioner.plan(definition).differences()).isEmpty();
        }
    }

    private void assertGatewayLoginRequiresPkceAndItsOwnRedirectUri(String url) throws Exception {
        String authorize = url + "/realms/ecoplan/protocol/openid-connect/auth?response_type=code"
                + "&client_id=ecoplan-gateway&scope=openid&state=s&redirect_uri=";
        HttpResponse<String> withoutPkce = http.send(HttpRequest.newBuilder(URI.create(authorize
                + encode(GATEWAY + "/login/oauth2/code/keycloak"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(GATEWAY + "/login/oauth2/code/keycloak").contains("error=invalid_request")
                .contains("code_challenge"));

        HttpResponse<String> foreignRedirect = http.send(HttpRequest.newBuilder(URI.create(authorize
                + encode("https://evil.example.org/callback") + "&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreignRedirect.statusCode()).isEqualTo(400);
    }

    private JsonNode accessToken(String url, Map<String, String> form) throws Exception {
        return claims(tokens(url, form).path("access_token"));
    }

    private JsonNode tokens(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/ecoplan/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(JsonNode jwt) throws Exception {
        assertThat(jwt.isTextual()).as("a token").isTrue();
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.asText().split("\\.")[1]));
    }

    /** A claim's values; Keycloak writes a single audience as a string rather than a list. */
    private static List<String> texts(JsonNode claim) {
        List<String> values = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(value -> values.add(value.asText()));
        } else if (!claim.isMissingNode()) {
            values.add(claim.asText());
        }
        return values;
    }

    private static List<String> audience(JsonNode claims) {
        return texts(claims.path("aud"));
    }

    private static RealmDefinition withRoleDescription(RealmDefinition definition, String role, String description) {
        List<Role> roles = definition.roles().stream()
                .map(r -> r.name().equals(role) ? new Role(role, description) : r).toList();
        return new RealmDefinition(definition.realm(), definition.settings(), roles, definition.groups(),
                definition.userProfileAttributes(), definition.requiredActions(), definition.clientScopes(), definition.clients(),
                definition.users());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }
}
