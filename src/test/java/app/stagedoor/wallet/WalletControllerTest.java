package app.stagedoor.wallet;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(WalletController.class)
class WalletControllerTest {

    static final MemberPrincipal FAN = new MemberPrincipal(7, "fan", Role.FAN);

    @Autowired
    MockMvc mvc;

    @Autowired
    Wallets wallets;

    @BeforeEach
    void aWalletWithOneTopUp() {
        given(wallets.rules()).willReturn(new WalletLimits(1_000, 1_000_000, 10_000_000));
        given(wallets.balanceOf(7)).willReturn(25_000L);
        given(wallets.history(eq(7L), anyInt(), anyInt()))
                .willReturn(new PageImpl<>(
                        List.of(new WalletTransaction(
                                1L, 7, TransactionType.CHARGE, 25_000, 25_000, "top-up", Instant.now())),
                        PageRequest.of(0, 10),
                        1));
    }

    @Test
    void the_page_shows_balance_form_and_history() throws Exception {
        mvc.perform(get("/wallet").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("₩25,000"),
                                containsString("Top up"),
                                containsString("+₩25,000"),
                                containsString("Top-ups from ₩1,000 to ₩1,000,000"))));
    }

    @Test
    void the_page_speaks_korean_to_a_korean_browser() throws Exception {
        mvc.perform(get("/wallet").with(user(FAN)).header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("25,000원"), containsString("충전하기"))));
    }

    @Test
    void an_htmx_top_up_swaps_the_panel_and_the_header_badge() throws Exception {
        given(wallets.balanceOf(7)).willReturn(25_000L, 35_000L);
        mvc.perform(post("/wallet/charges")
                        .with(user(FAN))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("amount", "10000"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"wallet-panel\""),
                                containsString("Added ₩10,000 to your wallet."),
                                containsString("hx-swap-oob=\"true\""),
                                containsString("id=\"wallet-badge\""),
                                not(containsString("<html")))));
        verify(wallets).charge(7, 10_000);
    }

    @Test
    void a_refused_htmx_top_up_shows_the_limit_in_the_form() throws Exception {
        given(wallets.charge(7, 2_000_000))
                .willThrow(new DomainException(ErrorCode.INVALID_AMOUNT, 1_000L, 1_000_000L));
        mvc.perform(post("/wallet/charges")
                        .with(user(FAN))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("amount", "2000000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Top-ups must be between ₩1,000 and ₩1,000,000.")));
    }

    @Test
    void words_instead_of_a_number_are_refused_before_the_wallet_is_asked() throws Exception {
        mvc.perform(post("/wallet/charges")
                        .with(user(FAN))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("amount", "ten thousand"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter an amount in whole won")));
        verify(wallets, never()).charge(anyLong(), anyLong());
    }

    @Test
    void without_htmx_a_top_up_redirects_back_to_the_wallet() throws Exception {
        mvc.perform(post("/wallet/charges").with(user(FAN)).with(csrf()).param("amount", "10000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/wallet"));
    }

    @Test
    void a_top_up_without_the_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/wallet/charges").with(user(FAN)).param("amount", "10000"))
                .andExpect(status().isForbidden());
        verify(wallets, never()).charge(anyLong(), anyLong());
    }

    @Test
    void history_pages_come_as_a_fragment_for_htmx() throws Exception {
        mvc.perform(get("/wallet/history").param("page", "0").with(user(FAN)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(allOf(containsString("id=\"wallet-history\""), not(containsString("<html")))));
    }

    @Test
    void a_visitor_is_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/wallet").accept("text/html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void an_htmx_request_with_an_expired_session_reloads_the_page() throws Exception {
        mvc.perform(get("/wallet/history").header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"));
    }
}
