package dev.ardoise.systemtests;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}) on the console, as a
 * person uses it: opens pages, signs in, fills and sends forms, waits for what the page shows, takes screenshots.
 * Both binaries are given by path, so Selenium never looks for (or downloads) a driver or a browser; each browser
 * starts with a fresh profile of its own, deleted when it closes. Missing binaries are installed by
 * {@code system-tests/install-chromium.sh} (as root), or the test fails naming the packages.
 */
final class Browser implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path TARGET = Ardoise.home().resolve("system-tests/target");
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    /**
     * Selenium looks for DevTools bindings of the browser's version at every start and warns when it finds none: the
     * tests use WebDriver alone and ship none (a binding per Chromium version would only go stale). Kept here, so
     * that the setting outlives a collection of the logger.
     */
    private static final Logger DEVTOOLS_LOOKUP = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static boolean installed;

    private final String console;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String console, Path profile, ChromeDriver driver) {
        this.console = console;
        this.profile = profile;
        this.driver = driver;
    }

    /** A browser window of 1280 x 900 on the console at {@code console} (its base URL). */
    static Browser start(String console) {
        ensureInstalled();
        try {
            Files.createDirectories(TARGET);
            Path profile = Files.createTempDirectory(TARGET, "chromium-profile-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                    .withLogFile(TARGET.resolve("chromedriver.log").toFile()).build();
            return new Browser(console, profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in on the sign-in page and waits for the page it leads to, whose header names the user. */
    Browser signIn(String user, String password) {
        open("/sign-in");
        find("#user").sendKeys(user);
        find("#password").sendKeys(password);
        find("#sign-in").click();
        awaitThat("the header names " + user, PATIENCE, () -> has("#user-name") && text("#user-name").equals(user));
        return this;
    }

    /** Switches the console's pages to {@code code} (en, fr) with the header's language button, if they are not. */
    Browser language(String code) {
        if (!code.equals(script("return document.documentElement.lang"))) {
            find("#language-code").click();
            awaitThat("the page in " + code, PATIENCE, () -> code.equals(script("return document.documentElement.lang")));
        }
        return this;
    }

    /** Loads the page shown again, as a person's F5. */
    Browser reload() {
        driver.navigate().refresh();
        return this;
    }

    /** Opens a page of the console: {@code /accounts?q=...}. */
    Browser open(String path) {
        driver.get(console + path);
        return this;
    }

    /** The path and query of the page shown. */
    String path() {
        return driver.getCurrentUrl().substring(console.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !findAll(css).isEmpty();
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    /** The exact decimal an amount element carries in {@code data-amount} (-700.00). */
    String amount(String css) {
        return find(css).getDomAttribute("data-amount");
    }

    /** Types {@code value} into the input, in place of what it held. */
    Browser fill(String css, String value) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /**
     * Waits until {@code condition} holds, checking every 50 ms, for at most {@code timeout}; fails naming what was
     * awaited, with a screenshot of the page as it was. An element replaced while checked counts as not yet.
     */
    void awaitThat(String what, Duration timeout, Callable<Boolean> condition) {
        awaitThat(what, timeout, Duration.ofMillis(50), condition);
    }

    /** As above, checking every {@code every}: a condition that loads a page again should not do it 20 times a second. */
    void awaitThat(String what, Duration timeout, Duration every, Callable<Boolean> condition) {
        try {
            await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(every)
                    .ignoreExceptionsInstanceOf(WebDriverException.class).until(condition);
        } catch (ConditionTimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            fail("not within " + timeout + ": " + what + " (page " + path() + ", see " + shot + ")", e);
        }
    }

    /** The session cookie the console set (HttpOnly: the page's scripts cannot read it, the browser sends it). */
    String sessionCookie() {
        return driver.manage().getCookieNamed("ardoise-session").getValue();
    }

    /** Resizes the window: 390 px wide is a phone. */
    Browser width(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        awaitThat("the window is " + width + " px wide", PATIENCE,
                () -> ((Number) script("return window.innerWidth")).intValue() == width);
        return this;
    }

    /**
     * The whole page as a PNG in {@code system-tests/target/screenshots/<name>.png}: the window is made as tall as the
     * page (up to 4,000 px) for the shot, then given back its height.
     */
    Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            long pageHeight = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            int chrome = size.getHeight() - ((Number) script("return window.innerHeight")).intValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(),
                    (int) Math.min(4000, pageHeight + chrome)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete the browser profile " + profile + ": " + e.getMessage());
            }
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Once per test run: Chromium and chromedriver are there, or installed, or the run says how to get them. */
    private static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        try {
            Process install = new ProcessBuilder("bash", Ardoise.home().resolve("system-tests/install-chromium.sh")
                    .toString()).inheritIO().start();
            // an install waits for apt's lock at most this long: a held lock fails the run instead of hanging it
            if (!install.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                install.destroyForcibly();
                throw new AssertionError("install-chromium.sh did not finish within 10 minutes (apt-get held up?)");
            }
            assertEquals(0, install.exitValue(), "the browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver); install-chromium.sh said why above");
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
