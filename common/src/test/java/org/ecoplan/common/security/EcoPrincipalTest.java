package org.ecoplan.common.security;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class EcoPrincipalTest {

    private static final EcoPrincipal EDITOR = new EcoPrincipal("s-1", "env-editor", Set.of("bureau-editor"),
            Optional.of("env"), Optional.empty());

    @Test
    void hasRoleTakesTheNameWithoutPrefix() {
        assertThat(EDITOR.hasRole(PlatformRoles.BUREAU_EDITOR)).isTrue();
        assertThat(EDITOR.hasRole("ROLE_bureau-editor")).isFalse();
        assertThat(EDITOR.hasRole(PlatformRoles.ECO_ADMIN)).isFalse();
    }

    @Test
    void rolesCannotChangeAfterwards() {
        Set<String> roles = new HashSet<>(Set.of("bureau-viewer"));
        EcoPrincipal principal = new EcoPrincipal("s", "u", roles, null, null);
        roles.add("eco-admin");

        assertThat(principal.roles()).containsExactly("bureau-viewer");
        assertThat(principal.department()).isEmpty();
        assertThat(principal.enterpriseId()).isEmpty();
    }

    @Test
    void currentReadsTheReactiveSecurityContext() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("sub", "s-1").build();
        Mono<EcoPrincipal> current = EcoPrincipal.current()
            .contextWrite(ReactiveSecurityContextHolder
                .withAuthentication(new EcoAuthenticationToken(jwt, EDITOR, List.of())));

        StepVerifier.create(current).expectNext(EDITOR).verifyComplete();
    }

    @Test
    void currentIsEmptyWithoutKeycloakAuthentication() {
        StepVerifier.create(EcoPrincipal.current()).verifyComplete();
        StepVerifier
            .create(EcoPrincipal.current()
                .contextWrite(ReactiveSecurityContextHolder
                    .withAuthentication(new TestingAuthenticationToken("someone", "password"))))
            .verifyComplete();
    }

    @Test
    void platformRolesListsTheSevenRealmRoles() {
        assertThat(PlatformRoles.ALL).containsExactlyInAnyOrder("eco-admin", "bureau-editor", "bureau-viewer",
                "plan-reviewer", "enterprise", "integrator-read", "integrator-write");
    }
}
