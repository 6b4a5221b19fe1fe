package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

class PortalTest extends GatewayTestSupport {

    @Test
    void startPageIsThePortalInChineseWithoutInlineScript() {
        String page = client.get()
            .uri("/")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        assertThat(page).contains("<html lang=\"zh-CN\">")
            .contains("未登录")
            .contains("href=\"/oauth2/authorization/keycloak\"")
            .contains("<script type=\"module\" src=\"/assets/portal.js\"></script>");
        // A later Content-Security-Policy without 'unsafe-inline' must not break the page.
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("onclick=");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/portal.js", "/assets/portal.css" })
    void portalAssetsAreServedToAnonymousBrowsers(String asset) {
        client.get().uri(asset).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health" })
    void healthProbesAreOpenAndUp(String probe) {
        client.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
