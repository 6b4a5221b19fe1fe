package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.gateway.BrowserLogin.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's way in: authorization code with PKCE against the Keycloak stand-in, then the session cookie.
 * Each login runs the gateway's real flow (redirect, code exchange, ID-token and access-token validation).
 */
class BrowserSessionTest extends GatewayTestSupport {

    private BrowserLogin browser;

    @BeforeEach
    void newBrowser() {
        browser = new BrowserLogin(client, KEYCLOAK);
    }

    @Test
    void browserOnAProtectedPageIsSentToTheKeycloakLogin() {
        client.get()
            .uri("/plans/2021-2025")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");
    }

    @Test
    void loginRedirectsToKeycloakWithPkceChallenge() {
        MultiValueMap<String, String> query = browser.authorizationRequest(browser.start());

        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo(KeycloakStub.CLIENT_ID);
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        // base64url of a SHA-256 digest, unpadded.
        assertThat(query.getFirst("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.getFirst("redirect_uri")).endsWith("/login/oauth2/code/keycloak");
        assertThat(query.getFirst("scope")).contains("openid");
    }

    @Test
    void sessionUserReachesServicesWithTheAccessTokenRelayed() {
        TestJwts.Token accessToken = KEYCLOAK.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env");
        String encoded = accessToken.encode();
        Session session = browser.logIn(encoded, "env-editor");
        INDICATOR_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/indicators")).willReturn(okJson("{\"total\":37}")));

        client.get()
            .uri("/api/v1/indicators?size=1")
            .cookie("SESSION", session.id())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.total")
            .isEqualTo(37);

        INDICATOR_SERVICE.verify(getRequestedFor(urlPathEqualTo("/api/v1/indicators"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + encoded))
            .withHeader(HttpHeaders.COOKIE, absent()));
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedAtKeycloakAndTheNewOneRelayed() {
        String first = KEYCLOAK.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env").encode();
        String refreshed = KEYCLOAK.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env")
            .claim("jti", "refreshed").encode();
        Session session = browser.logInExpiringSoon(first, "env-editor", "refresh-1");
        KEYCLOAK.answerRefresh("refresh-1", refreshed);
        INDICATOR_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/indicators")).willReturn(okJson("{\"total\":37}")));

        for (int call = 0; call < 2; call++) {
            client.get().uri("/api/v1/indicators").cookie("SESSION", session.id()).exchange().expectStatus().isOk();
        }

