package org.ecoplan.gateway.session;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.ecoplan.common.security.EcoPrincipal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A browser user logged in through Keycloak: identified by the ID token, authorised by the access token's realm
 * roles, exactly as the same person calling with that access token as a bearer token would be.
 * <p>
 * Keeps the principal's parts as plain serializable fields (an {@link EcoPrincipal} holds {@code Optional}s,
 * which are not) because the security context lives in the web session, and a shared session store serializes it.
 */
public final class SessionUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String subject;

    private final String username;

    private final Set<String> roles;

    private final String department;

    private final String enterpriseId;

    SessionUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            String nameAttributeKey, EcoPrincipal principal) {
        super(authorities, idToken, userInfo, nameAttributeKey);
        this.subject = principal.subject();
        this.username = principal.username();
        this.roles = Set.copyOf(principal.roles());
        this.department = principal.department().orElse(null);
        this.enterpriseId = principal.enterpriseId().orElse(null);
    }

    /** The same principal a bearer request with this user's access token has. */
    public EcoPrincipal principal() {
        return new EcoPrincipal(subject, username, roles, Optional.ofNullable(department),
                Optional.ofNullable(enterpriseId));
    }
}
