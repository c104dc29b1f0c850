package app.stagedoor.booking;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceView;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Members;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SeatPlace;
import app.stagedoor.web.PageTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @MockitoBean
    SalesReport report;

    @MockitoBean
    ETicketStore tickets;

    @MockitoBean
    Members members;

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
        given(report.money(8)).willReturn(new SalesReport.DateMoney(412_000, 1, 108_000, 12_000));
        given(tickets.counts(8)).willReturn(new ETicketStore.Counts(3, 4));
        given(report.bySection(7)).willReturn(List.of(new SalesReport.SectionSales("VIP", 4, 400_000)));
        given(report.ordersWithSeats(7))
                .willReturn(List.of(new SalesReport.Order(
                        21,
                        "K7Q2M9XR4D",
                        5,
                        8,
                        ReservationStatus.CONFIRM,
                        200_000,
                        List.of(new SeatPlace("VIP", 1, 1), new SeatPlace("VIP", 1, 2)),
                        Instant.parse("2026-12-01T03:00:00Z"),
                        null,
                        null,
                        null)));
        given(members.usernames(any())).willReturn(Map.of(5L, "=cmd|haeun"));
        given(reservations.holdsExpiringBetween(eq(8L), any(), any())).willReturn(1L);
    }

    @Test
    void the_admin_page_loads_the_seats_and_revenue_of_each_date() throws Exception {
        mvc.perform(get("/admin/concerts/7/sales")
                        .with(user(ADMIN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("₩412,000"),
                                containsString(">14<"),
                                containsString("1 · ₩108,000"),
                                containsString("₩12,000"),
                                containsString("3 / 4"),
                                containsString("orders.csv"))));
    }

    @Test
    void opened_on_its_own_it_is_the_sales_part_of_the_concerts_dashboard() throws Exception {
        mvc.perform(get("/admin/concerts/7/sales").with(user(ADMIN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html"),
                                containsString("href=\"/admin/concerts/7/waiting-room\""),
                                containsString("₩412,000"))));
    }

    @Test
    void the_orders_export_is_a_utf8_csv_with_a_byte_order_mark_in_the_organisers_language() throws Exception {
        var korean = mvc.perform(
                        get("/admin/concerts/7/orders.csv").with(user(ADMIN)).header("Accept-Language", "ko"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("orders-7.csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var text = new String(korean, java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(korean).startsWith(0xEF, 0xBB, 0xBF);
        org.assertj.core.api.Assertions.assertThat(text.lines().toList())
                .containsExactly(
                        "\uFEFF예매번호,예매자,관람일시,좌석,결제 금액(원),상태,결제 일시,환불 일시,환불 금액(원),취소 수수료(원)",
                        "K7Q2M9XR4D,'=cmd|haeun,2026-12-24 19:30,\"VIP · 1열 · 1번, VIP · 1열 · 2번\",200000,결제 완료,2026-12-01 12:00,,,");
    }

    @Test
    void fans_cannot_export_orders() throws Exception {
        mvc.perform(get("/admin/concerts/7/orders.csv").with(user(new MemberPrincipal(5, "fan", Role.FAN))))
                .andExpect(status().isForbidden());
    }
}
