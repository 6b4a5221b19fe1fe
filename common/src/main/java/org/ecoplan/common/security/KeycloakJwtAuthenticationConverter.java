package org.ecoplan.common.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a Keycloak access token into an {@link EcoAuthenticationToken}. Keycloak nests realm roles under
 * {@code realm_access.roles}, which Spring's own converter cannot read (it looks at top-level claims only).
 * Department and enterprise come from protocol mappers and are absent for most users, so every claim but an
 * identity is optional; a claim of an unexpected shape counts as absent rather than failing the request.
 */
public class KeycloakJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private static final String REALM_ACCESS = "realm_access";
    private static final String ROLES = "roles";
    private static final String DEPARTMENT = "department";
    private static final String ENTERPRISE_ID = "enterprise_id";
    private static final String PREFERRED_USERNAME = "preferred_username";

    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> toAuthentication(jwt));
    }

    private AbstractAuthenticationToken toAuthentication(Jwt jwt) {
        Optional<String> sub = text(jwt.getClaims().get("sub"));
        Optional<String> username = text(jwt.getClaims().get(PREFERRED_USERNAME));
        if (sub.isEmpty() && username.isEmpty()) {
            // Every change is audited by subject and username: a token naming nobody cannot act.
            throw new InvalidBearerTokenException("The token carries neither sub nor preferred_username");
        }
        Set<String> roles = realmRoles(jwt.getClaims().get(REALM_ACCESS));
        EcoPrincipal principal = new EcoPrincipal(sub.or(() -> username).orElseThrow(),
                username.or(() -> sub).orElseThrow(), roles, text(jwt.getClaims().get(DEPARTMENT)),
                text(jwt.getClaims().get(ENTERPRISE_ID)));
        List<GrantedAuthority> authorities = roles.stream()
            .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role))
            .toList();
        return new EcoAuthenticationToken(jwt, principal, authorities);
    }

    private static Set<String> realmRoles(Object realmAccess) {
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> access && access.get(ROLES) instanceof Collection<?> names) {
            for (Object name : names) {
                text(name).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /**
     * A string claim, or the single value of a list claim: a Keycloak user-attribute mapper switched to
     * "multivalued" emits {@code ["env"]} instead of {@code "env"}.
     */
    private static Optional<String> text(Object claim) {
        if (claim instanceof Collection<?> values && values.size() == 1) {
            return text(values.iterator().next());
        }
        if (claim instanceof String value && !value.isBlank()) {
            return Optional.of(value);
        }
        return Optional.empty();
    }
}
