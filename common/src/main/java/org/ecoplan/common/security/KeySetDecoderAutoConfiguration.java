package org.ecoplan.common.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The services' token decoder, in place of the one Boot builds from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}: Spring Security's remote key source fails a token
 * of an unknown key with an error that becomes 500 while Keycloak is down, fetches with no time limit, and asks
 * Keycloak again for every such token. The keys come from the {@link KeySetCache} instead, as at the gateway;
 * what is checked stays what Boot checked, including every {@code OAuth2TokenValidator<Jwt>} bean (the audience,
 * see {@link EcoResourceServerAutoConfiguration}). It sits behind a {@link VerifiedTokenCache}, as the gateway's does:
 * every request reaches a service with a token the gateway has just checked, and checking it again in full took
 * risk-service 40 % of its time for a small read from memory (bench/run: 2,092 requests/s without a token, 1,243
 * with). An application with a decoder of its own (the gateway, tests importing {@code TestJwts}) gets neither
 * the decoder nor the caches from here.
 */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass(NimbusReactiveJwtDecoder.class)
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
@Import(KeySetCacheConfiguration.class)
public class KeySetDecoderAutoConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(KeySetCache keys, OAuth2ResourceServerProperties resourceServer,
            ObjectProvider<OAuth2TokenValidator<Jwt>> validators, VerifiedTokenProperties verified, Clock clock) {
        return KeySetCacheConfiguration.decoder(keys, resourceServer.getJwt(), validators.orderedStream().toList(),
                verified, clock);
    }
}
