package app.stagedoor.booking;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceView;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Checkout: the held seats, the wallet against the total, pay or let go; only one's own hold. */
@PageTest(CheckoutController.class)
class CheckoutControllerTest {

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);

    @Autowired
    MockMvc mvc;

    @Autowired
    Wallets wallets;

    @MockitoBean
    Reservations reservations;

    @MockitoBean
    Checkout checkout;

    @MockitoBean
    Catalogue catalogue;

    @BeforeEach
    void aHoldOfTwoSeats() {
        var now = Instant.now();
        given(reservations.one(5, 42)).willReturn(ReservationView.of(TestReservations.held(42, 5, now), now));
        given(reservations.one(5, 43)).willThrow(DomainException.notFound());
        var date = new PerformanceView(8, 3, Instant.parse("2026-12-24T10:30:00Z"));
        given(catalogue.findConcert(3))
                .willReturn(Optional.of(TestConcerts.view(3, Instant.EPOCH, true, 2, 10, List.of(date))));
        given(catalogue.findPerformance(8)).willReturn(Optional.of(date));
    }

    @Test
    void the_page_names_the_seats_and_offers_a_top_up_when_the_wallet_is_short() throws Exception {
        given(wallets.balanceOf(5)).willReturn(150_000L);
        mvc.perform(get("/reservations/42/checkout").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("VIP · row 1 · seat 2"),
                                containsString("₩200,000"),
                                containsString("data-testid=\"shortfall\""),
                                containsString("/wallet?returnTo=/reservations/42/checkout"))));
    }

    @Test
    void in_korean_the_seats_and_money_read_as_interpark_writes_them() throws Exception {
        given(wallets.balanceOf(5)).willReturn(500_000L);
        mvc.perform(get("/reservations/42/checkout").with(user(FAN)).header("Accept-Language", "ko"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("VIP · 1열 · 2번"), containsString("200,000원"))));
    }

    @Test
    void another_fans_hold_is_a_page_that_does_not_exist() throws Exception {
        mvc.perform(get("/reservations/43/checkout").with(user(FAN))).andExpect(status().isNotFound());
    }

    @Test
    void paying_lands_on_my_tickets() throws Exception {
        given(checkout.pay(5, 42, "key-1")).willReturn(new Checkout.Paid(42, 200_000, 300_000, false));
        mvc.perform(post("/reservations/42/payment")
                        .param("idempotencyKey", "key-1")
                        .with(user(FAN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/reservations"))
                .andExpect(flash().attribute("paid", 42L));
    }

    @Test
    void a_refused_payment_goes_back_to_checkout_saying_why() throws Exception {
        given(checkout.pay(5, 42, "key-1"))
                .willThrow(new DomainException(ErrorCode.INSUFFICIENT_BALANCE, 150_000L, 50_000L));
        mvc.perform(post("/reservations/42/payment")
                        .param("idempotencyKey", "key-1")
                        .with(user(FAN))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(redirectedUrl("/reservations/42/checkout"))
                .andExpect(flash().attributeExists("payError"));
    }

    @Test
    void a_payment_without_the_forms_token_is_refused() throws Exception {
        mvc.perform(post("/reservations/42/payment").with(user(FAN))).andExpect(status().isForbidden());
    }

    @Test
    void letting_the_seats_go_returns_to_the_seat_map() throws Exception {
        mvc.perform(post("/reservations/42/cancel").with(user(FAN)).with(csrf()))
                .andExpect(redirectedUrl("/performances/8/seats"));
    }

    @Test
    void a_hold_that_cannot_be_let_go_stays_on_checkout_with_the_reason() throws Exception {
        willThrow(new DomainException(ErrorCode.INVALID_STATE)).given(checkout).cancel(5, 42);
        mvc.perform(post("/reservations/42/cancel").with(user(FAN)).with(csrf()))
                .andExpect(redirectedUrl("/reservations/42/checkout"))
                .andExpect(flash().attributeExists("payError"));
    }
}
