package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /concerts/{id}/performances}: the date picker. */
class DatesPage extends Page {

    DatesPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        visible(testId("dates"));
    }

    List<String> remaining() {
        return driver.findElements(testId("remaining")).stream()
                .map(WebElement::getText)
                .toList();
    }

    SeatMapPage pickDate(int index) {
        click(driver.findElements(testId("pick-date")).get(index));
        return new SeatMapPage(driver, baseUrl);
    }

    boolean isShown() {
        return driver.getCurrentUrl().contains("/performances")
                && !driver.findElements(By.cssSelector("[data-testid='dates']")).isEmpty();
    }
}
