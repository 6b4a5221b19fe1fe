package org.ecoplan.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakJwtAuthenticationConverterTest {

    private final KeycloakJwtAuthenticationConverter converter = new KeycloakJwtAuthenticationConverter();

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuedAt(Instant.parse("2025-01-01T00:00:00Z"))
            .expiresAt(Instant.parse("2025-01-01T00:05:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private EcoAuthenticationToken convert(Map<String, Object> claims) {
        return (EcoAuthenticationToken) converter.convert(jwt(claims)).block();
    }

    static Stream<Arguments> realmAccessClaims() {
        return Stream.of(
                Arguments.of("two roles", Map.of("roles", List.of("bureau-editor", "offline_access")),
                        Set.of("bureau-editor", "offline_access")),
                Arguments.of("no roles entry", Map.of(), Set.of()),
                Arguments.of("roles not a list", Map.of("roles", "eco-admin"), Set.of()),
                Arguments.of("non-text entries skipped", Map.of("roles", List.of("enterprise", 7, "")),
                        Set.of("enterprise")),
                Arguments.of("realm_access not an object", "eco-admin", Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realmAccessClaims")
    void realmRolesBecomeRoleAuthorities(String why, Object realmAccess, Set<String> expectedRoles) {
        EcoAuthenticationToken token = convert(Map.of("sub", "u-1", "realm_access", realmAccess));

        assertThat(token.getPrincipal().roles()).isEqualTo(expectedRoles);
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactlyInAnyOrderElementsOf(expectedRoles.stream().map(role -> "ROLE_" + role).toList());
    }

    @Test
    void missingRealmAccessMeansNoRoles() {
        EcoAuthenticationToken token = convert(Map.of("sub", "u-1"));

        assertThat(token.getPrincipal().roles()).isEmpty();
        assertThat(token.getAuthorities()).isEmpty();
    }

    static Stream<Arguments> scopeClaims() {
        return Stream.of(Arguments.of("text", "env", Optional.of("env")),
                Arguments.of("multivalued mapper", List.of("water"), Optional.of("water")),
                Arguments.of("ambiguous list", List.of("env", "water"), Optional.empty()),
                Arguments.of("blank", " ", Optional.empty()), Arguments.of("number", 42, Optional.empty()));
    }

    @ParameterizedTest(name = "department {0}")
    @MethodSource("scopeClaims")
    void departmentClaimIsReadTolerantly(String why, Object claim, Optional<String> expected) {
        assertThat(convert(Map.of("sub", "u-1", "department", claim)).getPrincipal().department())
            .isEqualTo(expected);
    }

    @ParameterizedTest(name = "enterprise_id {0}")
    @MethodSource("scopeClaims")
    void enterpriseClaimIsReadTolerantly(String why, Object claim, Optional<String> expected) {
        assertThat(convert(Map.of("sub", "u-1", "enterprise_id", claim)).getPrincipal().enterpriseId())
            .isEqualTo(expected);
    }

    @Test
    void fullKeycloakTokenMapsEveryClaim() {
        EcoAuthenticationToken token = convert(Map.of("sub", "f3c1", "preferred_username", "enterprise-a",
                "realm_access", Map.of("roles", List.of("enterprise")), "enterprise_id", "E-430602-0001"));

        assertThat(token.getPrincipal()).isEqualTo(new EcoPrincipal("f3c1", "enterprise-a", Set.of("enterprise"),
                Optional.empty(), Optional.of("E-430602-0001")));
        assertThat(token.getName()).isEqualTo("f3c1");
        assertThat(token.isAuthenticated()).isTrue();
    }

    @Test
    void jwtStaysReachableAsTokenAndCredentials() {
        Jwt jwt = jwt(Map.of("sub", "u-1"));
        EcoAuthenticationToken token = (EcoAuthenticationToken) converter.convert(jwt).block();

        assertThat(token.getToken()).isSameAs(jwt);
        assertThat(token.getCredentials()).isSameAs(jwt);
        assertThat(token.getTokenAttributes()).containsEntry("sub", "u-1");
    }

    static Stream<Arguments> identityClaims() {
        return Stream.of(Arguments.of(Map.of("sub", "s", "preferred_username", "u"), "s", "u"),
                Arguments.of(Map.of("sub", "s"), "s", "s"),
                Arguments.of(Map.of("preferred_username", "u"), "u", "u"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identityClaims")
    void subjectAndUsernameStandInForEachOther(Map<String, Object> claims, String subject, String username) {
        EcoPrincipal principal = convert(claims).getPrincipal();

        assertThat(principal.subject()).isEqualTo(subject);
        assertThat(principal.username()).isEqualTo(username);
    }

    @Test
    void tokenNamingNobodyIsRejected() {
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("department", "env"))).block())
            .isInstanceOf(InvalidBearerTokenException.class);
    }
}
