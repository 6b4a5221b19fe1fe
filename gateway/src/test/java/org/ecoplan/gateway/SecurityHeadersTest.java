package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The headers every answer carries, for the portal page, the API and the docs alike. */
class SecurityHeadersTest extends GatewayTestSupport {

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/v1/projects", "/swagger-ui/index.html" })
    void everyAnswerForbidsFramingSniffingAndForeignReferrers(String path) {
        client.get()
            .uri(path)
            .exchange()
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader()
            .valueEquals("X-Frame-Options", "DENY")
            .expectHeader()
            .valueEquals("Referrer-Policy", "same-origin")
            .expectHeader()
            .value("Content-Security-Policy", policy -> assertThat(policy).contains("frame-ancestors 'none'"))
            .expectHeader()
            .exists("Cache-Control");
    }

    @Test
    void contentSecurityPolicyAllowsNoInlineScriptAndNoOtherOriginButKeycloak() {
        String policy = client.get()
            .uri("/")
            .exchange()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Content-Security-Policy");

        assertThat(policy).contains("default-src 'self'", "script-src 'self';", "object-src 'none'",
                "base-uri 'none'", "form-action 'self' " + KEYCLOAK.url(), "connect-src 'self' " + KEYCLOAK.url())
            .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void strictTransportSecurityOnlyBehindTls() {
        client.get().uri("/").exchange().expectHeader().doesNotExist("Strict-Transport-Security");

        // Through the application context the request keeps its https URL, as behind a TLS-terminating
        // ingress whose X-Forwarded-Proto the gateway trusts.
        WebTestClient.bindToApplicationContext(context)
            .configureClient()
            .baseUrl("https://ecoplan.example.org")
            .build()
            .get()
            .uri("/")
            .exchange()
            .expectHeader()
            .value("Strict-Transport-Security",
                    hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    void noCorsForOtherOrigins() {
        client.options()
            .uri("/api/v1/projects")
            .header(HttpHeaders.ORIGIN, "https://elsewhere.example.org")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name())
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, HttpHeaders.AUTHORIZATION)
            .exchange()
            .expectHeader()
            .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        client.get()
            .uri("/api/v1/projects")
            .header(HttpHeaders.ORIGIN, "https://elsewhere.example.org")
            .headers(KEYCLOAK.token("viewer", "bureau-viewer").bearer())
            .exchange()
            .expectHeader()
            .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
