package org.ecoplan.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * The services' token check while Keycloak is down, with the decoder Boot builds from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (the services set no decoder of their own): keys
 * are fetched at the first token and kept, so tokens of known keys keep working; a token of an unknown key costs
 * one failed fetch and is refused. A JDK HTTP server plays Keycloak's key-set endpoint.
 */
class KeycloakOutageTest {

    private static final String CERTS = "/realms/ecoplan/protocol/openid-connect/certs";

    private final AtomicInteger fetches = new AtomicInteger();

    private HttpServer keycloak;

    private JwtReactiveAuthenticationManager authentication;

    @BeforeEach
    void startKeycloak() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keySet = trustedKeySet().getBytes(StandardCharsets.UTF_8);
        keycloak.createContext(CERTS, exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keySet);
            }
        });
        keycloak.start();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
            .withJwkSetUri("http://127.0.0.1:" + keycloak.getAddress().getPort() + CERTS)
            .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestJwts.ISSUER));
        authentication = new JwtReactiveAuthenticationManager(decoder);
    }

    @AfterEach
    void stopKeycloak() {
        keycloak.stop(0);
    }

    @Test
    void tokensOfKeysFetchedBeforeKeycloakStoppedKeepBeingAccepted() {
        StepVerifier.create(authentication.authenticate(bearer(TestJwts.token("viewer", "bureau-viewer").encode())))
            .expectNextMatches(accepted -> accepted.isAuthenticated())
            .verifyComplete();
        keycloak.stop(0);

        for (int token = 0; token < 3; token++) {
            StepVerifier.create(authentication.authenticate(bearer(TestJwts.token("viewer", "bureau-viewer").encode())))
                .expectNextMatches(accepted -> accepted.isAuthenticated())
                .verifyComplete();
        }
        assertThat(fetches).hasValue(1);
    }

    /**
     * Refused, not hanging: the connection is refused at once. Spring Security's key source fails with an
     * IllegalStateException rather than a bad-token error, so the service answers 500, not 401; the gateway
     * refuses such tokens itself before they reach a service.
     */
    @Test
    void tokenOfAnUnknownKeyIsRefusedWhileKeycloakIsDown() {
        StepVerifier.create(authentication.authenticate(bearer(TestJwts.token("viewer", "bureau-viewer").encode())))
            .expectNextCount(1)
            .verifyComplete();
        keycloak.stop(0);

        StepVerifier.create(authentication.authenticate(bearer(TestJwts.foreignToken("intruder", "eco-admin")
            .encode())))
            .expectError()
            .verify(Duration.ofSeconds(30));
    }

    private static BearerTokenAuthenticationToken bearer(String token) {
        return new BearerTokenAuthenticationToken(token);
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
