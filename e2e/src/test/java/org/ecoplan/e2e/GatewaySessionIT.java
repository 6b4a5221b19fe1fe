package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's session lives in MongoDB, not in the gateway process that logged the browser in. */
@ExtendWith(TestPlatform.Resolver.class)
class GatewaySessionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestPlatform platform;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
    }

    @Test
    void portalSessionSurvivesAGatewayRestart() throws Exception {
        PortalBrowser browser = new PortalBrowser(platform.gatewayUrl());
        browser.logIn("water-editor", Keycloak.DEMO_PASSWORD);
        assertThat(username(browser)).isEqualTo("water-editor");

        platform.platform().restartApp("gateway", System.out);

        // The same cookie, a new gateway process: still logged in, and its calls still carry the token.
        assertThat(username(browser)).isEqualTo("water-editor");
        HttpResponse<String> indicators = browser.get("/api/v1/indicators?size=1");
        assertThat(indicators.statusCode()).isEqualTo(200);
    }

    private static String username(PortalBrowser browser) throws Exception {
        JsonNode me = JSON.readTree(browser.get("/api/v1/me").body());
        assertThat(me.get("authenticated").asBoolean()).as("logged in").isTrue();
        return me.get("username").asText();
    }
}
