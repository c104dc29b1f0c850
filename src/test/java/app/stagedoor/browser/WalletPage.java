package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /wallet}: balance, top-up form and history. */
class WalletPage extends Page {

    WalletPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static WalletPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/wallet");
        var page = new WalletPage(driver, baseUrl);
        page.visible(testId("balance"));
        return page;
    }

    String balance() {
        return driver.findElement(testId("balance")).getText();
    }

    /** Tops up with htmx and waits for the panel to show the result. */
    WalletPage topUp(long amount) {
        var before = driver.findElement(By.id("wallet-panel"));
        var input = driver.findElement(By.id("amount"));
        input.clear();
        input.sendKeys(Long.toString(amount));
        click(testId("top-up"));
        waitFor(d -> isStale(before));
        visible(testId("balance"));
        return this;
    }

    String amountError() {
        var errors = driver.findElements(testId("amount-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    String confirmation() {
        var notes = driver.findElements(testId("charged"));
        return notes.isEmpty() ? "" : notes.get(0).getText();
    }

    /** The amounts in the history, newest first, as shown. */
    List<String> historyAmounts() {
        return driver.findElements(By.cssSelector("[data-testid='history'] td.amount")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** What each payment and refund was for, newest first. */
    List<String> historyPurposes() {
        return driver.findElements(By.cssSelector("[data-testid='history'] [data-testid='ledger-purpose']")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            return true;
        }
    }
}
