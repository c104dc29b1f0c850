package app.stagedoor.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: the driver, waits, and the header. */
abstract class Page {

    static final Duration WAIT = Duration.ofSeconds(15);

    final WebDriver driver;
    final String baseUrl;

    Page(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Waits until the condition gives a value. htmx swaps parts of the page under a reader (the
     * waiting room's panel on every poll), so an element that went stale is simply looked up again.
     */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks like a person would: scrolled to the middle of the screen, clear of the sticky header. */
    void click(By by) {
        click(driver.findElement(by));
    }

    void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The balance shown in the header's wallet badge. */
    String headerBalance() {
        return driver.findElement(By.cssSelector("#wallet-badge strong")).getText();
    }

    HomePage signOut() {
        click(By.cssSelector("form[action$='/logout'] button"));
        return new HomePage(driver, baseUrl).awaitLoaded();
    }
}
