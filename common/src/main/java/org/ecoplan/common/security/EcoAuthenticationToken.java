package org.ecoplan.common.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated Keycloak access token. The principal is the {@link EcoPrincipal} (so
 * {@code @AuthenticationPrincipal EcoPrincipal} resolves); the {@link Jwt} stays reachable as
 * {@link #getToken()} and {@link #getCredentials()}, which is where bearer-token relaying looks for it.
 */
public class EcoAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final long serialVersionUID = 1L;

    public EcoAuthenticationToken(Jwt jwt, EcoPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, principal, jwt, authorities);
        setAuthenticated(true);
    }

    @Override
    public EcoPrincipal getPrincipal() {
        return (EcoPrincipal) super.getPrincipal();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    /** The token subject, like Spring's own JWT authentication, so names in logs match Keycloak's user ids. */
    @Override
    public String getName() {
        return getPrincipal().subject();
    }
}
