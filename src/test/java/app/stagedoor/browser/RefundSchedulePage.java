package app.stagedoor.browser;

import org.openqa.selenium.WebDriver;

/** {@code /admin/concerts/{id}/refund-schedule}: the organiser's cancellation fees. */
class RefundSchedulePage extends Page {

    RefundSchedulePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        waitFor(d -> d.getCurrentUrl().contains("/refund-schedule"));
        visible(testId("save-schedule"));
    }

    static RefundSchedulePage open(WebDriver driver, String baseUrl, long concertId) {
        driver.get(baseUrl + "/admin/concerts/" + concertId + "/refund-schedule");
        return new RefundSchedulePage(driver, baseUrl);
    }

    RefundSchedulePage setBookingDayPercent(int percent) {
        var field = driver.findElement(testId("bookingDayPercent"));
        field.clear();
        field.sendKeys(String.valueOf(percent));
        click(testId("save-schedule"));
        visible(testId("schedule-saved"));
        return new RefundSchedulePage(driver, baseUrl);
    }
}
