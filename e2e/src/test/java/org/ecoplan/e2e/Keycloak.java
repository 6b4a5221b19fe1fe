package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Real tokens from the test platform's Keycloak, the way clients of EcoPlan obtain them. */
final class Keycloak {

    static final String DEMO_PASSWORD = "ecoplan-demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    Keycloak(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An integrator system's token: client credentials of the confidential client. */
    String integratorToken() {
        return clientToken("ecoplan-integrator", "ecoplan-demo-secret");
    }

    /** The token of a confidential client's service account (client credentials). */
    String clientToken(String clientId, String secret) {
        return token("ecoplan", Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /** A person's token through the public CLI client (direct access grant, local realm only). */
    String userToken(String username) {
        return token("ecoplan", Map.of(
                "grant_type", "password",
                "client_id", "ecoplan-cli",
                "username", username,
                "password", DEMO_PASSWORD));
    }

    /** A perfectly valid token, but from the master realm: EcoPlan must not accept it. */
    String masterRealmToken(String adminUser, String adminPassword) {
        return token("master", Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", adminUser,
                "password", adminPassword));
    }

    private String token(String realm, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(TestPlatform.REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
