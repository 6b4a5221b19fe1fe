package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What the browser and Keycloak do between the portal's login button and its page, against one gateway: the
 * gateway's real flow (redirect, code exchange, ID-token and access-token validation) with the Keycloak stand-in.
 */
final class BrowserLogin {

    static final String SESSION_COOKIE = "SESSION";

    private static final String AUTHORIZATION_ENDPOINT = KeycloakStub.OIDC_PATH + "auth";

    private final WebTestClient client;

    private final KeycloakStub keycloak;

    BrowserLogin(WebTestClient client, KeycloakStub keycloak) {
        this.client = client;
        this.keycloak = keycloak;
    }

    /** A logged-in browser: its session cookie and the CSRF token its script would read from the cookie. */
    record Session(String id, String csrfToken) {
    }

    EntityExchangeResult<Void> start() {
        return client.get()
            .uri("/oauth2/authorization/keycloak")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody(Void.class)
            .returnResult();
    }

    MultiValueMap<String, String> authorizationRequest(EntityExchangeResult<Void> redirect) {
        URI location = redirect.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).startsWith(keycloak.url() + AUTHORIZATION_ENDPOINT + "?");
        return UriComponentsBuilder.fromUri(location).build().getQueryParams();
    }

    Session logIn(String accessToken, String username) {
        return logIn(start(), accessToken, username);
    }

    /** Completes the login {@code redirect} started. */
    Session logIn(EntityExchangeResult<Void> redirect, String accessToken, String username) {
        keycloak.answerCodeExchange(accessToken, keycloak.idToken(username, nonceOf(redirect)));
        return sessionAfter(redirect);
    }

    /** A login whose access token expires within the gateway's clock skew; Keycloak also issues a refresh token. */
    Session logInExpiringSoon(String accessToken, String username, String refreshToken) {
        EntityExchangeResult<Void> redirect = start();
        keycloak.answerCodeExchangeExpiringSoon(accessToken, keycloak.idToken(username, nonceOf(redirect)),
                refreshToken);
        return sessionAfter(redirect);
    }

    /** Starts a login, lets Keycloak issue the tokens, and comes back to the gateway's login callback. */
    WebTestClient.ResponseSpec returnFromKeycloak(String accessToken, String username) {
        EntityExchangeResult<Void> redirect = start();
        keycloak.answerCodeExchange(accessToken, keycloak.idToken(username, nonceOf(redirect)));
        return callback(redirect);
    }

    /** The session the login made, once the gateway's callback has taken Keycloak's code. */
    private Session sessionAfter(EntityExchangeResult<Void> redirect) {
        EntityExchangeResult<Void> callback = callback(redirect).expectStatus()
            .isFound()
            .expectHeader()
            .location("/")
            .expectBody(Void.class)
            .returnResult();
        String sessionId = callback.getResponseCookies().getFirst(SESSION_COOKIE).getValue();

        String csrfToken = client.get()
            .uri("/")
            .cookie(SESSION_COOKIE, sessionId)
            .exchange()
            .returnResult(String.class)
            .getResponseCookies()
            .getFirst("XSRF-TOKEN")
            .getValue();
        return new Session(sessionId, csrfToken);
    }

    private WebTestClient.ResponseSpec callback(EntityExchangeResult<Void> redirect) {
        return client.get()
            .uri("/login/oauth2/code/keycloak?code={code}&state={state}", "test-code",
                    decode(authorizationRequest(redirect).getFirst("state")))
            .cookie(SESSION_COOKIE, redirect.getResponseCookies().getFirst(SESSION_COOKIE).getValue())
            .exchange();
    }

    private String nonceOf(EntityExchangeResult<Void> redirect) {
        return decode(authorizationRequest(redirect).getFirst("nonce"));
    }

    static String decode(String value) {
        return UriUtils.decode(value, StandardCharsets.UTF_8);
    }
}
