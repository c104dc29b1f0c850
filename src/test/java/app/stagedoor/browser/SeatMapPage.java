package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /performances/{id}/seats}: the seat map. */
class SeatMapPage extends Page {

    SeatMapPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        visible(testId("seat-summary")); // on a phone the map itself opens as the hall's overview
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

    // On a phone: the hall's overview, a section opened for thumbs, the bar at the bottom

    boolean showsOverview() {
        return driver.findElement(testId("hall-overview")).isDisplayed();
    }

    boolean showsSeats() {
        return driver.findElements(testId("seat")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Taps a section on the hall's overview; its seats open, big enough for a thumb. */
    /** The hint to swipe the map sideways: shown only while what is open scrolls. */
    boolean showsScrollHint() {
        return driver.findElement(By.cssSelector("[data-scroll-hint]")).isDisplayed();
    }

    SeatMapPage openSection(String section) {
        click(By.cssSelector("[data-testid='section-button'][data-section='" + section + "']"));
        waitFor(d -> seat(seatIdsIn(section).get(0)).isDisplayed());
        return this;
    }

    List<Long> seatIdsIn(String section) {
        return driver.findElements(By.cssSelector("[data-section='" + section + "'] [data-testid='seat']")).stream()
                .map(seat -> Long.parseLong(seat.getAttribute("data-seat-id")))
                .toList();
    }

    WebElement seat(long seatId) {
        return driver.findElement(By.cssSelector("[data-seat-id='" + seatId + "']"));
    }

    /** Taps a seat and waits for the bar at the bottom to follow. */
    SeatMapPage tap(long seatId) {
        return pick(seatId);
    }

    /** Taps a seat past the limit: nothing is asked of the server, the page says why. */
    SeatMapPage tapPastTheLimit(long seatId) {
        click(By.cssSelector("[data-seat-id='" + seatId + "']"));
        waitFor(d -> d.findElement(testId("limit-note")).isDisplayed());
        return this;
    }

    String limitNote() {
        return driver.findElement(testId("limit-note")).getText();
    }

    String pickCount() {
        return driver.findElement(testId("pick-count")).getText();
    }

    boolean isTicked(long seatId) {
        return seat(seatId).findElement(By.tagName("input")).isSelected();
    }

    SeatMapPage zoomIn() {
        click(By.cssSelector("[data-zoom='1']"));
        return this;
    }

    /** How far the bottom of the bar with the total and Hold is from the bottom of the screen, in px. */
    int barGapToScreenBottom() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "return Math.round(window.innerHeight - arguments[0].getBoundingClientRect().bottom);",
                                driver.findElement(testId("seat-summary"))))
                .intValue();
    }

    /** Pans the open section sideways as a thumb would; returns how far the row label moved on screen. */
    int rowLabelShiftWhenPanned(String section) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        var grid = driver.findElement(By.cssSelector("[data-section='" + section + "'] .seat-grid"));
        var label = grid.findElement(By.cssSelector(".row-label"));
        int before = label.getRect().getX();
        js.executeScript("arguments[0].scrollLeft = 300;", grid);
        waitFor(d -> ((Number) js.executeScript("return arguments[0].scrollLeft", grid)).intValue() > 0);
        return label.getRect().getX() - before;
    }

    /** Seats the page marks as this fan's own hold. */
    List<Long> yours() {
        return driver.findElements(By.cssSelector("[data-testid='seat'].mine")).stream()
                .map(seat -> Long.parseLong(seat.getAttribute("data-seat-id")))
                .toList();
    }

    String yourHold() {
        var banners = driver.findElements(testId("your-hold"));
        return banners.isEmpty() ? "" : banners.get(0).getText();
    }

    CheckoutPage continueToCheckout() {
        click(By.cssSelector("[data-testid='your-hold'] a"));
        return new CheckoutPage(driver, baseUrl);
    }

    /** Asks for the best {@code count} seats, in a section or (null) anywhere. */
    CheckoutPage holdBest(int count, String section) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("best-count")))
                .selectByValue(String.valueOf(count));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("best-section")))
                .selectByValue(section == null ? "" : section);
        click(testId("best-hold"));
        return new CheckoutPage(driver, baseUrl);
    }
}
