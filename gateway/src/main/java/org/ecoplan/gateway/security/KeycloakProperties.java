package org.ecoplan.gateway.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Keycloak the gateway logs browsers in with, as the OAuth2 client {@code ecoplan-gateway}.
 *
 * @param url Keycloak's base URL, without the realm and without a trailing slash (as in application.yml)
 * @param clientId the gateway's confidential client
 * @param clientSecret that client's secret
 */
@Validated
@ConfigurationProperties("ecoplan.keycloak")
public record KeycloakProperties(@NotNull URI url, @NotBlank String clientId, @NotBlank String clientSecret) {

    /** The one realm of the platform (contract); the resource-server issuer in application.yml names it too. */
    static final String REALM = "ecoplan";

    /** The realm's issuer identifier, as Keycloak writes it into the {@code iss} claim. */
    String issuer() {
        return url + "/realms/" + REALM;
    }

    /** One of the realm's OpenID Connect endpoints: {@code auth}, {@code token}, {@code certs}, … */
    String openIdConnectEndpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }
}
