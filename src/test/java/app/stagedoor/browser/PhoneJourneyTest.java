package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/** Buying on a phone at 390 px with taps, best available, and the seat map by keyboard alone. */
class PhoneJourneyTest extends BrowserTest {

    ApiClient api;
    long concert;

    @BeforeEach
    void aConcertOnSale() {
        api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        concert = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"HAEUN","venue":"Olympic Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"VIP","rows":2,"seatsPerRow":10,"price":120000},{"name":"R","rows":3,"seatsPerRow":24,"price":80000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                TestData.username("Phone"), salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();
    }

    private SeatMapPage admittedOnTheMap(WebDriver browser) {
        var username = TestData.username("thumb");
        SignupPage.open(browser, baseUrl()).signUp(username, TestData.PASSWORD).logIn(username, TestData.PASSWORD);
        browser.get(baseUrl() + "/concerts/" + concert);
        return new ConcertPage(browser, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
    }

    @Test
    void a_fan_taps_a_section_then_seats_holds_them_and_finds_them_as_yours_on_the_way_back() {
        var phone = newPhone("en");
        var map = admittedOnTheMap(phone);
        assertThat(((JavascriptExecutor) phone).executeScript("return window.innerWidth"))
                .as("the page is as wide as the phone")
                .isEqualTo(390L);

        assertThat(map.showsOverview())
                .as("the map opens as the hall's overview")
                .isTrue();
        assertThat(map.showsSeats()).isFalse();
        assertThat(map.barGapToScreenBottom())
                .as("the bar sits on the bottom of the screen")
                .isZero();

        assertThat(map.showsScrollHint())
                .as("the overview fits the phone: nothing to swipe")
                .isFalse();
        map.openSection("R");
        assertThat(map.showsScrollHint())
                .as("24 seats a row at a thumb's size are wider than the phone: the hint says to swipe")
                .isTrue();
        var seats = map.seatIdsIn("R");
        var first = map.seat(seats.get(11)).getRect();
        assertThat(first.getWidth()).as("a seat fits a thumb").isGreaterThanOrEqualTo(44);
        assertThat(first.getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(map.rowLabelShiftWhenPanned("R"))
                .as("the row numbers stay in view while the section is panned")
                .isZero();

        map.tap(seats.get(11)).tap(seats.get(12));
        assertThat(map.total()).isEqualTo("₩160,000");
        assertThat(map.pickCount()).isEqualTo("2 of 4 seats chosen");
        assertThat(map.barGapToScreenBottom())
                .as("still there after the taps and the page's scrolling")
                .isZero();

        screenshot(phone, "phone-section-picked");
        map.zoomIn();
        assertThat(map.seat(seats.get(11)).getRect().getWidth()).as("zoomed in").isGreaterThan(first.getWidth());

        var checkout = map.hold();
        assertThat(checkout.seats()).containsExactly("R · row 1 · seat 12", "R · row 1 · seat 13");
        assertThat(checkout.secondsLeft()).isBetween(290, 300);

        phone.navigate().back();
        var again = new SeatMapPage(phone, baseUrl());
        assertThat(again.yourHold()).startsWith("You hold 2 seats — continue to checkout (");
        assertThat(again.yours()).containsExactly(seats.get(11), seats.get(12));
        screenshot(phone, "phone-yours");

        again.openSection("R").tap(seats.get(0)).tap(seats.get(1));
        assertThat(again.pickCount()).isEqualTo("2 of 2 seats chosen");
        again.tapPastTheLimit(seats.get(2));
        assertThat(again.limitNote()).isEqualTo("You can pick up to 2 seats. Untick one to choose another.");
        assertThat(again.isTicked(seats.get(0))).as("the selection is kept").isTrue();
        assertThat(again.isTicked(seats.get(1))).isTrue();
        assertThat(again.isTicked(seats.get(2))).isFalse();
        assertThat(again.selectedSeats()).hasSize(2);

        var back = again.continueToCheckout();
        assertThat(back.seats()).containsExactly("R · row 1 · seat 12", "R · row 1 · seat 13");
    }

    @Test
    void best_available_gives_seats_side_by_side_in_the_front_row_in_korean_too() {
        var phone = newPhone("ko");
        var map = admittedOnTheMap(phone);
        var checkout = map.holdBest(3, "R");
        // 11-13 is nearer the middle of 24 but would leave gaps of 10 and 11 seats, each one short of
        // threes; 10-12 leaves 9 and 12
        assertThat(checkout.seats()).containsExactly("R · 1열 · 10번", "R · 1열 · 11번", "R · 1열 · 12번");
        assertThat(phone.findElement(Page.testId("hold-lasts")).getText())
                .isEqualTo("좌석은 선택 완료 시점부터 5분 동안 유지됩니다. 남은 입장 시간과는 상관없습니다.");
    }

    @Test
    void the_map_is_a_grid_the_keyboard_walks_and_one_tab_leaves_it_for_hold() {
        var browser = newBrowser();
        var map = admittedOnTheMap(browser);
        var js = (JavascriptExecutor) browser;
        // from the link to the concert above the map, as a keyboard user arrives
        js.executeScript("document.querySelector('main p.muted a').focus()");

        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(focused(browser)).isEqualTo("VIP, row 1, seat 1, ₩120,000, available");
        new Actions(browser)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_DOWN)
                .perform();
        assertThat(focused(browser)).isEqualTo("VIP, row 2, seat 3, ₩120,000, available");
        var before = browser.findElement(Page.testId("seat-summary"));
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        map.waitFor(d -> ConcertEditorPage.isStale(before));
        var after = browser.findElement(Page.testId("seat-summary"));
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ENTER).perform();
        map.waitFor(d -> ConcertEditorPage.isStale(after));
        assertThat(map.selectedSeats()).hasSize(2);
        assertThat(map.total()).isEqualTo("₩240,000");

        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(focused(browser))
                .as("down from the last row of one section into the next")
                .isEqualTo("R, row 1, seat 2, ₩80,000, available");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(js.executeScript("return document.activeElement.dataset.testid"))
                .as("one Tab leaves the 92 seats for Hold")
                .isEqualTo("hold");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        var checkout = new CheckoutPage(browser, baseUrl());
        assertThat(checkout.seats()).containsExactly("VIP · row 2 · seat 2", "VIP · row 2 · seat 3");
    }

    private static String focused(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("var e = document.activeElement; return e.getAttribute('aria-label') || e.textContent;");
    }
}
