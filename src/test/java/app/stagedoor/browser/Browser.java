package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from the machine (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code bin/test-prerequisites} installs). A missing browser fails the test: it is never skipped.
 */
final class Browser {

    private static final String CHROMIUM = System.getProperty("stagedoor.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("stagedoor.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    /** A desktop window in English. */
    static WebDriver start() {
        return start(1280, 1000, "en");
    }

    /**
     * A window of this size whose browser asks for this language first ({@code en} or {@code ko}),
     * recording the console so a test can fail on any error a page logs.
     */
    static WebDriver start(int width, int height, String language) {
        for (String executable : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(executable).canExecute()) {
                fail(executable
                        + " is missing: the browser tests need Chromium and ChromeDriver. Run bin/test-prerequisites.");
            }
        }
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--lang=" + (language.equals("ko") ? "ko-KR" : "en-US"),
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs", Map.of("intl.accept_languages", language.equals("ko") ? "ko-KR,ko" : "en-US,en"));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
