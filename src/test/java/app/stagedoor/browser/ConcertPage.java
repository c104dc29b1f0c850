package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /concerts/{id}}: a concert's page. */
class ConcertPage extends Page {

    ConcertPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        visible(By.cssSelector(".concert-detail h1"));
    }

    String title() {
        return driver.findElement(By.cssSelector(".concert-detail h1")).getText();
    }

    WaitingRoomPage joinWaitingRoom() {
        click(testId("join"));
        return new WaitingRoomPage(driver, baseUrl);
    }
}
