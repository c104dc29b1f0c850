package app.stagedoor.booking;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceView;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** My tickets: the signed-in fan's reservations, and only theirs. */
@PageTest(ReservationsController.class)
class ReservationsControllerTest {

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reservations reservations;

    @MockitoBean
    Catalogue catalogue;

    @BeforeEach
    void aPaidReservation() {
        var now = Instant.now();
        given(reservations.of(5)).willReturn(List.of(ReservationView.of(TestReservations.confirmed(42, 5, now), now)));
        var date = new PerformanceView(8, 3, Instant.parse("2026-12-24T10:30:00Z"));
        given(catalogue.findConcert(3))
                .willReturn(Optional.of(TestConcerts.view(3, Instant.EPOCH, true, 2, 10, List.of(date))));
    }

    @Test
    void a_paid_reservation_shows_the_concert_the_date_and_the_seats() throws Exception {
        mvc.perform(get("/reservations").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Aurora"),
                                containsString("Dec 24, 2026, 7:30 PM KST"),
                                containsString("VIP · row 1 · seat 1"),
                                containsString("data-status=\"CONFIRM\""))));
    }

    @Test
    void a_fan_who_has_not_signed_in_is_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/reservations").accept("text/html")).andExpect(redirectedUrl("/login"));
    }
}
