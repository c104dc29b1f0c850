package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A developer who is not signed in reads the API's documentation in Swagger UI: it runs under the
 * documentation's Content-Security-Policy, with nothing blocked.
 */
class SwaggerUiJourneyTest extends BrowserTest {

    /** Records every CSP violation of the page, from before its first script runs. */
    private static final String RECORD_VIOLATIONS = """
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile
                    + (e.sample ? ' (' + e.sample + ')' : '')));
            """;

    @Test
    void swagger_ui_lists_the_calls_and_shows_their_problem_codes_with_nothing_blocked() {
        var driver = (ChromeDriver) newBrowser();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        var page = new Page(driver, baseUrl()) {};
        driver.get(baseUrl() + "/swagger-ui.html");

        page.visible(By.cssSelector(".opblock"));
        assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).startsWith("Stagedoor API");
        List<String> paths = driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(element -> element.getAttribute("data-path"))
                .toList();
        assertThat(paths).contains("/api/v1/performances/{performanceId}/holds", "/api/v1/auth/token");

        WebElement hold =
                driver.findElement(By.cssSelector("[data-path='/api/v1/performances/{performanceId}/holds']"));
        page.click(hold);
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".opblock.is-open .responses-table"), "SEAT_UNAVAILABLE"));

        page.click(By.cssSelector(".btn.authorize"));
        page.visible(By.cssSelector(".auth-container"));
        assertThat(driver.findElement(By.cssSelector(".modal-ux")).getText()).contains("bearer", "/api/v1/auth/token");

        @SuppressWarnings("unchecked")
        var violations = (List<String>) ((JavascriptExecutor) driver).executeScript("return window.cspViolations;");
        // an inline <style> of a newer Swagger UI shows here: its hash goes into SWAGGER_UI_POLICY
        assertThat(violations).isEmpty();
    }
}
