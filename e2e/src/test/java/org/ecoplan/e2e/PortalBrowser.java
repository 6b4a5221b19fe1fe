package org.ecoplan.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's login as a browser performs it, without the browser: the gateway's authorization-code
 * redirect, Keycloak's login form, the callback, and from then on the gateway's session cookie.
 */
final class PortalBrowser {

    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();
    private final String gatewayUrl;

    PortalBrowser(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    void logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(
                URI.create(gatewayUrl + "/oauth2/authorization/keycloak")).GET().build());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + loginPage.uri() + ": " + loginPage.body());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (!landing.uri().toString().startsWith(gatewayUrl) || landing.statusCode() != 200) {
            throw new IllegalStateException("login did not land on the portal: " + landing.statusCode() + " "
                    + landing.uri());
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Accept", "application/json")
                .GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        // A stalled connection fails the test instead of hanging the build.
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(TestPlatform.REQUEST_TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Browsers treat http://localhost as a secure context and send it Keycloak's {@code Secure} session
     * cookies; {@link CookieManager} sends those over https only, so here they are stored as not secure.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(header -> HttpCookie.parse(header).forEach(cookie -> {
                        cookie.setSecure(false);
                        cookies.getCookieStore().add(uri, cookie);
                    }));
                }
            });
        }
    }
}
