package app.stagedoor.booking;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceView;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.web.PageTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The organiser's sales panel: loaded into the concert's admin page, never shown on its own. */
@PageTest(SalesController.class)
class SalesControllerTest {

    static final MemberPrincipal ADMIN = new MemberPrincipal(1, "admin", Role.ADMIN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    SeatInventory inventory;

    @MockitoBean
    ReservationRepository reservations;

    @MockitoBean
    BookingProperties properties;

    @BeforeEach
    void aConcertWithADate() {
        var concert = TestConcerts.view(
                7,
                Instant.parse("2026-12-01T00:00:00Z"),
                true,
                2,
                10,
                List.of(new PerformanceView(8, 7, Instant.parse("2026-12-24T10:30:00Z"))));
        given(catalogue.findConcert(7)).willReturn(Optional.of(concert));
        given(properties.expiringWithin()).willReturn(Duration.ofMinutes(5));
        given(inventory.counts(8)).willReturn(new SeatInventory.SeatCounts(14, 2, 4, 20));
        given(reservations.revenue(8)).willReturn(400_000L);
        given(reservations.holdsExpiringBetween(eq(8L), any(), any())).willReturn(1L);
    }

    @Test
    void the_admin_page_loads_the_seats_and_revenue_of_each_date() throws Exception {
        mvc.perform(get("/admin/concerts/7/sales")
                        .with(user(ADMIN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("₩400,000"), containsString(">14<"))));
    }

    @Test
    void opened_on_its_own_it_sends_the_organiser_to_the_concerts_admin_page() throws Exception {
        mvc.perform(get("/admin/concerts/7/sales").with(user(ADMIN))).andExpect(redirectedUrl("/admin/concerts/7"));
    }
}
