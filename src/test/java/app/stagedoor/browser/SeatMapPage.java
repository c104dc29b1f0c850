package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /performances/{id}/seats}: the seat map. */
class SeatMapPage extends Page {

    SeatMapPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        visible(testId("seat-map"));
    }

    List<String> sections() {
        return driver.findElements(testId("section")).stream()
                .map(section -> section.getAttribute("data-section"))
                .toList();
    }

    int seatsIn(String section) {
        return driver.findElements(By.cssSelector("[data-section='" + section + "'] [data-testid='seat']"))
                .size();
    }

    /** The date this map is of, from its address {@code /performances/{id}/seats}. */
    long performanceId() {
        var path = driver.getCurrentUrl().replaceAll("[?#].*", "");
        var parts = path.split("/");
        return Long.parseLong(parts[parts.length - 2]);
    }

    String statusOf(long seatId) {
        return driver.findElement(By.cssSelector("[data-seat-id='" + seatId + "']"))
                .getAttribute("data-status");
    }

    List<Long> availableSeatIds() {
        return driver.findElements(By.cssSelector("[data-status='AVAILABLE']")).stream()
                .map(seat -> Long.parseLong(seat.getAttribute("data-seat-id")))
                .toList();
    }

    /** Ticks seats by id; the summary beside the map follows. */
    SeatMapPage pick(long... seatIds) {
        for (long id : seatIds) {
            var before = driver.findElement(testId("seat-summary"));
            click(By.cssSelector("[data-seat-id='" + id + "']"));
            waitFor(d -> ConcertEditorPage.isStale(before));
        }
        return this;
    }

    CheckoutPage hold() {
        click(testId("hold"));
        return new CheckoutPage(driver, baseUrl);
    }

    String holdError() {
        var errors = driver.findElements(testId("hold-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    List<String> selectedSeats() {
        return driver.findElements(testId("selected-seat")).stream()
                .map(WebElement::getText)
                .toList();
    }

    String total() {
        return driver.findElement(testId("total")).getText();
    }
}
