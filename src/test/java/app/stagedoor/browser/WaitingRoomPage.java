package app.stagedoor.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /concerts/{id}/waiting-room}: the fan's place in line, moving by itself. */
class WaitingRoomPage extends Page {

    WaitingRoomPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d ->
                d.getCurrentUrl().contains("/waiting-room") || d.getCurrentUrl().contains("/performances"));
    }

    boolean isWaiting() {
        return !driver.findElements(testId("waiting-panel")).isEmpty();
    }

    /** The place shown, read fresh (the panel is swapped on every poll). */
    long position() {
        return Long.parseLong(waitFor(d -> {
            var found = d.findElements(testId("position"));
            return found.isEmpty() ? null : found.get(0).getText().replaceAll("\\D", "");
        }));
    }

    int progress() {
        return Integer.parseInt(waitFor(d -> {
            var found = d.findElements(testId("progress"));
            return found.isEmpty() ? null : found.get(0).getAttribute("value");
        }));
    }

    /** Waits, without touching the page, until it moves on to the dates by itself. */
    DatesPage admitted() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().contains("/performances"));
        return new DatesPage(driver, baseUrl);
    }

    /** Waits, without touching the page, until a poll has redrawn the panel. */
    WaitingRoomPage afterAPoll() {
        var panel = driver.findElement(testId("waiting-panel"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(panel));
        return this;
    }

    WaitingRoomPage leave() {
        click(testId("leave"));
        visible(By.cssSelector("[data-testid='join-card']"));
        return this;
    }
}
