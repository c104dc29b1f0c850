package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.TestData;
import org.junit.jupiter.api.Test;

/** A fan opens an account and fills their wallet, in a real browser. */
class WalletJourneyTest extends BrowserTest {

    @Test
    void sign_up_log_in_top_up_twice_hit_the_limit_and_sign_out() {
        var browser = newBrowser();
        var username = TestData.username("journey");

        var login = SignupPage.open(browser, baseUrl()).signUp(username, "stage-door-pass-9");
        assertThat(login.saysAccountIsReady()).isTrue();

        var home = login.logIn(username, "stage-door-pass-9");
        assertThat(home.isSignedIn()).isTrue();

        var wallet = WalletPage.open(browser, baseUrl());
        assertThat(wallet.balance()).isEqualTo("₩0");

        wallet.topUp(50_000);
        assertThat(wallet.balance()).isEqualTo("₩50,000");
        assertThat(wallet.confirmation()).isEqualTo("Added ₩50,000 to your wallet.");
        assertThat(wallet.headerBalance()).isEqualTo("₩50,000");

        wallet.topUp(20_000);
        assertThat(wallet.balance()).isEqualTo("₩70,000");
        assertThat(wallet.headerBalance()).isEqualTo("₩70,000");
        assertThat(wallet.historyAmounts()).containsExactly("+₩20,000", "+₩50,000");

        wallet.topUp(5_000_000);
        assertThat(wallet.amountError()).isEqualTo("Top-ups must be between ₩1,000 and ₩1,000,000.");
        assertThat(wallet.balance()).isEqualTo("₩70,000");
        assertThat(wallet.historyAmounts()).hasSize(2);

        // what the fan sees survives a reload: it is in the database, not only in the page
        wallet = WalletPage.open(browser, baseUrl());
        assertThat(wallet.balance()).isEqualTo("₩70,000");
        assertThat(wallet.historyAmounts()).containsExactly("+₩20,000", "+₩50,000");

        home = wallet.signOut();
        assertThat(home.isSignedIn()).isFalse();
        assertThat(home.showsSignedOutNote()).isTrue();
    }
}
