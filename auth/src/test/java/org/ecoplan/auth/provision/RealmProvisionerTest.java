package org.ecoplan.auth.provision;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ecoplan.auth.provision.RealmDefinition.Profile;

/**
 * How the provisioner reports an Admin REST API that fails; the happy path runs against a real Keycloak in
 * RealmProvisioningIT.
 */
class RealmProvisionerTest {

    private static final String TOKEN_PATH = "/realms/master/protocol/openid-connect/token";
    private static final String TOKEN = """
            {"access_token": "token", "token_type": "Bearer", "expires_in": 300,
             "refresh_token": "refresh", "refresh_expires_in": 1800}""";

    private final RealmDefinition definition = RealmDefinition.load(Profile.LOCAL, List.of(), name -> null);
    private WireMockServer keycloak;

    @BeforeEach
    void startFakeKeycloak() {
        keycloak = new WireMockServer(options().dynamicPort());
        keycloak.start();
    }

    @AfterEach
    void stopFakeKeycloak() {
        keycloak.stop();
    }

    private RealmProvisioner provisioner(Duration timeout) {
        return RealmProvisioner.connect(keycloak.baseUrl(), "admin", "admin", timeout);
    }

    @Test
    void aServerErrorNamesTheStepAndKeycloaksAnswer() {
        keycloak.stubFor(post(TOKEN_PATH).willReturn(okJson(TOKEN)));
        keycloak.stubFor(get("/admin/realms/ecoplan").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"database unavailable\"}")));

        try (RealmProvisioner provisioner = provisioner(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageStartingWith("read realm ecoplan: Keycloak at " + keycloak.baseUrl() + " answered 503")
                    .hasMessageContaining("database unavailable");
        }
    }

    @Test
    void aFailingStepAfterEarlierOnesIsNamed() {
        keycloak.stubFor(post(TOKEN_PATH).willReturn(okJson(TOKEN)));
        keycloak.stubFor(get("/admin/realms/ecoplan").willReturn(aResponse().withStatus(404)));
        keycloak.stubFor(post("/admin/realms").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessage\": \"Conflict detected. See logs for details\"}")));

        try (RealmProvisioner provisioner = provisioner(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageStartingWith("create realm ecoplan: Keycloak at " + keycloak.baseUrl() + " answered 409")
                    .hasMessageContaining("Conflict detected");
        }
    }

    @Test
    void rejectedAdminCredentialsAreReportedAsASignInFailure() {
        keycloak.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid user credentials\"}")));

        try (RealmProvisioner provisioner = provisioner(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("signing in to Keycloak at " + keycloak.baseUrl() + " as admin")
                    .hasMessageContaining("401")
                    .hasMessageContaining("Invalid user credentials")
                    .hasMessageContaining("check the admin user name and password");
        }
        keycloak.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(WireMock.containing("grant_type=password"))
                .withRequestBody(WireMock.containing("username=admin")));
    }

    @Test
    void aKeycloakThatDoesNotAnswerInTimeFailsInsteadOfHanging() {
        keycloak.stubFor(post(TOKEN_PATH).willReturn(okJson(TOKEN)));
        keycloak.stubFor(get("/admin/realms/ecoplan").willReturn(okJson("{}").withFixedDelay(1_500)));

        try (RealmProvisioner provisioner = provisioner(Duration.ofMillis(500))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessage("read realm ecoplan: Keycloak at " + keycloak.baseUrl()
                            + " did not answer within 500 ms");
        }
    }

    @Test
    void anUnreachableKeycloakIsReportedWithItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://localhost:" + closedPort;

        try (RealmProvisioner provisioner = RealmProvisioner.connect(url, "admin", "admin", Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessageStartingWith("read realm ecoplan: cannot reach Keycloak at " + url);
        }
    }

    @Test
    void theRealmIsReadWithTheTokenKeycloakIssued() {
        keycloak.stubFor(post(TOKEN_PATH).willReturn(okJson(TOKEN)));
        keycloak.stubFor(get("/admin/realms/ecoplan").withHeader("Authorization", equalTo("Bearer token"))
                .willReturn(aResponse().withStatus(500)));

        try (RealmProvisioner provisioner = provisioner(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> provisioner.apply(definition))
                    .hasMessageContaining("answered 500");
        }
    }
}
