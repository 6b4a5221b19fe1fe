package org.ecoplan.common.security;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link KeySetCache} of the key set at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, fetched
 * once the application is ready. {@link KeySetDecoderAutoConfiguration} imports it for the services; the gateway,
 * which builds a decoder of its own, imports it directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ResourceServerProperties.class, KeySetProperties.class,
        VerifiedTokenProperties.class })
public class KeySetCacheConfiguration {

    @Bean
    KeySetCache keySetCache(OAuth2ResourceServerProperties resourceServer, KeySetProperties properties, Clock clock) {
        return new KeySetCache(WebClient.create(), URI.create(resourceServer.getJwt().getJwkSetUri()), clock,
                properties.refetchInterval(), properties.maxAge(), properties.fetchTimeout());
    }

    @Bean
    FirstFetch keySetFirstFetch(KeySetCache keys) {
        return new FirstFetch(keys);
    }

    /**
     * The first fetch of the key set, once the application is ready rather than during its start: on two cores the
     * fetch (the HTTP client's first request, the keys' parsing, Keycloak's answer) ran beside the context's
     * refresh and made a service ready about a tenth of a second later. A token arriving first meets the fetch
     * under way.
     */
    static final class FirstFetch implements ApplicationListener<ApplicationReadyEvent> {

        private final KeySetCache keys;

        FirstFetch(KeySetCache keys) {
            this.keys = keys;
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            // Off the main thread, which reports readiness next: preparing the first request takes it a tenth of
            // a second or two.
            keys.prefetch().subscribeOn(Schedulers.boundedElastic()).subscribe();
        }
    }

    /**
     * A decoder taking its keys from {@code keys} and checking what Boot's decoder checks: signature, expiry and
     * not-before (60 s clock skew), the realm's issuer, one of the configured audiences if any, and {@code more};
     * behind the {@link VerifiedTokenCache} {@code verified} sizes.
     */
    public static ReactiveJwtDecoder decoder(KeySetCache keys, OAuth2ResourceServerProperties.Jwt realm,
            List<OAuth2TokenValidator<Jwt>> more, VerifiedTokenProperties verified, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (realm.getIssuerUri() != null) {
            validators.add(new JwtIssuerValidator(realm.getIssuerUri()));
        }
        List<String> audiences = realm.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        validators.addAll(more);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        decoder.setJwtValidator(validators.isEmpty() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithValidators(validators));
        return VerifiedTokenCache.around(decoder, verified, clock);
    }
}
