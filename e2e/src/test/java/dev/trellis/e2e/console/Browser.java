package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, no download) on the console through
 * the gateway. Every page a test looks at is checked by axe-core (no serious or critical violation) and
 * saved as a screenshot under {@code target/screenshots}. Tests act with the keyboard only (typing,
 * Space on check boxes, Enter on links and buttons), never a mouse click, so what they do can be done
 * with the keyboard alone.
 */
final class Browser implements AutoCloseable {

    static final String CONSOLE = System.getProperty("trellis.console.url", Stack.GATEWAY.toString());
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * The screenshots docs/console.md shows are copied here only when asked for ({@code -Dtrellis.docs.screenshots=true}):
     * an ordinary run must not rewrite files of the checkout.
     */
    static final Path DOCS = System.getProperty("trellis.repo.root") == null || !Boolean.getBoolean("trellis.docs.screenshots") ? null
            : Path.of(System.getProperty("trellis.repo.root"), "docs", "console");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String test;
    private int shots;
    private Path lastShot;

    Browser(String test) {
        this.test = test;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("trellis.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                "--disable-dev-shm-usage", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("trellis.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // htmx swaps elements while a condition reads them: a stale reference means "look again", not a failure
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    WebDriver driver() {
        return driver;
    }

    /** Signs in on Keycloak's real login page and returns on the console's first screen. */
    void signIn(String username) {
        driver.get(CONSOLE + "/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        check("keycloak-login", false);
        user.sendKeys(username);
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys("demo");
        password.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().startsWith(CONSOLE) && !d.findElements(By.cssSelector("main h1")).isEmpty());
    }

    /** Goes to a console path, waits for its heading, and checks and saves the page. */
    void open(String path, String shot) {
        driver.get(CONSOLE + path);
        waitFor(By.cssSelector("main h1"));
        check(shot, true);
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String heading() {
        return waitFor(By.cssSelector("main h1")).getText();
    }

    /**
     * Presses Enter on what {@code by} finds once the page has settled: an htmx swap may replace the
     * element between finding and pressing it, so a stale one is looked up again, as is one not interactable yet
     * (seen right after a boosted search swapped its results in).
     */
    void press(By by) {
        wait.until(d -> {
            try {
                d.findElement(by).sendKeys(Keys.ENTER);
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
                    | org.openqa.selenium.ElementNotInteractableException swapped) {
                return null;
            }
        });
    }

    /** Presses Enter on a link or a button: what a keyboard user does. */
    void press(WebElement element) {
        element.sendKeys(Keys.ENTER);
    }

    /** Replaces a field's text as a keyboard user would: select all, then type. */
    void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        field.sendKeys(Keys.DELETE);
        field.sendKeys(text);
    }

    /** Waits until the page's main heading reads {@code text} (htmx swaps pages in place). */
    void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    /**
     * axe-core on the current page: no serious or critical violation. Also saves a screenshot.
     *
     * @param ours false for Keycloak's login page, whose violations are reported but not ours to fix
     */
    void check(String shot, boolean ours) {
        screenshot(shot);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<String> bad = new ArrayList<>();
        for (Rule v : results.getViolations()) {
            if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                bad.add(v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")));
            }
        }
        if (!bad.isEmpty()) {
            if (ours) {
                fail("axe-core found serious or critical violations on " + driver.getCurrentUrl() + ":\n" + String.join("\n", bad));
            }
            System.out.println("[axe] not the console's page " + driver.getCurrentUrl() + ": " + bad);
        }
    }

    /** Scrolls what {@code by} finds to the top of the window, for a screenshot of a section further down. */
    void scrollTo(By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(by));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", test, ++shots, name));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            lastShot = file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    /** Copies the last screenshot to docs/console/NAME.png, for docs/console.md (only the main screens). */
    void keepForDocs(String name) {
        if (DOCS == null || lastShot == null || !Files.isDirectory(DOCS.getParent())) {
            return;
        }
        try {
            Files.createDirectories(DOCS);
            Files.copy(lastShot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the screenshot to " + DOCS, e);
        }
    }

    /**
     * What a link's address answers to this browser's session, without following redirects: Selenium cannot read
     * a download, so the JDK's client asks with the browser's cookies (the HttpOnly session cookie included).
     */
    Http.Response download(WebElement link) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return Http.send(Http.request(URI.create(link.getAttribute("href"))).header("Cookie", cookies).GET());
    }

    void assertText(String expected) {
        assertTrue(driver.findElement(By.tagName("main")).getText().contains(expected),
                "expected '" + expected + "' on " + driver.getCurrentUrl());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
