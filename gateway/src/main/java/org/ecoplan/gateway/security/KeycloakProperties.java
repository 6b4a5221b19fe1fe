package org.ecoplan.gateway.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Keycloak the gateway logs browsers in with, as the OAuth2 client {@code ecoplan-gateway}.
 *
 * @param url Keycloak's base URL as browsers reach it and as it writes the issuer into tokens, without the realm
 *            and without a trailing slash (as in application.yml)
 * @param internalUrl the base URL the gateway itself calls Keycloak on (token, key set, userinfo), e.g. the
 *            in-cluster Service on Kubernetes; absent means {@code url}
 * @param clientId the gateway's confidential client
 * @param clientSecret that client's secret
 */
@Validated
@ConfigurationProperties("ecoplan.keycloak")
public record KeycloakProperties(@NotNull URI url, URI internalUrl, @NotBlank String clientId,
        @NotBlank String clientSecret) {

    /** The one realm of the platform (contract); the resource-server issuer in application.yml names it too. */
    static final String REALM = "ecoplan";

    /** The realm's issuer identifier, as Keycloak writes it into the {@code iss} claim. */
    String issuer() {
        return url + "/realms/" + REALM;
    }

    /**
     * One of the realm's OpenID Connect endpoints at the address browsers and integrators reach: {@code auth},
     * {@code logout}, {@code token}.
     */
    public String openIdConnectEndpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }

    /**
     * One of the realm's OpenID Connect endpoints the gateway calls itself: {@code token}, {@code certs},
     * {@code userinfo}. Inside a cluster the public URL may not be reachable from the pods (or only through the
     * ingress, which the network policies close), so these may go to another address than the browser's.
     */
    String backChannelEndpoint(String name) {
        URI base = internalUrl == null ? url : internalUrl;
        return base + "/realms/" + REALM + "/protocol/openid-connect/" + name;
    }
}
