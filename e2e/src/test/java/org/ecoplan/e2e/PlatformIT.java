package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform as its users and integrators meet it: through the gateway, with real Keycloak tokens. */
@ExtendWith(TestPlatform.Resolver.class)
class PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestPlatform platform;
    private static Keycloak keycloak;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
        keycloak = started.keycloak();
    }

    @Test
    void integratorListsEveryPlanIndicatorThroughTheGateway() throws Exception {
        HttpResponse<String> response = get("/api/v1/indicators?size=200", keycloak.integratorToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("total").asInt()).isGreaterThanOrEqualTo(20);
        JsonNode pm25 = StreamSupport.stream(body.get("items").spliterator(), false)
                .filter(i -> i.get("name").get("zh").asText().contains("PM2.5"))
                .findFirst().orElseThrow();
        assertThat(pm25.at("/baseline/value").decimalValue()).isEqualByComparingTo("36");
        assertThat(pm25.at("/target/value").decimalValue()).isEqualByComparingTo("34");
    }

    @Test
    void bureauEditorReadsProjectsAndEnterpriseSeesOnlyItself() throws Exception {
        HttpResponse<String> projects = get("/api/v1/projects", keycloak.userToken("env-editor"));
        assertThat(projects.statusCode()).isEqualTo(200);
        // The seeded eight, and whatever the other test classes of the run made on the shared platform.
        assertThat(JSON.readTree(projects.body()).get("total").asInt()).isGreaterThanOrEqualTo(8);

        HttpResponse<String> enterprises = get("/api/v1/enterprises", keycloak.userToken("enterprise-a"));
        assertThat(enterprises.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(enterprises.body()).get("items"))
                .extracting(e -> e.get("id").asText())
                .containsExactly("E-430602-0001");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("/api/v1/indicators", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void tokenOfAnotherRealmIsUnauthorized() throws Exception {
        var settings = platform.settings();
        String foreign = keycloak.masterRealmToken(settings.keycloakAdminUser(), settings.keycloakAdminPassword());

        assertThat(get("/api/v1/indicators", foreign).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithTamperedSignatureIsUnauthorized() throws Exception {
        String[] parts = keycloak.integratorToken().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5A;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);

        assertThat(get("/api/v1/indicators", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithForgedClaimsIsUnauthorized() throws Exception {
        String[] parts = keycloak.userToken("viewer").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"bureau-viewer\"", "\"eco-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(get("/api/v1/indicators", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void secondUpWhileRunningChangesNothing() {
        List<Long> before = platform.platform().status().stream().flatMap(s -> s.pid().stream()).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        boolean started = platform.platform().up(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(started).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("already running");
        assertThat(platform.platform().status().stream().flatMap(s -> s.pid().stream()).toList()).isEqualTo(before);
        assertThat(platform.platform().status()).allSatisfy(s -> assertThat(s.state()).isEqualTo("UP"));
    }

    @Test
    void portalLoginThroughKeycloakGivesASessionWhoseCallsCarryTheToken() throws Exception {
        PortalBrowser browser = new PortalBrowser(platform.gatewayUrl());

        browser.logIn("env-editor", Keycloak.DEMO_PASSWORD);

        JsonNode me = JSON.readTree(browser.get("/api/v1/me").body());
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("username").asText()).isEqualTo("env-editor");
        assertThat(me.get("department").asText()).isEqualTo("env");
        HttpResponse<String> indicators = browser.get("/api/v1/indicators?size=1");
        assertThat(indicators.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(indicators.body()).get("total").asInt()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void bureauEditorSeesTheOverviewAndEntersAnObservationInTheBrowser() throws Exception {
        JsonNode indicator = StreamSupport.stream(JSON.readTree(get("/api/v1/indicators",
                        keycloak.userToken("env-editor")).body()).get("items").spliterator(), false)
                .filter(i -> i.get("department").asText().equals("env"))
                .findFirst().orElseThrow();
        String code = indicator.get("code").asText();
        String source = "e2e " + UUID.randomUUID();

        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            chrome.logIn("env-editor", Keycloak.DEMO_PASSWORD);
            chrome.waitFor(By.cssSelector("[data-test=panel-filings]"));
            chrome.waitUntilLoaded();
            chrome.screenshot("env-editor-02-overview");
            assertThat(chrome.findAll(By.cssSelector(".panel [role=alert]"))).as("failed panels").isEmpty();
            assertThat(chrome.find(By.cssSelector("[data-test=panel-indicators]"))
                    .findElements(By.cssSelector("a[href='#/indicators']"))).isNotEmpty();
            assertThat(chrome.find(By.cssSelector("[data-test=panel-projects]"))
                    .findElements(By.cssSelector(".figure"))).isNotEmpty();
            assertThat(chrome.find(By.cssSelector("[data-test=panel-filings]"))
                    .findElements(By.cssSelector(".figure"))).isNotEmpty();
            assertThat(chrome.consoleErrors()).as("console errors on the overview").isEmpty();

            chrome.open("/indicators");
            chrome.waitUntilLoaded();
            // The overview links to indicators too: only the list's table says the list is shown.
            By link = By.cssSelector(".el-table a[href='#/indicators/" + code + "']");
            chrome.waitFor(link);
            chrome.screenshot("env-editor-03-indicators");
            chrome.click(link);
            chrome.waitFor(By.cssSelector("[data-test=observation-form]"));
            chrome.waitUntilLoaded();
            chrome.find(By.cssSelector("input[name=period]")).sendKeys("2025");
            chrome.find(By.cssSelector("input[name=value]")).sendKeys(indicator.at("/baseline/value").asText());
            chrome.find(By.cssSelector("input[name=source]")).sendKeys(source);
            chrome.find(By.cssSelector("input[name=method]")).sendKeys("e2e");
            chrome.screenshot("env-editor-04-observation-entry");
            chrome.click(By.cssSelector("[data-test=observation-form] button[type=submit]"));

            String row = chrome.textOf(By.xpath("//tr[contains(., '" + source + "')]"));
            chrome.screenshot("env-editor-05-observation-submitted");
            assertThat(row).contains("待审核").contains("env-editor");
        }
    }

    @Test
    void enterpriseOpensTheFilingWizardInTheBrowser() throws Exception {
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            chrome.logIn("enterprise-a", Keycloak.DEMO_PASSWORD);
            chrome.open("/my-filings");
            chrome.click(By.cssSelector("[data-test=new-filing]"));

            chrome.waitFor(By.cssSelector("[data-test=filing-basics]"));
            chrome.waitUntilLoaded();
            chrome.screenshot("enterprise-a-01-filing-wizard");
            assertThat(chrome.findAll(By.cssSelector("[role=alert]"))).as("failed blocks").isEmpty();
        }
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return platform.get(path, token);
    }
}
