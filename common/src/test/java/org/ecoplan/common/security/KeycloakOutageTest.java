package org.ecoplan.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.common.time.ClockAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * The services' token check while Keycloak is down, with the decoder {@link KeySetDecoderAutoConfiguration} builds
 * from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (the services set no decoder of their own),
 * behind the authentication manager their filter chain uses. A JDK HTTP server plays Keycloak's key-set endpoint.
 */
class KeycloakOutageTest {

    private static final String CERTS = "/realms/ecoplan/protocol/openid-connect/certs";

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final AtomicInteger fetches = new AtomicInteger();

    private final AtomicInteger answerDelayMillis = new AtomicInteger();

    private HttpServer keycloak;

    private int port;

    @BeforeEach
    void startKeycloak() throws IOException {
        keycloak = keycloakOn(0);
        port = keycloak.getAddress().getPort();
    }

    @AfterEach
    void stopKeycloak() {
        keycloak.stop(0);
    }

    @Test
    void theServiceHasOneDecoderTakingItsKeysFromTheCache() {
        service().run(context -> {
            assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasSingleBean(KeySetCache.class);
            assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(VerifiedTokenCache.class);
            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
        });
    }

    @Test
    void aServiceToldToKeepNoTokensChecksEachInFull() {
        service().withPropertyValues("ecoplan.verified-tokens.max-tokens=0").run(context -> {
            assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(NimbusReactiveJwtDecoder.class);
            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
        });
    }

    @Test
    void theKeysAreFetchedOnceTheServiceIsReadyAndServeTokensAfterKeycloakStopped() {
        service().run(context -> {
            await().during(Duration.ofSeconds(1)).atMost(PROMPTLY).untilAsserted(
                    () -> assertThat(fetches).as("while the service starts").hasValue(0));

            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context,
                    Duration.ZERO));
            await().atMost(PROMPTLY).untilAsserted(() -> assertThat(fetches).as("once it is ready").hasValue(1));
            keycloak.stop(0);

            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            assertThat(fetches).hasValue(1);
        });
    }

    @Test
    void tokensOfKeysFetchedBeforeKeycloakStoppedKeepBeingAccepted() {
        service().run(context -> {
            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            keycloak.stop(0);

            for (int token = 0; token < 3; token++) {
                expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            }
            assertThat(fetches).as("the first token's fetch only").hasValue(1);
        });
    }

    @Test
    void aTokenOfAnUnknownKeyIsABadTokenWhileKeycloakIsDown() {
        service().withPropertyValues("ecoplan.jwks.refetch-interval=0s").run(context -> {
            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            keycloak.stop(0);

            expectRefused(context, TestJwts.foreignToken("intruder", "eco-admin").encode());
        });
    }

    @Test
    void aKeycloakThatDoesNotAnswerDelaysATokenOfAnUnknownKeyOnlyByTheFetchTimeout() {
        service().withPropertyValues("ecoplan.jwks.refetch-interval=0s", "ecoplan.jwks.fetch-timeout=500ms")
            .run(context -> {
                expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
                answerDelayMillis.set(30_000);

                expectRefused(context, TestJwts.foreignToken("intruder", "eco-admin").encode());
                assertThat(fetches).as("the first token's fetch and the one that timed out").hasValue(2);
            });
    }

    @Test
    void aFloodOfUnknownKeysCostsKeycloakAtMostOneFetchPerInterval() {
        service().run(context -> {
            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            int before = fetches.get();

            List<Boolean> refused = Flux.range(0, 50)
                .flatMap(i -> authenticate(context, withKeyId(TestJwts.foreignToken("intruder", "eco-admin").encode(),
                        "made-up-" + i))
                    .map(accepted -> false)
                    .onErrorResume(AuthenticationException.class, bad -> Mono.just(true)))
                .collectList()
                .block(Duration.ofSeconds(30));

            assertThat(refused).hasSize(50).containsOnly(true);
            assertThat(fetches.get() - before).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void aServiceStartedWhileKeycloakIsDownStartsAndAcceptsTokensOnceKeycloakIsUp() throws IOException {
        keycloak.stop(0);

        service().run(context -> {
            assertThat(context).hasNotFailed();
            keycloak = keycloakOn(port);

            expectAccepted(context, TestJwts.token("viewer", "bureau-viewer").encode());
            assertThat(fetches).as("the first token's").hasValue(1);
        });
    }

    @Test
    void theApplicationsOwnValidatorsStillApply() {
        String otherAudience = TestJwts.token("viewer", "bureau-viewer").audience("account").encode();
        service().run(context -> {
            expectRefused(context, otherAudience);
            expectRefused(context, otherAudience);
        });
    }

    private ReactiveWebApplicationContextRunner service() {
        OAuth2TokenValidator<Jwt> platformAudience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(TestJwts.AUDIENCE));
        return new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KeySetDecoderAutoConfiguration.class,
                    ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
                    ClockAutoConfiguration.class))
            .withBean("platformAudienceValidator", OAuth2TokenValidator.class, () -> platformAudience)
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestJwts.ISSUER,
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + port + CERTS);
    }

    private static void expectAccepted(AssertableReactiveWebApplicationContext context, String token) {
        StepVerifier.create(authenticate(context, token))
            .expectNextMatches(accepted -> accepted.isAuthenticated())
            .expectComplete()
            .verify(PROMPTLY);
    }

    /** Refused as a bad token, which the filter chain answers with 401 (not 500), and promptly. */
    private static void expectRefused(AssertableReactiveWebApplicationContext context, String token) {
        StepVerifier.create(authenticate(context, token))
            .expectError(AuthenticationException.class)
            .verify(PROMPTLY);
    }

    private static Mono<Authentication> authenticate(AssertableReactiveWebApplicationContext context, String token) {
        return new JwtReactiveAuthenticationManager(context.getBean(ReactiveJwtDecoder.class))
            .authenticate(new BearerTokenAuthenticationToken(token));
    }

    /** The token with another key id in its header; its signature no longer matters, as no key has that id. */
    private static String withKeyId(String token, String keyId) {
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
    }

    private HttpServer keycloakOn(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] keySet = trustedKeySet().getBytes(StandardCharsets.UTF_8);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(CERTS, exchange -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(answerDelayMillis.get());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keySet);
            }
        });
        server.start();
        return server;
    }

    private static String trustedKeySet() {
        try {
            String keyId = SignedJWT.parse(TestJwts.token("probe").encode()).getHeader().getKeyID();
            return new JWKSet(new RSAKey.Builder(TestJwts.trustedPublicKey()).keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build()).toString();
        }
        catch (ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
