package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** {@code /admin/performances/{id}/check-in}: the door. */
class CheckInPage extends Page {

    CheckInPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().contains("/check-in"));
        visible(testId("check-in-code"));
    }

    static CheckInPage open(WebDriver driver, String baseUrl, long performanceId) {
        driver.get(baseUrl + "/admin/performances/" + performanceId + "/check-in");
        return new CheckInPage(driver, baseUrl);
    }

    /** Types the code as a keyboard-wedge scanner does, Enter included, and waits for a new answer. */
    CheckInPage scan(String code) {
        var before = driver.findElements(testId("verdict")).stream().findFirst().orElse(null);
        driver.findElement(testId("check-in-code")).sendKeys(code + Keys.ENTER);
        waitFor(d -> {
            var now = d.findElements(testId("verdict"));
            return !now.isEmpty() && (before == null || !now.get(0).equals(before));
        });
        return this;
    }

    String verdict() {
        return visible(testId("verdict")).getAttribute("data-verdict");
    }

    String verdictText() {
        return driver.findElement(By.cssSelector("[data-testid='verdict'] .verdict-word"))
                .getText();
    }

    String seat() {
        return driver.findElement(testId("verdict-seat")).getText();
    }

    /** Whether the field is empty and has the focus, ready for the next scan. */
    boolean readyForTheNext() {
        var field = driver.findElement(testId("check-in-code"));
        return waitFor(d -> field.getAttribute("value").isEmpty()
                && field.equals(d.switchTo().activeElement()));
    }

    String count() {
        return driver.findElement(testId("check-in-count")).getText();
    }
}
