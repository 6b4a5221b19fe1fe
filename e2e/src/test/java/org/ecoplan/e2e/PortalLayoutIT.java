package org.ecoplan.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal on the screens bureau staff use: a 1366×768 laptop and a tablet held upright, and without a mouse.
 * A wide table may scroll inside its own frame; the page itself must not scroll sideways.
 */
@ExtendWith(TestPlatform.Resolver.class)
class PortalLayoutIT {

    private static final List<String> SCREENS = List.of("/", "/indicators", "/projects", "/enterprises",
            "/air-quality");

    private static TestPlatform platform;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({ "1366, 768", "768, 1024" })
    void everyMainScreenFitsTheWindowsWidth(int width, int height) throws Exception {
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            chrome.logIn("env-editor", Keycloak.DEMO_PASSWORD);
            chrome.resize(width, height);
            for (String screen : SCREENS) {
                chrome.open(screen);
                chrome.waitFor(By.cssSelector("main"));
                chrome.waitUntilLoaded();
                chrome.screenshot("layout-" + width + "x" + height + screen.replace('/', '-'));
                assertThat(chrome.horizontalOverflow()).as("%s at %d×%d scrolls sideways by", screen, width, height)
                        .isLessThanOrEqualTo(0);
            }
            assertThat(chrome.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void theMenuIsReachedAndUsedWithTheKeyboardAlone() throws Exception {
        try (PortalChrome chrome = PortalChrome.open(platform.gatewayUrl(), platform.screenshots())) {
            chrome.logIn("env-editor", Keycloak.DEMO_PASSWORD);
            chrome.resize(1366, 768);
            chrome.waitUntilLoaded();

            for (int tab = 0; tab < 40 && !chrome.focused().equals("menuitem 规划指标"); tab++) {
                chrome.press(Keys.TAB);
            }
            assertThat(chrome.focused()).as("focus after tabbing").isEqualTo("menuitem 规划指标");
            chrome.press(Keys.ENTER);

            chrome.waitUntil(driver -> chrome.route().startsWith("/indicators"));
            chrome.screenshot("keyboard-01-indicators");
        }
    }
}
