package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

class PortalTest extends GatewayTestSupport {

    /** The page Vite built: its script and stylesheet names carry content hashes, so the test reads them. */
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

    @Test
    void startPageIsThePortalInChineseWithoutInlineScript() {
        String page = startPage();

        assertThat(page).contains("<html lang=\"zh-CN\">")
            .contains("<title>岳阳楼区生态环境保护规划平台</title>")
            .contains("<div id=\"app\"></div>")
            .containsPattern("<script type=\"module\" crossorigin src=\"/assets/index-[^\"]+\\.js\"></script>");
        // A later Content-Security-Policy without 'unsafe-inline' must not break the page.
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("onclick=");
    }

    @Test
    void portalAssetsAreServedToAnonymousBrowsers() {
        List<String> assets = ASSET.matcher(startPage()).results().map(match -> match.group(1)).toList();

        assertThat(assets).anyMatch(asset -> asset.endsWith(".js")).anyMatch(asset -> asset.endsWith(".css"));
        for (String asset : assets) {
            client.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    private String startPage() {
        return client.get()
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
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health" })
    void healthProbesAreOpenAndUp(String probe) {
        client.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
