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

    private org.openqa.selenium.WebElement reservation(long reservationId) {
        return driver.findElement(
                By.cssSelector("[data-testid='reservation'][data-reservation-id='" + reservationId + "']"));
    }

    /** The id of the newest reservation on the page. */
    long newestReservationId() {
        return driver.findElements(testId("reservation")).stream()
                .mapToLong(r -> Long.parseLong(r.getAttribute("data-reservation-id")))
                .max()
                .orElseThrow();
    }

    TicketsPage showTickets(long reservationId) {
        click(reservation(reservationId).findElement(testId("show-tickets")));
        return new TicketsPage(driver, baseUrl);
    }

    boolean offersCancelling(long reservationId) {
        return !reservation(reservationId)
                .findElements(testId("cancel-booking"))
                .isEmpty();
    }

    RefundPage cancelBooking(long reservationId) {
        click(reservation(reservationId).findElement(testId("cancel-booking")));
        return new RefundPage(driver, baseUrl);
    }

    String refundedNote() {
        return driver.findElement(testId("refunded")).getText();
    }

    String statusOf(long reservationId) {
        return reservation(reservationId).getAttribute("data-status");
    }

    String refundSummary(long reservationId) {
        return reservation(reservationId).findElement(testId("refund-summary")).getText();
    }
}
