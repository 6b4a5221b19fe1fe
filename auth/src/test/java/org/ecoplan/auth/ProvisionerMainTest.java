package org.ecoplan.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ecoplan.auth.ProvisionerMain.Options;
import org.ecoplan.auth.provision.RealmDefinition.Profile;

class ProvisionerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return ProvisionerMain.run(args, environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsTakeSeparateOrInlineValuesAndRepeatTheGatewayUrl() {
        Options options = Options.parse(new String[] {"--profile", "production", "--url=https://sso.example.org",
                "--admin-user", "ops", "--gateway-url", "https://a.example.org", "--gateway-url=https://b.example.org"},
                Map.of("KEYCLOAK_ADMIN_PASSWORD", "from-env")::get);

        assertThat(options).isEqualTo(new Options(false, Profile.PRODUCTION, "https://sso.example.org", "ops", "from-env",
                List.of("https://a.example.org", "https://b.example.org")));
        assertThat(options.toString()).doesNotContain("from-env");
    }

    @Test
    void defaultsSuitTheLocalKeycloak() {
        Options options = Options.parse(new String[] {"--profile", "local", "--admin-password", "admin"},
                name -> null);

        assertThat(options).isEqualTo(new Options(false, Profile.LOCAL, "http://localhost:8180", "admin", "admin",
                List.of()));
    }

    @Test
    void planOnlyComparesAndApplyIsTheDefault() {
        String[] rest = {"--profile", "local", "--admin-password", "admin"};
        assertThat(Options.parse(prepend("plan", rest), name -> null).planOnly()).isTrue();
        assertThat(Options.parse(prepend("apply", rest), name -> null).planOnly()).isFalse();
        assertThat(Options.parse(rest, name -> null).planOnly()).isFalse();
    }

    private static String[] prepend(String command, String[] rest) {
        String[] args = new String[rest.length + 1];
        args[0] = command;
        System.arraycopy(rest, 0, args, 1, rest.length);
        return args;
    }

    @Test
    void theProfileMustBeChosenExplicitly() {
        assertThat(run(Map.of("KEYCLOAK_ADMIN_PASSWORD", "admin"))).isEqualTo(2);
        assertThat(err()).contains("--profile is required").contains("Usage:");
    }

    @Test
    void anUnknownProfileOrOptionIsAUsageError() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile", "staging"}, name -> "pw"))
                .hasMessage("Unknown profile 'staging': use local or production");
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile", "local", "--realm", "x"}, name -> "pw"))
                .hasMessage("Unknown option --realm");
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile"}, name -> "pw"))
                .hasMessage("--profile needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile", "local", "--url", "localhost:8180"},
                name -> "pw"))
                .hasMessage("--url must be Keycloak's http(s) base URL, not 'localhost:8180'");
    }

    @Test
    void withoutAnAdminPasswordItSaysWhereToPutIt() {
        assertThat(run(Map.of(), "--profile", "local")).isEqualTo(2);
        assertThat(err()).contains("No admin password: set KEYCLOAK_ADMIN_PASSWORD or pass --admin-password");
    }

    @Test
    void productionWithoutTheGatewaySecretFailsBeforeContactingKeycloak() {
        int status = run(Map.of("KEYCLOAK_ADMIN_PASSWORD", "admin"), "--profile", "production",
                "--url", "http://localhost:1", "--gateway-url", "https://ecoplan.example.org");

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("ECOPLAN_GATEWAY_CLIENT_SECRET is not set").doesNotContain("cannot reach");
    }

    @Test
    void anUnreachableKeycloakExitsWithStatusOne() {
        int status = run(Map.of("KEYCLOAK_ADMIN_PASSWORD", "admin"), "--profile", "local",
                "--url", "http://localhost:1");

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("cannot reach Keycloak at http://localhost:1");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--gateway-url URL");
    }
}
