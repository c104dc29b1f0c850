package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /reservations}: the fan's tickets. */
class ReservationsPage extends Page {

    ReservationsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().endsWith("/reservations"));
        visible(By.cssSelector("main h1"));
    }

    boolean saysPaid() {
        return !driver.findElements(testId("paid")).isEmpty();
    }

    /** Status and seats of each ticket, newest first: "Paid: VIP · row 1 · seat 1, VIP · row 1 · seat 2". */
    List<String> tickets() {
        return driver.findElements(testId("reservation")).stream()
                .map(ticket -> ticket.findElement(testId("reservation-status")).getText() + ": "
                        + String.join(
                                ", ",
                                ticket.findElements(By.cssSelector("[data-testid='ticket-seats'] li")).stream()
                                        .map(WebElement::getText)
                                        .toList()))
                .toList();
    }
}
