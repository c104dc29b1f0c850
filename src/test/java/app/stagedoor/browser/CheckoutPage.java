package app.stagedoor.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /reservations/{id}/checkout}: the held seats, the countdown, pay or let go. */
class CheckoutPage extends Page {

    CheckoutPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().contains("/checkout"));
        visible(By.cssSelector("main h1"));
    }

    /** The countdown as shown, e.g. 4:58. */
    String countdown() {
        return driver.findElement(testId("countdown")).getText();
    }

    int secondsLeft() {
        var parts = countdown().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    String total() {
        return driver.findElement(testId("checkout-total")).getText();
    }

    List<String> seats() {
        return driver.findElements(By.cssSelector("[data-testid='checkout-seats'] li span:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    ReservationsPage pay() {
        click(testId("pay"));
        return new ReservationsPage(driver, baseUrl);
    }

    /** Waits, untouched, for the countdown to end and the page to say the hold expired. */
    CheckoutPage waitUntilExpired(Duration atMost) {
        new WebDriverWait(driver, atMost)
                .until(d -> !d.findElements(testId("expired")).isEmpty());
        return this;
    }

    String expiredMessage() {
        return driver.findElement(testId("expired")).getText();
    }

    SeatMapPage backToMap() {
        click(testId("back-to-map"));
        return new SeatMapPage(driver, baseUrl);
    }
}
