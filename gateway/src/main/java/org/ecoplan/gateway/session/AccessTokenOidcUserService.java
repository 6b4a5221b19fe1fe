package org.ecoplan.gateway.session;

import org.ecoplan.common.security.EcoAuthenticationToken;
import org.ecoplan.common.security.KeycloakJwtAuthenticationConverter;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Loads the user at browser login. Spring's OIDC user service grants authorities from the ID token and scopes,
 * where Keycloak puts no realm roles; this one takes them from the access token, decoded and checked like any
 * bearer token (signature, issuer, expiry) and mapped by common's converter. So a session user lacking every
 * platform role is refused on {@code /api/**} just as their token would be. A token failing those checks fails
 * the login (Spring's login manager turns the JwtException into a login error), and the portal says so.
 * <p>
 * Spring Security's OAuth2 login picks this bean up by its type.
 */
@Component
class AccessTokenOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService idTokenUsers = new OidcReactiveOAuth2UserService();

    private final ReactiveJwtDecoder accessTokenDecoder;

    private final KeycloakJwtAuthenticationConverter tokenConverter;

    AccessTokenOidcUserService(ReactiveJwtDecoder accessTokenDecoder,
            KeycloakJwtAuthenticationConverter tokenConverter) {
        this.accessTokenDecoder = accessTokenDecoder;
        this.tokenConverter = tokenConverter;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        String nameAttribute = request.getClientRegistration()
            .getProviderDetails()
            .getUserInfoEndpoint()
            .getUserNameAttributeName();
        Mono<EcoAuthenticationToken> access = accessTokenDecoder.decode(request.getAccessToken().getTokenValue())
            .flatMap(tokenConverter::convert)
            .cast(EcoAuthenticationToken.class);
        return idTokenUsers.loadUser(request)
            .zipWith(access, (user, token) -> new SessionUser(token.getAuthorities(), user.getIdToken(),
                    user.getUserInfo(), nameAttribute, token.getPrincipal()));
    }
}
