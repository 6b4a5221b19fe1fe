package org.ecoplan.gateway.security;

import java.time.Clock;
import java.util.List;

import org.ecoplan.common.security.KeySetCache;
import org.ecoplan.common.security.KeySetCacheConfiguration;
import org.ecoplan.common.security.VerifiedTokenProperties;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's token decoder: Boot's {@code spring.security.oauth2.resourceserver.jwt.*} settings (issuer, key-set
 * URI, audiences; the charts set them), with the keys from common's {@link KeySetCache} instead of Spring Security's
 * remote key source, which would fetch the key set again for every token naming an unknown key. Bearer tokens and
 * the session users' access tokens ({@code AccessTokenOidcUserService}) go through this one decoder, behind the
 * {@code VerifiedTokenCache} (common) of tokens it has accepted.
 */
@Configuration(proxyBeanMethods = false)
@Import(KeySetCacheConfiguration.class)
class TokenVerificationConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(KeySetCache keys, OAuth2ResourceServerProperties resourceServer,
            VerifiedTokenProperties verified, Clock clock) {
        return KeySetCacheConfiguration.decoder(keys, resourceServer.getJwt(), List.of(), verified, clock);
    }
}
