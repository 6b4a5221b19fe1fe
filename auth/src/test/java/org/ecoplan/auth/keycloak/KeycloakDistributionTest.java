package org.ecoplan.auth.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ecoplan.auth.keycloak.FakeDistribution.Entry;

class KeycloakDistributionTest {

    @TempDir
    Path directory;

    @Test
    void unpackKeepsTheZipsFileModesAndHappensOnlyOnce() throws Exception {
        Path zip = FakeDistribution.zip(directory, FakeDistribution.FAILING_SCRIPT);
        Path home = Files.createDirectories(directory.resolve("home"));

        Path unpacked = KeycloakDistribution.unpack(zip, home);

        assertThat(unpacked).isEqualTo(home.resolve(FakeDistribution.FOLDER).toRealPath());
        assertThat(Files.isExecutable(unpacked.resolve("bin/kc.sh"))).isTrue();
        assertThat(Files.isExecutable(unpacked.resolve("conf/keycloak.conf"))).isFalse();
        assertThat(unpacked.resolve(KeycloakDistribution.UNPACKED_MARKER)).exists();
        assertThat(home).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith(".unpacking-"));

        Files.writeString(unpacked.resolve("conf/keycloak.conf"), "edited\n");
        KeycloakDistribution.unpack(zip, home);
        assertThat(unpacked.resolve("conf/keycloak.conf")).hasContent("edited");
    }

    @Test
    void aFolderLeftByAnInterruptedUnpackIsReplaced() throws Exception {
        Path zip = FakeDistribution.zip(directory, FakeDistribution.FAILING_SCRIPT);
        Path home = Files.createDirectories(directory.resolve("home"));
        Files.createDirectories(home.resolve(FakeDistribution.FOLDER).resolve("bin"));
        Files.writeString(home.resolve(FakeDistribution.FOLDER).resolve("half-written.jar"), "x");

        Path unpacked = KeycloakDistribution.unpack(zip, home);

        assertThat(unpacked.resolve("half-written.jar")).doesNotExist();
        assertThat(unpacked.resolve("bin/kc.sh")).exists();
    }

    @Test
    void aZipWithoutExactlyOneTopLevelFolderIsNotADistribution() throws Exception {
        Path zip = FakeDistribution.zip(directory.resolve("two.zip"), Map.of(
                "a/bin/kc.sh", new Entry("", "rwxr-xr-x"), "b/readme.txt", new Entry("", "rw-r--r--")));

        assertThatThrownBy(() -> KeycloakDistribution.unpack(zip, directory))
                .hasMessageContaining("Cannot unpack")
                .rootCause().hasMessageContaining(zip + " is not a Keycloak distribution: expected one top-level "
                        + "folder");
    }

    @Test
    void theSystemPropertyNamesTheZipToUse() throws Exception {
        Path zip = FakeDistribution.zip(directory, FakeDistribution.FAILING_SCRIPT);
        Properties system = new Properties();
        system.setProperty("ecoplan.keycloak.dist", zip.toString());
        system.setProperty("user.home", directory.toString());

        assertThat(KeycloakDistribution.locate(system)).isEqualTo(zip);

        system.setProperty("ecoplan.keycloak.dist", directory.resolve("missing.zip").toString());
        assertThatThrownBy(() -> KeycloakDistribution.locate(system))
                .hasMessageContaining("ecoplan.keycloak.dist names " + directory.resolve("missing.zip"));
    }

    @Test
    void withoutThePropertyTheZipComesFromTheLocalMavenRepository() throws Exception {
        String version = expectedVersion();
        Path repository = directory.resolve("repository");
        Path expected = repository.resolve("org/keycloak/keycloak-quarkus-dist/" + version
                + "/keycloak-quarkus-dist-" + version + ".zip");
        Properties system = new Properties();
        system.setProperty("maven.repo.local", repository.toString());
        system.setProperty("user.home", directory.resolve("elsewhere").toString());

        assertThatThrownBy(() -> KeycloakDistribution.locate(system))
                .hasMessageContaining(expected + " is missing")
                .hasMessageContaining("-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip");

        Files.createDirectories(expected.getParent());
        Files.writeString(expected, "zip");
        assertThat(KeycloakDistribution.locate(system)).isEqualTo(expected);

        system.remove("maven.repo.local");
        system.setProperty("user.home", directory.toString());
        Path inHome = directory.resolve(".m2/repository").resolve(repository.relativize(expected));
        Files.createDirectories(inHome.getParent());
        Files.writeString(inHome, "zip");
        assertThat(KeycloakDistribution.locate(system)).isEqualTo(inHome);
    }

    private static String expectedVersion() throws Exception {
        Properties coordinates = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("distribution.properties")) {
            coordinates.load(in);
        }
        assertThat(coordinates.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+.*");
        return coordinates.getProperty("version");
    }
}
