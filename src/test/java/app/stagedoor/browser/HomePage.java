package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /}: the concerts on sale. */
class HomePage extends Page {

    HomePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static HomePage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/");
        return new HomePage(driver, baseUrl).awaitLoaded();
    }

    HomePage awaitLoaded() {
        visible(By.cssSelector("main h2"));
        return this;
    }

    boolean isSignedIn() {
        return !driver.findElements(By.cssSelector("form[action$='/logout']")).isEmpty();
    }

    boolean showsSignedOutNote() {
        return driver.getPageSource().contains("You have signed out");
    }
}
