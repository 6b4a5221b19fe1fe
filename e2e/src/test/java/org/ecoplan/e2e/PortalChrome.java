package org.ecoplan.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal in the machine's headless Chromium (Debian's chromium and chromium-driver), driven through
 * its own chromedriver so that Selenium Manager downloads nothing; every step can leave a screenshot.
 */
final class PortalChrome implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final Path screenshots;
    private final String gatewayUrl;

    private PortalChrome(String gatewayUrl, Path screenshots) throws IOException {
        this.gatewayUrl = gatewayUrl;
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("ecoplan-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google, which this network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Skips the calling test, saying why, on a machine without Debian's Chromium. */
    static PortalChrome open(String gatewayUrl, Path screenshots) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); .ci/run installs them");
        return new PortalChrome(gatewayUrl, screenshots);
    }

    /** Keycloak's own login page, reached the way the portal's login button goes. */
    void logIn(String username, String password) {
        driver.get(gatewayUrl + "/oauth2/authorization/keycloak");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        screenshot(username + "-01-keycloak-login");
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(gatewayUrl));
        waitFor(By.cssSelector("[data-test=username]"));
    }

    void open(String route) {
        driver.get(gatewayUrl + "/#" + route);
    }

    WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until nothing on the page shows the loading skeleton any more. */
    void waitUntilLoaded() {
        wait.until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
    }

    /** Clicks once the element is there, finding it again if the page re-rendered it in between. */
    void click(By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** The element's text once it is shown, read again if the page re-rendered it in between. */
    String textOf(By locator) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(locator).isDisplayed() ? d.findElement(locator).getText() : null);
    }

    /** Waits until the condition gives something other than null or false, and returns that. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** The browser window's size, as a laptop's 1366×768 or a tablet's 768×1024 screen gives it. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** How many pixels the page is wider than the window: above zero the whole page scrolls sideways. */
    long horizontalOverflow() {
        return (Long) driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
    }

    /** Presses a key where the keyboard focus is, as a user without a mouse does. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** The focused element's role (or tag) and text, e.g. {@code menuitem 规划指标}. */
    String focused() {
        return (String) driver.executeScript("const e = document.activeElement; if (!e) return '';"
                + " return (e.getAttribute('role') || e.tagName.toLowerCase()) + ' ' + (e.innerText || '').trim();");
    }

    /** The portal's route now shown: the part of the address after {@code #}. */
    String route() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "/" : url.substring(hash + 1);
    }

    /** What the page itself gets for a GET of a path of its origin, sent with the user's session cookie. */
    Fetched fetch(String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(async (response) => {
                  const bytes = new Uint8Array(await response.arrayBuffer());
                  let binary = '';
                  bytes.forEach((b) => { binary += String.fromCharCode(b); });
                  done({ status: response.status, type: response.headers.get('Content-Type') ?? '',
                    disposition: response.headers.get('Content-Disposition') ?? '', body: btoa(binary) });
                }, (failure) => done({ status: -1, type: '', disposition: String(failure), body: '' }));
                """, path);
        return new Fetched(((Number) answer.get("status")).intValue(), (String) answer.get("type"),
                (String) answer.get("disposition"), Base64.getDecoder().decode((String) answer.get("body")));
    }

    /** A response as the page received it. */
    record Fetched(int status, String contentType, String contentDisposition, byte[] body) {
    }

    List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not saved", e);
        }
    }

    /**
     * The console's errors since the last call (Chromium reports CSP violations there too); every line read
     * goes to the build log.
     */
    List<String> consoleErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        entries.forEach(entry -> System.out.println("browser console " + entry.getLevel() + ": " + entry.getMessage()));
        return entries.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            consoleErrors();
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
