package app.stagedoor.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * {@code /admin/concerts/new} and a concert's dashboard ({@code /admin/concerts/{id}}, its setup,
 * its dates): the organiser's concert editor. Its actions move between the dashboard's parts by
 * its navigation, as an organiser does.
 */
class ConcertEditorPage extends Page {

    ConcertEditorPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
        visible(By.cssSelector("#concert-form, [data-testid='dashboard-nav']"));
    }

    static ConcertEditorPage openNew(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/admin/concerts/new");
        return new ConcertEditorPage(driver, baseUrl);
    }

    ConcertEditorPage describe(String title, String artist, String venue, String salesOpenAtLocal) {
        type(By.id("title"), title);
        type(By.id("artist"), artist);
        type(By.id("venue"), venue);
        setValue(driver.findElement(By.id("salesOpenAt")), salesOpenAtLocal);
        return this;
    }

    /** Fills the last row of the section editor, adding a row first unless it is the first section. */
    ConcertEditorPage section(int index, String name, int rows, int seatsPerRow, long price) {
        if (index > 0) {
            var before = driver.findElement(By.id("section-editor"));
            click(testId("add-section"));
            waitFor(d -> isStale(before));
            visible(By.name("sections[" + index + "].name"));
        }
        type(By.name("sections[" + index + "].name"), name);
        type(By.name("sections[" + index + "].rows"), Integer.toString(rows));
        type(By.name("sections[" + index + "].seatsPerRow"), Integer.toString(seatsPerRow));
        type(By.name("sections[" + index + "].price"), Long.toString(price));
        return this;
    }

    int previewSeats() {
        var heading = waitFor(d -> {
            var found = d.findElements(By.cssSelector("#seat-preview h3"));
            return found.isEmpty() ? null : found.get(0);
        });
        return Integer.parseInt(heading.getText().replaceAll("\\D", ""));
    }

    ConcertEditorPage save() {
        click(testId("save"));
        return new ConcertEditorPage(driver, baseUrl);
    }

    boolean showsSaved() {
        return !driver.findElements(testId("notice")).isEmpty();
    }

    List<String> errors() {
        return driver.findElements(By.cssSelector(".field-error")).stream()
                .map(WebElement::getText)
                .filter(t -> !t.isBlank())
                .toList();
    }

    ConcertEditorPage addDate(String startsAtLocal) {
        if (driver.findElements(By.id("startsAt")).isEmpty()) {
            click(testId("nav-dates"));
            visible(By.id("startsAt"));
        }
        setValue(driver.findElement(By.id("startsAt")), startsAtLocal);
        click(testId("add-date"));
        return new ConcertEditorPage(driver, baseUrl);
    }

    int dates() {
        return driver.findElements(testId("admin-date")).size();
    }

    ConcertEditorPage publish() {
        click(testId("publish"));
        return new ConcertEditorPage(driver, baseUrl);
    }

    String publishState() {
        return driver.findElement(testId("publish-state")).getText();
    }

    private void type(By field, String text) {
        var input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        input,
                        value);
    }

    static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            return true;
        }
    }
}
