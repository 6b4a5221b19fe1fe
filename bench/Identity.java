import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ecoplan.auth.keycloak.KeycloakRunner;
import org.ecoplan.auth.provision.RealmDefinition;
import org.ecoplan.auth.provision.RealmProvisioner;

/**
 * The benchmark's Keycloak, started and provisioned the way {@code ./platform up} does it (the auth module's
 * runner and the local realm), run with the e2e classpath:
 * <ul>
 * <li>{@code java Identity.java up HOME PORT GATEWAY_URL TOKEN_FILE}: starts Keycloak in HOME, applies the local
 * realm, and writes an access token of the demo integrator (client credentials, role integrator-read) that
 * Keycloak issued and signed with the realm's own key;</li>
 * <li>{@code java Identity.java down HOME}: stops it.</li>
 * </ul>
 */
public class Identity {

    private static final String ADMIN = KeycloakRunner.LOCAL_ADMIN_USERNAME;

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        if (args[0].equals("down")) {
            KeycloakRunner.attach(home).ifPresent(KeycloakRunner::stop);
            return;
        }
        int port = Integer.parseInt(args[2]);
        // One still starting from an interrupted run is waited for rather than started twice.
        KeycloakRunner keycloak = KeycloakRunner.attach(home).filter(KeycloakRunner::isAlive)
            .orElseGet(() -> KeycloakRunner.builder(home).httpPort(port)
                .bootstrapAdmin(ADMIN, KeycloakRunner.LOCAL_ADMIN_PASSWORD)
                .start());
        // Its first start builds the server (Quarkus augmentation): minutes on a busy machine.
        keycloak.awaitReady(Duration.ofMinutes(10));
        String url = "http://localhost:" + port;
        try (RealmProvisioner provisioner = RealmProvisioner.connect(url, ADMIN, KeycloakRunner.LOCAL_ADMIN_PASSWORD)) {
            provisioner.apply(RealmDefinition.local(args[3]));
        }
        // The published local-development secret of the demo integrator (auth's ecoplan-realm-local.yaml).
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(url + "/realms/ecoplan/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=ecoplan-integrator&client_secret=ecoplan-demo-secret"))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(tokenRequest,
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int at = body.indexOf("\"access_token\":\"");
        if (response.statusCode() != 200 || at < 0) {
            throw new IllegalStateException("Keycloak issued no token: " + response.statusCode() + " " + body);
        }
        int from = at + "\"access_token\":\"".length();
        Files.writeString(Path.of(args[4]), body.substring(from, body.indexOf('"', from)));
    }
}
