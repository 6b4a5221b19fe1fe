package org.ecoplan.auth.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.ecoplan.auth.provision.RealmDefinition.Profile;
import org.ecoplan.auth.provision.RealmDefinition.Role;
import org.ecoplan.common.security.PlatformRoles;

/**
 * A role the services check but the realm does not define would lock everybody out of an endpoint, silently;
 * a realm role common's PlatformRoles lacks is a permission nobody reviewed. Both are caught here, before
 * deployment.
 */
class PlatformRoleNamesTest {

    // hasRole('x') / hasAnyRole('x', 'y') in @PreAuthorize expressions, after joining "..." + "..." pieces.
    private static final Pattern ROLE_CHECK = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern CONCATENATION = Pattern.compile("\"\\s*\\+\\s*\"");

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static Set<String> realmRoles() {
        RealmDefinition definition = RealmDefinition.load(Profile.PRODUCTION, List.of("https://ecoplan.example.org"),
                Map.of("ECOPLAN_GATEWAY_CLIENT_SECRET", "s", "ECOPLAN_RISK_CLIENT_SECRET", "r")::get);
        return new TreeSet<>(definition.roles().stream().map(Role::name).toList());
    }

    @Test
    void theRealmDefinesExactlyCommonsPlatformRoles() {
        assertThat(realmRoles()).containsExactlyInAnyOrderElementsOf(PlatformRoles.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator-service", "project-service", "risk-service"})
    void everyRoleAServiceChecksIsARealmRole(String service) {
        Map<String, Set<String>> checked = rolesCheckedIn(REPOSITORY.resolve(service).resolve("src/main/java"));

        assertThat(checked).as("role checks found in " + service).isNotEmpty();
        Set<String> realm = realmRoles();
        checked.forEach((role, files) -> assertThat(realm).as(role + " checked in " + files).contains(role));
    }

    /** Each role name in a role check, with the files that check it. */
    private static Map<String, Set<String>> rolesCheckedIn(Path sources) {
        Map<String, Set<String>> roles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String code = CONCATENATION.matcher(read(file)).replaceAll("");
                Matcher check = ROLE_CHECK.matcher(code);
                while (check.find()) {
                    Matcher name = QUOTED.matcher(check.group(1));
                    while (name.find()) {
                        roles.computeIfAbsent(name.group(1), any -> new TreeSet<>())
                                .add(file.getFileName().toString());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roles;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
