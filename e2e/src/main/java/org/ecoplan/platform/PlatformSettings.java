package org.ecoplan.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local platform lives and which ports it takes. {@code ./platform up} uses
 * {@link #local(Path)}; the e2e tests use {@link #forTests(Path, Path, int, String)} so that a platform a
 * developer left running does not collide with the test run.
 *
 * @param root            the repository checkout, where each module's {@code target/} holds its jar
 * @param stateDir        pid files, logs, MongoDB data and the unpacked Keycloak
 * @param externalMongoUri a real MongoDB to use instead of starting the embedded one
 * @param databasePrefix  prepended to each service's database name, so test runs against a shared
 *                        MongoDB stay apart from each other and from local data
 */
public record PlatformSettings(
        Path root,
        Path stateDir,
        Ports ports,
        Optional<String> externalMongoUri,
        String databasePrefix,
        String keycloakAdminUser,
        String keycloakAdminPassword) {

    /** The TCP ports, one per component. */
    public record Ports(int mongo, int keycloak, int indicator, int project, int risk, int gateway) {

        static Ports offsetBy(int offset) {
            return new Ports(27018 + offset, 8180 + offset, 8081 + offset, 8082 + offset, 8083 + offset,
                    8080 + offset);
        }
    }

    // Local-development bootstrap admin of the Keycloak that ./platform starts; never used in production.
    private static final String LOCAL_KEYCLOAK_ADMIN = "admin";

    public static PlatformSettings local(Path root) {
        return new PlatformSettings(root, root.resolve(".platform"), Ports.offsetBy(0), mongoUriFromEnvironment(),
                "ecoplan-", LOCAL_KEYCLOAK_ADMIN, LOCAL_KEYCLOAK_ADMIN);
    }

    public static PlatformSettings forTests(Path root, Path stateDir, int portOffset, String databasePrefix) {
        return new PlatformSettings(root, stateDir, Ports.offsetBy(portOffset), mongoUriFromEnvironment(),
                databasePrefix, LOCAL_KEYCLOAK_ADMIN, LOCAL_KEYCLOAK_ADMIN);
    }

    private static Optional<String> mongoUriFromEnvironment() {
        return Optional.ofNullable(System.getenv("MONGODB_URI")).filter(uri -> !uri.isBlank());
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }
}
