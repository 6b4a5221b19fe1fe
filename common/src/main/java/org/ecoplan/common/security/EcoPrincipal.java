package org.ecoplan.common.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who is calling, as the Keycloak access token says. Controllers take it as
 * {@code @AuthenticationPrincipal EcoPrincipal principal}; code further down reads it with {@link #current()}.
 *
 * @param subject the token's {@code sub}: stable across renames, the key for audit records
 * @param username the token's {@code preferred_username}
 * @param roles realm roles without the {@code ROLE_} prefix, e.g. {@code bureau-editor}
 * @param department the department code ({@code env}, {@code dev}, {@code land}, {@code water}) of bureau staff
 * @param enterpriseId the enterprise an {@code enterprise} account belongs to
 */
public record EcoPrincipal(String subject, String username, Set<String> roles, Optional<String> department,
        Optional<String> enterpriseId) {

    public EcoPrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        department = Objects.requireNonNullElse(department, Optional.empty());
        enterpriseId = Objects.requireNonNullElse(enterpriseId, Optional.empty());
    }

    /** Whether the caller holds the realm role, given without the {@code ROLE_} prefix. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The principal of the current request; empty when the request is not authenticated by a Keycloak token. */
    public static Mono<EcoPrincipal> current() {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(SecurityContext::getAuthentication)
            .mapNotNull(Authentication::getPrincipal)
            .filter(EcoPrincipal.class::isInstance)
            .cast(EcoPrincipal.class);
    }
}
