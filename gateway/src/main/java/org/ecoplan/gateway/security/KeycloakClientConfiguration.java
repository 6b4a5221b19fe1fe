package org.ecoplan.gateway.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The gateway as Keycloak's OAuth2 client {@code ecoplan-gateway} (backend for frontend: the browser holds a
 * session cookie, the tokens stay here).
 * <p>
 * Built in code, not from {@code spring.security.oauth2.client.*}: Boot 4.0 fetches the provider's discovery
 * document at start-up as soon as {@code provider.issuer-uri} is set, so the gateway would not start while
 * Keycloak is still booting; without issuer-uri Boot leaves the issuer unset and the ID token's {@code iss}
 * unchecked, and properties offer no place for the end-session endpoint that logout needs. Every endpoint is
 * Keycloak's fixed path under the realm; the browser's go to the public URL, the gateway's own calls to the
 * internal one when it is set.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientConfiguration {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
            .clientName("Keycloak")
            .clientId(keycloak.clientId())
            .clientSecret(keycloak.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile")
            .issuerUri(keycloak.issuer())
            .authorizationUri(keycloak.openIdConnectEndpoint("auth"))
            .tokenUri(keycloak.backChannelEndpoint("token"))
            .jwkSetUri(keycloak.backChannelEndpoint("certs"))
            .userInfoUri(keycloak.backChannelEndpoint("userinfo"))
            .userNameAttributeName("preferred_username")
            .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.openIdConnectEndpoint("logout")))
            // Spring Security 7 defaults to PKCE for every client; stated so a confidential client keeps it.
            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /**
     * Keeps each user's tokens in their web session. Boot's default keeps them in a map inside this JVM, which a
     * second gateway replica behind the same session store would not see.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
