package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SeatPlace;
import app.stagedoor.web.PageTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The fan's catalogue pages, and the gate in front of the dates and the seat map. */
@PageTest(CatalogueController.class)
@Import(CatalogueControllerTest.LiveMaps.class)
@TestPropertySource(properties = "stagedoor.concert.seat-map.snapshot-ttl=0s")
class CatalogueControllerTest {

    /** The refreshes' snapshots, read afresh on every request (no ttl), so each test sees its own map. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConcertProperties.class)
    @Import(SeatMapSnapshots.class)
    static class LiveMaps {}

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);
    static final Instant UNTIL = Instant.parse("2026-12-01T10:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    AdmissionGate gate;

    @MockitoBean
    FanHolds fanHolds;

    @BeforeEach
    void aDoorAsTheWaitingRoomOpensIt() {
        given(gate.joinOpensAt(anyLong())).willReturn(Instant.parse("2026-10-31T23:50:00Z"));
        given(gate.door(any(), any())).willCallRealMethod();
    }

    @BeforeEach
    void aConcertWithADate() {
        var concert = TestConcerts.view(
                3,
                Instant.parse("2026-11-01T00:00:00Z"),
                true,
                1,
                3,
                List.of(new PerformanceView(8, 3, Instant.parse("2026-12-24T10:30:00Z"))));
        var performance = new PerformanceView(8, 3, Instant.parse("2026-12-24T10:30:00Z"));
        var seats = List.of(
                new SeatView(81, "VIP", 1, 1, 1, 100_000, SeatStatus.AVAILABLE),
                new SeatView(82, "VIP", 1, 1, 2, 100_000, SeatStatus.RESERVED),
                new SeatView(83, "VIP", 1, 1, 3, 100_000, SeatStatus.BOOKED));
        given(catalogue.publishedConcert(3)).willReturn(concert);
        given(catalogue.upcomingDatesOf(3))
                .willReturn(List.of(new PerformanceAvailability(8, performance.startsAt(), 1, 3)));
        given(catalogue.publicConcert(3))
                .willReturn(new PublicConcert(
                        concert, List.of(new PerformanceAvailability(8, performance.startsAt(), 1, 3)), "v3"));
        given(catalogue.seatMap(8)).willReturn(SeatMapView.layOut(concert, performance, seats));
        // read again from the map before: here, as a whole read would find it
        given(catalogue.seatMapAgain(any()))
                .willAnswer(call -> catalogue.seatMap(
                        call.<SeatMapView>getArgument(0).performance().id()));
        given(gate.holdDuration(3)).willReturn(Duration.ofMinutes(5));
        given(fanHolds.of(5, 8)).willReturn(FanHolds.FanSeats.NONE);
    }

    @Test
    void without_an_admission_the_dates_and_the_map_send_the_fan_to_the_waiting_room() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.empty());
        mvc.perform(get("/concerts/3/performances").with(user(FAN)))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));
        mvc.perform(get("/performances/8/seats").with(user(FAN))).andExpect(redirectedUrl("/concerts/3/waiting-room"));
        mvc.perform(get("/performances/8/seats/map").with(user(FAN)).header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/concerts/3/waiting-room"));
        mvc.perform(get("/performances/8/seats/summary").with(user(FAN)).header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/concerts/3/waiting-room"));
    }

    @Test
    void an_admitted_fan_sees_the_dates_with_the_time_left() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        mvc.perform(get("/concerts/3/performances").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("1 of 3 seats left"),
                                containsString("Your access lasts until 7:30 PM KST."),
                                containsString("data-deadline=\"2026-12-01T10:30:00Z\""))));
    }

    @Test
    void the_map_shows_free_held_and_sold_seats_apart() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        mvc.perform(get("/performances/8/seats").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-seat-id=\"81\" data-status=\"AVAILABLE\""),
                                containsString("data-seat-id=\"82\" data-status=\"RESERVED\""),
                                containsString("data-seat-id=\"83\" data-status=\"BOOKED\""),
                                containsString("VIP, row 1, seat 1, ₩100,000, available"),
                                containsString("VIP, row 1, seat 2, held by someone"),
                                containsString("VIP, row 1, seat 3, sold"),
                                containsString("Seats are held for 5 minutes from the moment you hold them"))));
    }

    @Test
    void the_fans_own_hold_shows_as_yours_with_the_way_back_to_checkout() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        given(fanHolds.of(5, 8))
                .willReturn(new FanHolds.FanSeats(
                        List.of(new FanHolds.Hold(44, List.of(82L), Instant.parse("2026-12-01T10:04:12Z"))), 1));
        mvc.perform(get("/performances/8/seats").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("You hold 1 seat"),
                                containsString("href=\"/reservations/44/checkout\""),
                                containsString("VIP, row 1, seat 2, yours"),
                                containsString("Pick up to 3 seats on the map."))));
    }

    @Test
    void an_unchanged_map_answers_nothing_and_a_changed_one_only_the_seats_that_moved() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        var version = versionOfTheFansPage();

        mvc.perform(get("/performances/8/seats/map")
                        .param("since", version)
                        .with(user(FAN))
                        .header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        seat81IsSold();
        mvc.perform(get("/performances/8/seats/map")
                        .param("since", version)
                        .with(user(FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"seat-81\""),
                                containsString("VIP, row 1, seat 1, sold"),
                                not(containsString("id=\"seat-82\"")),
                                not(containsString("id=\"seat-map\"")),
                                containsString("id=\"seat-version\""),
                                not(containsString(version)))));
    }

    @Test
    void fans_who_show_one_version_get_one_answer_of_what_moved_in_their_language_and_with_their_own_ticks()
            throws Exception {
        given(gate.admittedUntil(anyLong(), anyLong())).willReturn(Optional.of(UNTIL));
        given(fanHolds.of(anyLong(), anyLong())).willReturn(FanHolds.FanSeats.NONE);
        var version = versionOfTheFansPage();
        seat81IsSold();

        var first = refresh(new MemberPrincipal(11, "fan11", Role.FAN), version, "en");
        var second = refresh(new MemberPrincipal(12, "fan12", Role.FAN), version, "en");
        var korean = refresh(new MemberPrincipal(13, "fan13", Role.FAN), version, "ko");
        var ticked = refresh(new MemberPrincipal(14, "fan14", Role.FAN), version, "en", "81");

        assertThat(first).contains("id=\"seat-81\"", "VIP, row 1, seat 1, sold");
        assertThat(second).isEqualTo(first);
        assertThat(korean).contains("VIP구역 1열 1번, 판매 완료").doesNotContain("sold");
        // the fan whose tick was taken hears it in their own summary, which nobody else is given
        assertThat(ticked).contains("id=\"seat-summary\"").isNotEqualTo(first);
        assertThat(refresh(new MemberPrincipal(15, "fan15", Role.FAN), version, "en"))
                .isEqualTo(first)
                .doesNotContain("seat-summary");
    }

    /** The map's version on the page the fan loaded: where its refreshes start. */
    private String versionOfTheFansPage() throws Exception {
        var page = mvc.perform(get("/performances/8/seats").with(user(FAN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return page.replaceAll("(?s).*name=\"since\" value=\"([^\"]+)\".*", "$1");
    }

    /** Seat 81, free on the page, is sold meanwhile; 82 and 83 stay as they were. */
    private void seat81IsSold() {
        var concert = catalogue.publishedConcert(3);
        given(catalogue.seatMap(8))
                .willReturn(SeatMapView.layOut(
                        concert,
                        concert.performances().get(0),
                        List.of(
                                new SeatView(81, "VIP", 1, 1, 1, 100_000, SeatStatus.BOOKED),
                                new SeatView(82, "VIP", 1, 1, 2, 100_000, SeatStatus.RESERVED),
                                new SeatView(83, "VIP", 1, 1, 3, 100_000, SeatStatus.BOOKED))));
    }

    private String refresh(MemberPrincipal fan, String since, String language, String... ticks) throws Exception {
        return mvc.perform(get("/performances/8/seats/map")
                        .param("since", since)
                        .param("seatIds", ticks)
                        .with(user(fan))
                        .header("HX-Request", "true")
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_refreshed_map_keeps_the_fans_ticks_and_names_seats_taken_meanwhile() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        mvc.perform(get("/performances/8/seats/map")
                        .param("seatIds", "81", "82")
                        .with(user(FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"seat-map\""),
                                containsString("hx-swap-oob=\"true\""),
                                containsString("checked=\"checked\""),
                                containsString("Just taken by someone else: VIP · row 1 · seat 2."),
                                containsString("₩100,000"),
                                not(containsString("<html")))));
    }

    @Test
    void a_hold_refused_for_taken_seats_names_them_as_the_map_does_in_the_fans_language() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        mvc.perform(get("/performances/8/seats")
                        .flashAttr("takenSeats", List.of(new SeatPlace("VIP", 1, 2)))
                        .with(user(FAN))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Some seats were just taken: VIP · row 1 · seat 2.")));
        mvc.perform(get("/performances/8/seats")
                        .flashAttr("takenSeats", List.of(new SeatPlace("VIP", 1, 2)))
                        .with(user(FAN))
                        .header("Accept-Language", "ko"))
                .andExpect(content().string(containsString("VIP · 1열 · 2번")));
    }

    @Test
    void more_seats_than_allowed_are_refused_in_the_summary() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        var concert = catalogue.publishedConcert(3);
        var many = new java.util.ArrayList<SeatView>();
        for (int i = 1; i <= 6; i++) {
            many.add(new SeatView(100 + i, "VIP", 1, 1, i, 100_000, SeatStatus.AVAILABLE));
        }
        given(catalogue.seatMap(8))
                .willReturn(SeatMapView.layOut(concert, concert.performances().get(0), many));
        mvc.perform(get("/performances/8/seats/summary")
                        .param("seatIds", "101", "102", "103", "104", "105")
                        .with(user(FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("You can hold at most 4 seats for this date."),
                                containsString("₩500,000"))));
    }

    @Test
    void before_the_pre_queue_the_concert_page_counts_down_tells_fans_to_sign_in_early_and_redraws_itself()
            throws Exception {
        var salesOpenAt = Instant.now().plusSeconds(3_600);
        given(catalogue.publicConcert(4))
                .willReturn(
                        new PublicConcert(TestConcerts.view(4, salesOpenAt, true, 1, 3, List.of()), List.of(), "v4"));
        given(gate.joinOpensAt(4)).willReturn(salesOpenAt.minusSeconds(600));
        mvc.perform(get("/concerts/4").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("The pre-queue opens in"),
                                containsString("data-on-zero=\"due\""),
                                containsString("hx-get=\"/concerts/4/door\""),
                                containsString("Sign in now: you stay signed in for 3 hours"),
                                not(containsString("data-testid=\"join\"")))));

        given(gate.joinOpensAt(4)).willReturn(Instant.now().minusSeconds(1));
        mvc.perform(get("/concerts/4/door")
                        .with(user(FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-phase=\"PRE_QUEUE\""),
                                containsString("Places are drawn in"),
                                containsString("Join the pre-queue"),
                                not(containsString("<html")))));
    }

    @Test
    void a_visitor_may_browse_but_must_sign_in_for_the_dates() throws Exception {
        mvc.perform(get("/concerts/3").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in to buy tickets")));
        mvc.perform(get("/concerts/3/performances").accept("text/html")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void an_empty_tick_in_the_refresh_is_ignored_not_a_failure() throws Exception {
        given(gate.admittedUntil(5, 3)).willReturn(Optional.of(UNTIL));
        mvc.perform(get("/performances/8/seats/summary")
                        .param("seatIds", "81", "")
                        .with(user(FAN))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk());
    }
}
