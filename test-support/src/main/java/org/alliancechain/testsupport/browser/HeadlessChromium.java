package org.alliancechain.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests, driven through Selenium and Debian's chromedriver.
 *
 * <p>Per test class, as a JUnit 5 extension (started before the first test, closed after the last; on a
 * failing test a PNG screenshot and the page's HTML go to {@code target/browser/}):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HeadlessChromium browser = HeadlessChromium.perTestClass();
 *
 * @Test
 * void uploadsEvidence() {
 *     browser.open(url).fill("#title", "证据").upload("#file", pdf).click("#submit")
 *            .waitForText("#result", "已收到");
 * }
 * }</pre>
 *
 * <p>Or on its own: {@code try (var browser = HeadlessChromium.start()) { ... }}.
 *
 * <p>Before the browser starts, {@code deploy/bin/install-test-tools.sh} (found by walking up from the
 * working directory, run through {@link org.alliancechain.testsupport.TestTools}) installs Chromium,
 * chromedriver and a CJK font (and the other tools the tests run) when they are missing. When that
 * cannot happen (not root, no network), the test is skipped through a JUnit assumption whose message
 * says why; with {@code -Dbrowser.tests.required=true} it fails instead. Selenium Manager is never
 * asked for anything: the driver and browser paths are set explicitly.
 *
 * <p>Selectors are CSS selectors. Waits poll up to {@link #timeout()} (10 s unless set otherwise).
 */
public final class HeadlessChromium implements AutoCloseable, BeforeAllCallback, BeforeEachCallback,
        AfterAllCallback, TestExecutionExceptionHandler {

    /** Debian's chromium; override with {@code -Dchromium.binary=...}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", org.alliancechain.testsupport.TestTools.CHROMIUM.toString()));
    /** Debian's chromium-driver; override with {@code -Dwebdriver.chrome.driver=...}. */
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", org.alliancechain.testsupport.TestTools.CHROMEDRIVER.toString()));
    /** Where screenshots and page dumps go (relative to the working directory: the module's target/). */
    public static final Path OUTPUT = Path.of("target", "browser");

    /** The flags Chromium needs here: headless, no sandbox as root, and no background traffic to the closed network. */
    public static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions",
            "--no-default-browser-check", "--window-size=1280,1024");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Selenium warns at every start that it has no DevTools (CDP) bindings for this Chromium version.
     * These tests use WebDriver only, never CDP, so those two loggers are quietened (held here, since
     * java.util.logging keeps loggers only weakly).
     */
    private static final List<Logger> QUIETENED = Stream.of(
            "org.openqa.selenium.chromium.ChromiumDriver", "org.openqa.selenium.devtools.CdpVersionFinder")
            .map(Logger::getLogger).toList();

    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration startup = Duration.ZERO;
    private String unavailable; // why the browser could not be had; tests are skipped with this reason

    private HeadlessChromium() {
    }

    /**
     * A browser for a test class, to be registered with {@code @RegisterExtension} on a static field:
     * it starts before the class's first test and closes after its last.
     */
    public static HeadlessChromium perTestClass() {
        return new HeadlessChromium();
    }

    /**
     * Installs Chromium if needed and starts it now. Skips the calling test (JUnit assumption) when it
     * cannot be installed. Close it when done.
     */
    public static HeadlessChromium start() {
        HeadlessChromium browser = new HeadlessChromium();
        browser.launch();
        return browser;
    }

    // --- JUnit lifecycle -----------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            launch();
        } catch (TestAbortedException e) {
            // skipped test by test in beforeEach, so that the report counts them as skipped, with the reason
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Path png = screenshot(name);
                failure.addSuppressed(new Throwable("browser screenshot: " + png.toAbsolutePath()
                        + " (page HTML beside it); page was " + driver.getCurrentUrl()) {
                    @Override
                    public synchronized Throwable fillInStackTrace() {
                        return this;
                    }
                });
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    // --- Driving the page ----------------------------------------------------------------------------

    /** Loads a URL and waits for the document to be loaded. */
    public HeadlessChromium open(String url) {
        driver().get(url);
        return this;
    }

    /** Loads a URL and waits for the document to be loaded. */
    public HeadlessChromium open(URI url) {
        return open(url.toString());
    }

    /** Clears the input (or textarea) and types the text into it. */
    public HeadlessChromium fill(String selector, String text) {
        WebElement input = waitFor(selector);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks the element once it is visible and enabled. */
    public HeadlessChromium click(String selector) {
        WebElement element = new WebDriverWait(driver(), timeout)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector)));
        element.click();
        return this;
    }

    /** Chooses local files in an {@code <input type=file>} (several only for {@code multiple}); the input may be hidden. */
    public HeadlessChromium upload(String selector, Path... files) {
        if (files.length == 0) {
            throw new IllegalArgumentException("no file to upload");
        }
        StringBuilder paths = new StringBuilder();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("not a file: " + file);
            }
            paths.append(paths.isEmpty() ? "" : "\n").append(file.toAbsolutePath());
        }
        WebElement input = new WebDriverWait(driver(), timeout)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
        input.sendKeys(paths);
        return this;
    }

    /** Waits until an element matching the selector is visible, and returns it. */
    public WebElement waitFor(String selector) {
        try {
            return new WebDriverWait(driver(), timeout)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)));
        } catch (TimeoutException e) {
            throw new AssertionError("no visible element " + selector + " within " + timeout + " on " + driver.getCurrentUrl(), e);
        }
    }

    /** Waits until the element's visible text contains the text. */
    public HeadlessChromium waitForText(String selector, String text) {
        try {
            settling().until(d -> reread(() -> d.findElement(By.cssSelector(selector)).getText().contains(text)));
        } catch (TimeoutException e) {
            throw new AssertionError("element " + selector + " did not show \"" + text + "\" within " + timeout
                    + "; its text: \"" + textOrNothing(selector) + "\" on " + driver.getCurrentUrl(), e);
        }
        return this;
    }

    /** Waits until the page's visible text (its body) contains the text. */
    public HeadlessChromium waitForText(String text) {
        return waitForText("body", text);
    }

    /** The element's visible text (as a person sees it: rendered, whitespace-normalised). */
    public String text(String selector) {
        try {
            return settling().until(d -> reread(() -> {
                WebElement element = d.findElement(By.cssSelector(selector));
                return element.isDisplayed() ? element.getText() : null;
            }));
        } catch (TimeoutException e) {
            throw new AssertionError("no visible element " + selector + " within " + timeout + " on " + driver.getCurrentUrl(), e);
        }
    }

    /**
     * A wait that reads again when the page replaced the element between finding and reading it: a
     * script re-rendering a region detaches the node Selenium holds, which Chromium reports as a stale
     * element or as "Node with given id does not belong to the document" (an unknown error).
     */
    private WebDriverWait settling() {
        WebDriverWait wait = new WebDriverWait(driver(), timeout);
        wait.ignoring(NoSuchElementException.class);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The read, or null (read again) when Chromium says the node left the document while it was read. */
    private static <T> T reread(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (WebDriverException e) {
            if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                throw e;
            }
            return null;
        }
    }

    /** The current value of an input, select or textarea. */
    public String value(String selector) {
        return driver().findElement(By.cssSelector(selector)).getDomProperty("value");
    }

    /** Whether an element matching the selector is in the page now (no waiting). */
    public boolean exists(String selector) {
        return !driver().findElements(By.cssSelector(selector)).isEmpty();
    }

    /** The page's title. */
    public String title() {
        return driver().getTitle();
    }

    /** The URL the browser is on. */
    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    /** Runs JavaScript in the page ({@code return ...} to get a value back). */
    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(javascript, args);
    }

    /**
     * The text on the current page whose contrast with its background is below WCAG 2.x AA: 4.5:1 for
     * normal text, 3:1 for large text (at least 24 px, or 18.66 px bold). Each element with its own
     * visible text is measured against the first opaque background among it and its ancestors (the
     * page's white when none); one line per failure: selector-like path, ratio, colours, text.
     */
    @SuppressWarnings("unchecked")
    public List<String> contrastFailures() {
        return (List<String>) script("""
                function rgb(c) { var m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  var p = m[1].split(',').map(function (x) { return parseFloat(x); });
                  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; }
                function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255;
                  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                  .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
                function background(el) { for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
                  var c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
                  return { r: 255, g: 255, b: 255, a: 1 }; }
                function path(el) { var parts = []; for (var e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
                  parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '')); } return parts.join(' > '); }
                var failures = [];
                document.querySelectorAll('body *').forEach(function (el) {
                  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
                  if (!own) return;
                  var style = getComputedStyle(el);
                  if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) return;
                  var fg = rgb(style.color), bg = background(el); if (!fg) return;
                  var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
                  var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio + 0.005 < needed) failures.push(path(el) + ': ' + ratio.toFixed(2) + ':1 (needs ' + needed + ') '
                    + style.color + ' on rgb(' + bg.r + ', ' + bg.g + ', ' + bg.b + ') "' + el.textContent.trim().slice(0, 40) + '"');
                });
                return failures;
                """);
    }

    /**
     * Saves a PNG screenshot of the viewport to {@code target/browser/NAME.png}, and the page's HTML
     * beside it as {@code NAME.html}; returns the PNG's path.
     */
    public Path screenshot(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(OUTPUT);
            Path png = OUTPUT.resolve(safe + ".png");
            Files.write(png, running().getScreenshotAs(OutputType.BYTES));
            Files.writeString(OUTPUT.resolve(safe + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long waits poll. */
    public Duration timeout() {
        return timeout;
    }

    /** Sets how long waits poll (10 s by default). */
    public HeadlessChromium timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** How long installing (when already installed: checking) and starting the browser took. */
    public Duration startup() {
        return startup;
    }

    /**
     * Signs a demo user in through the realm's login page (one form, or identity-first: the user name,
     * then the password) at {@code app + path}, and waits for the suite header to name the user.
     */
    public HeadlessChromium signIn(String app, String user, String path) {
        open(app + path);
        fill("#username", user);
        if (!exists("#password")) {
            click("#kc-login");
        }
        fill("#password", org.alliancechain.testsupport.Tokens.DEMO_PASSWORD);
        click("#kc-login");
        waitFor("#who");
        org.assertj.core.api.Assertions.assertThat(text("#who")).contains(user);
        return this;
    }

    /** Signs out of the app (and Keycloak's session), waiting for the signed-out page. */
    public HeadlessChromium signOut(String app) {
        open(app + "app/logout");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> currentUrl().contains("/app/signed-out"));
        return this;
    }

    /** Asserts every text on the page meets WCAG AA contrast with its background (a screenshot is kept when not). */
    public HeadlessChromium assertLegible(String what) {
        var failures = contrastFailures();
        if (!failures.isEmpty()) {
            screenshot("contrast-" + what);
        }
        org.assertj.core.api.Assertions.assertThat(failures).as("text below WCAG AA contrast on " + what).isEmpty();
        return this;
    }

    /** Opens a page again and again until the selector is on it (the chain and the indexer decide when), within the timeout. */
    public WebElement openUntil(String url, String selector) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(700)).until(() -> {
            open(url);
            return exists(selector);
        });
        return waitFor(selector);
    }

    /** Chooses the option with this value in a select. */
    public HeadlessChromium select(String selector, String value) {
        waitFor(selector);
        running().findElement(By.cssSelector(selector + " option[value='" + value + "']")).click();
        return this;
    }

    /** The Selenium driver, for anything this class has no method for. */
    public WebDriver driver() {
        return running();
    }

    private ChromeDriver running() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
        if (driver == null) {
            throw new IllegalStateException("the browser is not running (register with @RegisterExtension on a static field, or use start())");
        }
        return driver;
    }

    // --- Start and stop ------------------------------------------------------------------------------

    private void launch() {
        if (driver != null) {
            return;
        }
        long begin = System.nanoTime();
        var install = org.alliancechain.testsupport.TestTools.ensure();
        if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
            String why = "headless Chromium is not available: "
                    + (install.ready() ? CHROMIUM + " / " + CHROMEDRIVER + " are missing" : install.reason());
            if (Boolean.getBoolean("browser.tests.required")) {
                throw new IllegalStateException(why + " (and -Dbrowser.tests.required=true)");
            }
            unavailable = "browser test skipped: " + why;
            System.err.println("[HeadlessChromium] " + unavailable);
            Assumptions.abort(unavailable);
        }
        // Selenium Manager (which downloads drivers and browsers) is skipped when the driver path is known.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        QUIETENED.forEach(logger -> logger.setLevel(Level.SEVERE));
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Files.createDirectories(OUTPUT);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(FLAGS);
            options.addArguments("--user-data-dir=" + profile);
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(OUTPUT.resolve("chromedriver.log").toFile())
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        startup = Duration.ofNanos(System.nanoTime() - begin);
        System.err.println("[HeadlessChromium] " + driver.getCapabilities().getBrowserName() + " "
                + driver.getCapabilities().getBrowserVersion() + " started in " + startup.toMillis() + " ms");
    }

    /** Quits the browser and chromedriver and deletes the browser profile. */
    @Override
    public void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (RuntimeException e) {
            System.err.println("[HeadlessChromium] quitting the browser failed: " + e);
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory; Chromium may still be letting go of a file
        }
        profile = null;
    }

    private String textOrNothing(String selector) {
        List<WebElement> found = driver.findElements(By.cssSelector(selector));
        return found.isEmpty() ? "(no such element)" : found.get(0).getText();
    }
}
