package eu.heapzilla.eventa.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (the system's {@code chromium} through its {@code chromedriver}), one
 * person's browser with its own profile and cookies, and the steps a person takes in it. Without
 * Chromium the browser tests are skipped, unless {@code EVENTA_BROWSER_TESTS=required} (CI) makes
 * that a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EVENTA_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("EVENTA_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(10);

    final ChromeDriver driver;
    private final WebServer server;
    private final Path profile;

    private Browser(WebServer server, int width, String language) {
        requireChromium();
        this.server = server;
        try {
            this.profile = Files.createTempDirectory("eventa-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + width + ",900", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (width < 500) {
            // Headless Chromium's window is at least 500 px wide whatever it is asked for: emulate a phone's width.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** A desktop browser (1280 px wide) that prefers English. */
    static Browser open(WebServer server) {
        return new Browser(server, 1280, "en-GB");
    }

    static Browser open(WebServer server, int width, String language) {
        return new Browser(server, width, language);
    }

    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("EVENTA_BROWSER_TESTS"))) {
            throw new AssertionError("EVENTA_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    void go(String path) {
        driver.get(server.url(path));
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(server.base()) ? url.substring(server.base().length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    /** Replaces what the field holds with {@code text}. */
    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date, time or select field as a person's picker would. */
    void set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", find(css), value);
    }

    /** Clicks the button or link whose visible text is {@code text} (inside {@code scope}, a CSS selector). */
    void press(String scope, String text) {
        WebElement target = find(scope).findElements(By.xpath(".//button|.//a")).stream()
                .filter(e -> e.getText().strip().equals(text) && e.isDisplayed()).findFirst()
                .orElseThrow(() -> new AssertionError("no button or link '" + text + "' in " + scope + " on " + path()
                        + ":\n" + pageText()));
        boolean navigates = (Boolean) script("""
                const e = arguments[0], form = e.form;
                if (e.tagName === 'A') {
                  const href = e.getAttribute('href') || '';
                  return href !== '' && !href.startsWith('#') && !e.hasAttribute('download') && e.target !== '_blank';
                }
                return e.type === 'submit' && !!form && !form.hasAttribute('hx-post') && !e.hasAttribute('hx-post');""", target);
        if (!navigates) {
            target.click();
            return;
        }
        // A click that loads a page returns before the page is there: wait for the next document.
        script("window.__eventaLeaving = true;");
        target.click();
        await("the page after '" + text + "'", () -> (Boolean) script(
                "return window.__eventaLeaving === undefined && document.readyState === 'complete';"));
    }

    void press(String text) {
        press("body", text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void await(String what, Supplier<Boolean> condition) {
        await(what, condition, WAIT);
    }

    void await(String what, Supplier<Boolean> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the page is changing under the check; look again
            }
            sleep(25);
        }
        throw new AssertionError("waited " + within.toMillis() + " ms for " + what + " on " + path() + ":\n" + pageText());
    }

    /** Signs {@code email} in as a person does: the address form, the mailed link, its button. */
    void signIn(String email) {
        Instant asked = Instant.now();
        go("/signin");
        type("#email", email);
        press("main", "Send me a sign-in link");
        await("the mail to be on its way", () -> pageText().contains("Check your mail"));
        String link = server.linkMailedTo(email, "verify", asked);
        driver.get(link);
        press("main", "Sign in");
        await("the event list", () -> path().equals("/events"));
    }

    /** Creates an event through the form and returns its id (from the address bar). */
    String createEvent(String title, String date) {
        go("/events/new");
        type("#title", title);
        set("#date", date);
        press("main", "Create the event");
        await("the new event's overview", () -> path().matches("/events/[0-9a-f-]{36}"));
        return path().substring("/events/".length());
    }

    /** The serious and critical accessibility violations axe-core finds on the page, as text (empty: none). */
    List<String> accessibilityProblems() {
        return Axe.problems(this);
    }

    /** The whole page as a PNG at the browser's width. */
    byte[] screenshot() {
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        long height = (Long) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, Math.max(600, height + 100))));
        try {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Whether the session cookie is {@code HttpOnly}, from the browser's own cookie jar. */
    org.openqa.selenium.Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
