package app.stagedoor.browser;

import app.stagedoor.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;
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
        var driver = Browser.start();
        browsers.add(driver);
        return driver;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }
}
