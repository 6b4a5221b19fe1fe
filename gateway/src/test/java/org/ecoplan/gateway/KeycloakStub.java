package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.text.ParseException;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.ecoplan.common.testing.TestJwts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Keycloak's realm {@code ecoplan} as far as the gateway talks to it: the key set, the token endpoint and
 * userinfo. The key set publishes {@link TestJwts}' trusted key, so the gateway validates tokens exactly as in
 * production (Boot's decoder from {@code jwk-set-uri}, issuer checked) with no test decoder swapped in. No
 * discovery document is served: a gateway that asked for one at start-up would not start.
 */
final class KeycloakStub {

    static final String CLIENT_ID = "ecoplan-gateway";

    static final String CLIENT_SECRET = "gateway-test-secret";

    static final String OIDC_PATH = "/realms/ecoplan/protocol/openid-connect/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    KeycloakStub() {
        server.start();
        server.stubFor(get(OIDC_PATH + "certs").willReturn(okJson(trustedKeySet())));
    }

    WireMockServer server() {
        return server;
    }

    String url() {
        return server.baseUrl();
    }

    String issuer() {
        return url() + "/realms/ecoplan";
    }

    void registerProperties(DynamicPropertyRegistry registry) {
        registry.add("ecoplan.keycloak.url", this::url);
        registry.add("ecoplan.keycloak.client-secret", () -> CLIENT_SECRET);
    }

    /** An access token as this realm issues it to the gateway, naming the gateway as its audience. */
    TestJwts.Token token(String username, String... roles) {
        return TestJwts.token(username, roles).issuer(issuer()).claim("azp", CLIENT_ID).claim("aud", CLIENT_ID);
    }

    /** An ID token for the login that sent {@code nonce} to the authorization endpoint. */
    String idToken(String username, String nonce) {
        return TestJwts.token(username)
            .issuer(issuer())
            .claim("typ", "ID")
            .claim("aud", CLIENT_ID)
            .claim("azp", CLIENT_ID)
            .claim("nonce", nonce)
            .encode();
    }

    /** The next authorization-code exchange returns these tokens; userinfo answers for the ID token's subject. */
    void answerCodeExchange(String accessToken, String idToken) {
        answerCodeExchange(Map.of("access_token", accessToken, "id_token", idToken, "token_type", "Bearer",
                "expires_in", 300, "scope", "openid profile"), idToken);
    }

    /**
     * As {@link #answerCodeExchange(String, String)}, with an access token that expires within the gateway's
     * clock skew (so its next use refreshes it) and the refresh token to do so with.
     */
    void answerCodeExchangeExpiringSoon(String accessToken, String idToken, String refreshToken) {
        answerCodeExchange(Map.of("access_token", accessToken, "id_token", idToken, "token_type", "Bearer",
                "expires_in", 10, "refresh_token", refreshToken, "refresh_expires_in", 1800,
                "scope", "openid profile"), idToken);
    }

    /** A refresh with {@code refreshToken} returns {@code accessToken} and a new refresh token. */
    void answerRefresh(String refreshToken, String accessToken) {
        server.stubFor(post(OIDC_PATH + "token").atPriority(1)
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=" + refreshToken))
            .willReturn(okJson(json(Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                    "refresh_token", refreshToken + "-next", "refresh_expires_in", 1800,
                    "scope", "openid profile")))));
    }

    private void answerCodeExchange(Map<String, Object> tokenResponse, String idToken) {
        server.stubFor(post(OIDC_PATH + "token").willReturn(okJson(json(tokenResponse))));
        try {
            var claims = SignedJWT.parse(idToken).getJWTClaimsSet();
            server.stubFor(get(OIDC_PATH + "userinfo").willReturn(okJson(json(Map.of("sub", claims.getSubject(),
                    "preferred_username", claims.getStringClaim("preferred_username"))))));
        }
        catch (ParseException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** The realm's key set as Keycloak publishes it: the key {@link TestJwts} signs with. */
    static String trustedKeySet() {
        try {
            // The key id TestJwts signs with, read from a token rather than assumed.
            String keyId = SignedJWT.parse(TestJwts.token("probe").encode()).getHeader().getKeyID();
            RSAKey key = new RSAKey.Builder(TestJwts.trustedPublicKey()).keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
            return new JWKSet(key).toString();
        }
        catch (ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String json(Map<String, Object> value) {
        return JSON.writeValueAsString(value);
    }
}
