package org.ecoplan.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's token decoder: Boot's {@code spring.security.oauth2.resourceserver.jwt.*} settings (issuer, key-set
 * URI, audiences; the charts set them), with the keys from {@link KeySetCache} instead of Spring Security's remote
 * key source, which would fetch the key set again for every token naming an unknown key. Bearer tokens and the
 * session users' access tokens ({@code AccessTokenOidcUserService}) go through this one decoder, behind the
 * {@link VerifiedTokenCache} of tokens it has accepted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ResourceServerProperties.class, KeySetProperties.class,
        VerifiedTokenProperties.class })
class TokenVerificationConfiguration {

    @Bean
    KeySetCache keySetCache(OAuth2ResourceServerProperties resourceServer, KeySetProperties properties, Clock clock) {
        KeySetCache keys = new KeySetCache(WebClient.create(), URI.create(resourceServer.getJwt().getJwkSetUri()),
                clock, properties.refetchInterval(), properties.maxAge(), properties.fetchTimeout());
        keys.prefetch().subscribe();
        return keys;
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(KeySetCache keys, OAuth2ResourceServerProperties resourceServer,
            VerifiedTokenProperties verified, Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // Signature (above), expiry and not-before with Spring's 60 s clock skew, and the realm's issuer.
        validators.add(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        if (verified.maxTokens() == 0) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, clock, verified.maxAge(), verified.maxTokens());
    }
}
