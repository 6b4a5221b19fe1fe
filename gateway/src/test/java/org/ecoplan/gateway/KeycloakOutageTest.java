package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak stops after the gateway fetched its keys at start-up, and comes back later with a rotated key. Its own
 * Keycloak stand-in and application context: the one the other gateway tests share must stay up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestClock.class)
class KeycloakOutageTest {

    private static final KeycloakStub KEYCLOAK = new KeycloakStub();

    private static final WireMockServer INDICATOR_SERVICE = new WireMockServer(options().dynamicPort());

    private static final String CERTS = KeycloakStub.OIDC_PATH + "certs";

    private static final String INDICATORS = "/api/v1/indicators";

    @Autowired
    WebTestClient client;

    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        INDICATOR_SERVICE.start();
        INDICATOR_SERVICE.stubFor(get(urlPathEqualTo(INDICATORS)).willReturn(okJson("{\"total\":37}")));
        KEYCLOAK.registerProperties(registry);
        registry.add("ecoplan.routes.indicator", INDICATOR_SERVICE::baseUrl);
    }

    @Test
    void tokensOfKnownKeysKeepWorkingWhileKeycloakIsDownAndRotatedKeysCountOnceItIsBack() throws Exception {
        // Every token is made while the stand-in runs: its issuer URL is read from the running server.
        String viewer = KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode();
        String unknownKey = TestJwts.foreignToken("intruder", PlatformRoles.ECO_ADMIN).issuer(KEYCLOAK.issuer())
            .claim("aud", KeycloakStub.CLIENT_ID).encode();
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID()).generate();
        String rotatedToken = signed(rotated);
        WireMockServer keycloak = KEYCLOAK.server();
        // The first token waits for the start-up fetch if that is still running, so the keys are kept from here.
        assertThat(status(viewer)).isEqualTo(200);
        assertThat(keycloak.findAll(getRequestedFor(urlEqualTo(CERTS)))).hasSize(1);
        int port = keycloak.port();
        keycloak.stop();

        assertThat(status(viewer)).isEqualTo(200);

        // Past the refetch interval a token of an unknown key makes the gateway ask Keycloak, which is down.
        clock.advance(Duration.ofSeconds(31));
        long start = System.nanoTime();
        assertThat(status(unknownKey)).isEqualTo(401);
        System.out.printf("KeycloakOutageTest: an unknown key id was refused in %d ms while Keycloak was down%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        // Kept keys past their maximum age: fetching fails, so they are kept rather than dropped.
        clock.advance(Duration.ofMinutes(11));
        assertThat(status(viewer)).isEqualTo(200);
        assertThat(status(rotatedToken)).as("still down").isEqualTo(401);

        WireMockServer back = new WireMockServer(options().port(port));
        back.start();
        try {
            List<JWK> keys = new ArrayList<>(JWKSet.parse(KeycloakStub.trustedKeySet()).getKeys());
            keys.add(rotated.toPublicJWK());
            back.stubFor(get(CERTS).willReturn(okJson(new JWKSet(keys).toString())));
            clock.advance(Duration.ofSeconds(31));

            assertThat(status(rotatedToken)).isEqualTo(200);
            assertThat(status(viewer)).isEqualTo(200);
        }
        finally {
            back.stop();
        }
    }

    private int status(String token) {
        return client.get()
            .uri(INDICATORS)
            .headers(headers -> headers.setBearerAuth(token))
            .exchange()
            .returnResult(String.class)
            .getStatus()
            .value();
    }

    /** A token as Keycloak signs it after rotating to {@code key}. */
    private static String signed(RSAKey key) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(KEYCLOAK.issuer())
            .subject(UUID.randomUUID().toString())
            .audience(KeycloakStub.CLIENT_ID)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("azp", KeycloakStub.CLIENT_ID)
            .claim("preferred_username", "viewer")
            .claim("realm_access", Map.of("roles", List.of(PlatformRoles.BUREAU_VIEWER)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
