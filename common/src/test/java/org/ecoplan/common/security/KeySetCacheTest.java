package org.ecoplan.common.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.ecoplan.common.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/** WireMock plays Keycloak's key-set endpoint and counts how often the cache asks it. */
class KeySetCacheTest {

    private static final String CERTS = "/realms/ecoplan/protocol/openid-connect/certs";

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

    private static final int FLOOD = 200;

    // Generous: a fetch that times out on a busy machine would count as an extra fetch in the assertions.
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private static RSAKey signingKey;

    private final WireMockServer keycloak = new WireMockServer(options().dynamicPort());

    private final TestClock clock = new TestClock();

    private KeySetCache keys;

    private ReactiveJwtDecoder decoder;

    @BeforeAll
    static void generateKey() throws JOSEException {
        signingKey = new RSAKeyGenerator(2048).generate();
    }

    @BeforeEach
    void start() {
        keycloak.start();
        publish("key-1");
        keys = new KeySetCache(WebClient.create(), URI.create(keycloak.baseUrl() + CERTS), clock, REFETCH_INTERVAL,
                Duration.ofMinutes(10), FETCH_TIMEOUT);
        decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
    }

    @AfterEach
    void stop() {
        keycloak.stop();
    }

    @Test
    void keysAreFetchedAtStartUpAndKeptForEveryToken() {
        keys.prefetch().block();

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token("key-1")).block().getSubject()).isEqualTo("someone");
        }
        assertThat(fetches()).isEqualTo(1);
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesAtMostOncePerInterval() {
        keys.prefetch().block();
        decoder.decode(token("key-1")).block();

        assertThat(validAmong(flood())).isZero();
        assertThat(fetches()).as("within 30 s of the start-up fetch").isEqualTo(1);

        clock.advance(REFETCH_INTERVAL);
        assertThat(validAmong(flood())).isZero();
        assertThat(fetches()).isEqualTo(2);

        clock.advance(REFETCH_INTERVAL.minusSeconds(1));
        assertThat(validAmong(flood())).isZero();
        assertThat(fetches()).isEqualTo(2);
        assertThat(decoder.decode(token("key-1")).block()).as("known keys keep working").isNotNull();
    }

    @Test
    void aRotatedKeyIsFetchedOnceTheIntervalHasPassed() {
        keys.prefetch().block();
        decoder.decode(token("key-1")).block();
        publish("key-2");

        assertThat(validAmong(List.of(token("key-2")))).as("too soon after the last fetch").isZero();

        clock.advance(REFETCH_INTERVAL);
        assertThat(validAmong(List.of(token("key-2"), token("key-2")))).isEqualTo(2);
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void keysOlderThanTheirMaximumAgeAreFetchedAgainSoAWithdrawnKeyStopsCounting() {
        keys.prefetch().block();
        decoder.decode(token("key-1")).block();
        publish("key-2");

        clock.advance(Duration.ofMinutes(10));

        assertThat(validAmong(List.of(token("key-1")))).isZero();
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void aKeycloakNotYetUpAtStartUpIsAskedAtTheFirstTokenThenOncePerInterval() {
        keycloak.stubFor(get(CERTS).willReturn(aResponse().withStatus(503)));
        keys.prefetch().block();

        assertThat(validAmong(flood())).isZero();
        assertThat(fetches()).as("the start-up fetch and one for the flood").isEqualTo(2);

        publish("key-1");
        assertThat(validAmong(List.of(token("key-1")))).as("too soon after the last fetch").isZero();
        clock.advance(REFETCH_INTERVAL);

        assertThat(validAmong(List.of(token("key-1")))).isEqualTo(1);
        assertThat(fetches()).isEqualTo(3);
    }


    private List<String> flood() {
        return IntStream.range(0, FLOOD).mapToObj(i -> token("made-up-" + UUID.randomUUID())).toList();
    }

    /** Decodes the tokens concurrently; how many the decoder accepted. */
    private long validAmong(List<String> tokens) {
        return Flux.fromIterable(tokens)
            .flatMap(token -> decoder.decode(token)
                .map(jwt -> 1)
                .onErrorResume(invalid -> Mono.empty())
                .subscribeOn(Schedulers.parallel()), tokens.size())
            .count()
            .block();
    }

    private int fetches() {
        return keycloak.findAll(getRequestedFor(urlEqualTo(CERTS))).size();
    }

    private void publish(String keyId) {
        RSAKey published = new RSAKey.Builder(signingKey.toPublicJWK()).keyID(keyId)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
        keycloak.stubFor(get(CERTS).willReturn(okJson(new JWKSet(published).toString())));
    }

    private static String token(String keyId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("someone")
            .issueTime(Date.from(Instant.now()))
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