        KEYCLOAK.server().verify(1, postRequestedFor(urlPathEqualTo(KeycloakStub.OIDC_PATH + "token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=refresh-1")));
        INDICATOR_SERVICE.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/indicators"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + refreshed)));
        INDICATOR_SERVICE.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/indicators"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + first)));
    }

    @Test
    void codeExchangeProvesPkceAndAuthenticatesTheClient() {
        browser.logIn(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(), "viewer");

        String basic = Base64.getEncoder()
            .encodeToString((KeycloakStub.CLIENT_ID + ":" + KeycloakStub.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        KEYCLOAK.server()
            .verify(postRequestedFor(urlPathEqualTo(KeycloakStub.OIDC_PATH + "token"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Basic " + basic))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(matching(".*code_verifier=[A-Za-z0-9_-]{43,128}.*")));
    }

    @Test
    void meDescribesTheSessionUserFromTheAccessToken() {
        Session session = browser.logIn(
                KEYCLOAK.token("water-editor", PlatformRoles.BUREAU_EDITOR, "offline_access").department("water")
                    .encode(), "water-editor");

        client.get().uri("/api/v1/me").cookie("SESSION", session.id()).exchange().expectStatus().isOk()
            .expectBody()
            .json("""
                    {"authenticated": true, "username": "water-editor", "roles": ["bureau-editor"],
                     "department": "water"}""", true);
    }

    @Test
    void sessionUserWithoutPlatformRoleIsForbiddenOnTheApi() {
        Session session = browser.logIn(KEYCLOAK.token("newcomer", "default-roles-ecoplan").encode(), "newcomer");

        client.get()
            .uri("/api/v1/indicators?size=1")
            .cookie("SESSION", session.id())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        INDICATOR_SERVICE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sessionKeepsWorkingWhileKeycloakIsDownAsLongAsItsAccessTokenIsValid() {
        String accessToken = KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode();
        Session session = browser.logIn(accessToken, "viewer");
        INDICATOR_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/indicators")).willReturn(okJson("{\"total\":37}")));
        // Every Keycloak endpoint fails from here: the key set, the token endpoint (a refresh), userinfo.
        StubMapping down = KEYCLOAK.server().stubFor(any(anyUrl()).atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        KEYCLOAK.server().resetRequests();
        try {
            client.get()
                .uri("/api/v1/indicators")
                .cookie("SESSION", session.id())
                .exchange()
                .expectStatus()
                .isOk();
            INDICATOR_SERVICE.verify(getRequestedFor(urlPathEqualTo("/api/v1/indicators"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken)));
            KEYCLOAK.server().verify(0, anyRequestedFor(anyUrl()));
        }
        finally {
            KEYCLOAK.server().removeStub(down);
        }
    }

    @Test
    void sessionWriteNeedsTheCsrfTokenFromTheCookie() {
        Session session = browser.logIn(KEYCLOAK.token("env-editor", PlatformRoles.BUREAU_EDITOR).encode(),
                "env-editor");
        PROJECT_SERVICE.stubFor(post("/api/v1/projects").willReturn(okJson("{\"code\":\"XM-099\"}").withStatus(201)));

        client.post()
            .uri("/api/v1/projects")
            .cookie("SESSION", session.id())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        PROJECT_SERVICE.verify(0, anyRequestedFor(anyUrl()));

        client.post()
            .uri("/api/v1/projects")
            .cookie("SESSION", session.id())
            .cookie("XSRF-TOKEN", session.csrfToken())
            .header("X-XSRF-TOKEN", session.csrfToken())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isCreated();
        PROJECT_SERVICE.verify(postRequestedFor(urlPathEqualTo("/api/v1/projects")));
    }

    @Test
    void loginWithAnAccessTokenTheGatewayCannotVerifyReturnsToThePortalAsFailed() {
        String foreign = TestJwts.foreignToken("intruder", PlatformRoles.ECO_ADMIN).issuer(KEYCLOAK.issuer()).encode();

        browser.returnFromKeycloak(foreign, "intruder")
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/?login=failed");
    }

    @Test
    void firstPageSetsAScriptReadableCsrfCookie() {
        ResponseCookie cookie = client.get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseCookies()
            .getFirst("XSRF-TOKEN");

        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isNotBlank();
        assertThat(cookie.isHttpOnly()).isFalse();
    }

    @Test
    void logoutEndsTheSessionAndContinuesAtKeycloaksEndSessionEndpoint() {
        Session session = browser.logIn(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(), "viewer");

        EntityExchangeResult<Void> logout = client.post()
            .uri("/logout")
            .cookie("SESSION", session.id())
            .cookie("XSRF-TOKEN", session.csrfToken())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("_csrf=" + session.csrfToken())
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody(Void.class)
            .returnResult();

        // Invalidated, tokens and all, not merely logged out.
        assertThat(logout.getResponseCookies().getFirst("SESSION").getMaxAge()).isZero();
        URI location = logout.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).startsWith(KEYCLOAK.url() + KeycloakStub.OIDC_PATH + "logout?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(BrowserLogin.decode(query.getFirst("post_logout_redirect_uri"))).matches("http://localhost:\\d+/");
        client.get().uri("/api/v1/me").cookie("SESSION", session.id()).exchange().expectBody().json("""
                {"authenticated": false}""", true);
    }

}
