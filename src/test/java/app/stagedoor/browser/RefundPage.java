package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /reservations/{id}/refund}: the fee and the amount back, shown before the fan confirms. */
class RefundPage extends Page {

    RefundPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().endsWith("/refund"));
        visible(By.cssSelector("main h1"));
    }

    String fee() {
        return driver.findElement(testId("refund-fee")).getText();
    }

    String amountBack() {
        return driver.findElement(testId("refund-amount")).getText();
    }

    ReservationsPage confirm() {
        click(testId("confirm-refund"));
        return new ReservationsPage(driver, baseUrl);
    }
}
