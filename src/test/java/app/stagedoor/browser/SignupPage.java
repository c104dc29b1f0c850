package app.stagedoor.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /signup}. */
class SignupPage extends Page {

    SignupPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static SignupPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/signup");
        return new SignupPage(driver, baseUrl);
    }

    LoginPage signUp(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("confirmPassword")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
        return new LoginPage(driver, baseUrl).awaitLoaded();
    }
}
