package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /login}. */
class LoginPage extends Page {

    LoginPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static LoginPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        return new LoginPage(driver, baseUrl).awaitLoaded();
    }

    LoginPage awaitLoaded() {
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        visible(By.id("username"));
        return this;
    }

    boolean saysAccountIsReady() {
        return driver.getPageSource().contains("Your account is ready");
    }

    HomePage logIn(String username, String password) {
        submit(username, password);
        return new HomePage(driver, baseUrl).awaitLoaded();
    }

    /** Logs in from a page that asked for it; the browser returns to that page. */
    void logInAndReturn(String username, String password) {
        submit(username, password);
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void submit(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
    }
}
