package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey in real headless Chromium against the running application. */
@IntegrationTest
@Tag("browser")
abstract class BrowserTest {

    @LocalServerPort
    int port;

    private final List<WebDriver> browsers = new ArrayList<>();

    /** A fresh browser window, as a new fan would open one; closed after the test. */
    WebDriver newBrowser() {
        return newBrowser(1280, 1000, "en");
    }

    /** A phone in the fan's hand: 390 × 844, as the issue measured it. */
    WebDriver newPhone(String language) {
        return newBrowser(390, 844, language);
    }

    WebDriver newBrowser(int width, int height, String language) {
        var driver = Browser.start(width, height, language);
        browsers.add(driver);
        // Chromium opens a window no narrower than 500 px; asked again, it gives the phone's 390
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return driver;
    }

    /**
     * Every error any page logged in the browser's console since the last look: a script error,
     * a Content-Security-Policy refusal, a failed request. Each browser test ends by asserting none.
     */
    static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .filter(message -> !ANSWERED_4XX.matcher(message).find())
                .toList();
    }

    /**
     * Chromium also reports every answer of 400–499 as a failed resource: a form sent back with its
     * errors (422), the page that is not there (404). Those are answers a test asks for, not errors.
     */
    private static final java.util.regex.Pattern ANSWERED_4XX =
            java.util.regex.Pattern.compile("Failed to load resource: the server responded with a status of 4\\d\\d");

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Saves what the browser shows as target/screens/NAME.png, to look at the way a fan would. */
    static void screenshot(WebDriver driver, String name) {
        try {
            var png = ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            var file = java.nio.file.Path.of("target", "screens", name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeBrowsers() {
        var errors = new ArrayList<String>();
        try {
            browsers.forEach(driver -> errors.addAll(consoleErrors(driver)));
        } finally {
            browsers.forEach(WebDriver::quit);
            browsers.clear();
        }
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }
}
