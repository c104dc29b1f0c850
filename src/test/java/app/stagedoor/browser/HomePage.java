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

    /** Opens the concert's card, turning the pages ("Next") until one shows it. */
    ConcertPage openConcert(String title) {
        while (true) {
            var card = driver.findElements(By.cssSelector("[data-testid='concert-card']")).stream()
                    .filter(c -> c.getText().contains(title))
                    .findFirst();
            if (card.isPresent()) {
                card.get().click();
                return new ConcertPage(driver, baseUrl);
            }
            var next = driver.findElements(By.cssSelector("[data-testid='pager'] a[rel='next']"));
            if (next.isEmpty()) {
                throw new AssertionError("no page of the catalogue shows " + title);
            }
            next.get(0).click();
            awaitLoaded();
        }
    }

    boolean isSignedIn() {
        return !driver.findElements(By.cssSelector("form[action$='/logout']")).isEmpty();
    }

    boolean showsSignedOutNote() {
        return driver.getPageSource().contains("You have signed out");
    }
}
