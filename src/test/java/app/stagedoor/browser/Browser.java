package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code bin/test-prerequisites} installs). A missing browser fails the test: it is never skipped.
 */
final class Browser {

    private static final String CHROMIUM = System.getProperty("stagedoor.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("stagedoor.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    static WebDriver start() {
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
                "--lang=en-US",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
