package org.ecoplan.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;

class KeycloakClientConfigurationTest {

    private static final String PUBLIC_REALM = "https://sso.example.org/realms/ecoplan";

    @Test
    void browserEndpointsAndIssuerUseThePublicUrlAndTheGatewaysOwnCallsTheInternalOne() {
        ClientRegistration registration = registration(
                new KeycloakProperties(URI.create("https://sso.example.org"),
                        URI.create("http://keycloak-service.keycloak:8080"), "ecoplan-gateway", "secret"));
        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();

        assertThat(provider.getIssuerUri()).isEqualTo(PUBLIC_REALM);
        assertThat(provider.getAuthorizationUri()).isEqualTo(PUBLIC_REALM + "/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata())
            .containsEntry("end_session_endpoint", PUBLIC_REALM + "/protocol/openid-connect/logout");
        String internalRealm = "http://keycloak-service.keycloak:8080/realms/ecoplan";
        assertThat(provider.getTokenUri()).isEqualTo(internalRealm + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(internalRealm + "/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(internalRealm + "/protocol/openid-connect/userinfo");
    }

    @Test
    void withoutAnInternalUrlEveryEndpointUsesThePublicOne() {
        ClientRegistration registration = registration(
                new KeycloakProperties(URI.create("https://sso.example.org"), null, "ecoplan-gateway", "secret"));

        assertThat(registration.getProviderDetails().getTokenUri())
            .isEqualTo(PUBLIC_REALM + "/protocol/openid-connect/token");
        assertThat(registration.getProviderDetails().getJwkSetUri())
            .isEqualTo(PUBLIC_REALM + "/protocol/openid-connect/certs");
    }

    private static ClientRegistration registration(KeycloakProperties keycloak) {
        var repository = (InMemoryReactiveClientRegistrationRepository) new KeycloakClientConfiguration()
            .clientRegistrationRepository(keycloak);
        return repository.findByRegistrationId(KeycloakClientConfiguration.REGISTRATION_ID).block();
    }
}
