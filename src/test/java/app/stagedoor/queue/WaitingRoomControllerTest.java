package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.TestConcerts;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.web.PageTest;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@PageTest(WaitingRoomController.class)
class WaitingRoomControllerTest {

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);

    /** A fan of their own, so the polls of the other tests do not count against theirs. */
    static final MemberPrincipal PRE_QUEUE_FAN = new MemberPrincipal(6, "early", Role.FAN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WaitingRoom room;

    @MockitoBean
    Catalogue catalogue;

    @MockitoBean
    QueueGate gate;

    @BeforeEach
    void aConcert() {
        given(catalogue.publishedConcert(3))
                .willReturn(TestConcerts.view(3, Instant.parse("2026-11-01T00:00:00Z"), true, 1, 3, List.of()));
        given(gate.joinOpensAt(3)).willReturn(Instant.parse("2026-10-31T23:50:00Z"));
        given(gate.door(any(), any())).willCallRealMethod();
    }

    static QueueTicket admitted() {
        return QueueTicket.admitted(3, Instant.now().plusSeconds(600), 30_000, "00c0ffee00c0ffee");
    }

    static QueueTicket waiting(long position, int progress) {
        return QueueTicket.waiting(
                3, "signed-ticket", position, 240L, 5_000, progress, false, "00c0ffee00c0ffee", null);
    }

    @Test
    void a_waiting_fan_sees_place_fans_ahead_wait_and_progress() throws Exception {
        given(room.status(5, 3, null)).willReturn(waiting(1_234, 40));
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("1,234"),
                                containsString("1,233"),
                                containsString("about 4 min"),
                                containsString("value=\"40\""),
                                containsString("hx-trigger=\"every 5000ms\""),
                                containsString("ticket=signed-ticket"))));
    }

    @Test
    void a_long_wait_reads_in_hours_and_minutes_and_whole_hours_without_zero_minutes() throws Exception {
        given(room.status(5, 3, null))
                .willReturn(QueueTicket.waiting(3, "signed-ticket", 90_000, 7_200L, 30_000, 1, false, null, null));
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)).header("Accept-Language", "ko"))
                .andExpect(content().string(allOf(containsString("약 2시간<"), not(containsString("0분")))));
        given(room.status(5, 3, null))
                .willReturn(QueueTicket.waiting(3, "signed-ticket", 90_000, 7_500L, 30_000, 1, false, null, null));
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("about 2 h 5 min")));
    }

    @Test
    void a_fan_who_joins_a_paused_line_before_getting_a_place_is_told_it_is_paused() throws Exception {
        given(room.status(5, 3, null))
                .willReturn(QueueTicket.withoutPlace(3, "signed-ticket", null, 2_000, true, null, null));
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-testid=\"drawing\""),
                                containsString("The organiser has paused admission for a moment"))));
    }

    @Test
    void the_poll_returns_the_panel_and_moves_an_admitted_fan_on() throws Exception {
        given(room.poll(5, 3, "signed-ticket")).willReturn(waiting(7, 90));
        mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .with(user(FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "ko"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"waiting-panel\""),
                                containsString("약 4분"),
                                not(containsString("<html")))));

        given(room.poll(5, 3, "signed-ticket")).willReturn(admitted());
        mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .with(user(FAN))
                        .header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/concerts/3/performances?yourTurn"));
    }

    @Test
    void a_fan_in_the_pre_queue_sees_the_draw_coming_and_a_new_place_reaches_screen_readers_and_the_tab_title()
            throws Exception {
        var drawAt = Instant.now().plusSeconds(300);
        given(room.status(6, 3, null))
                .willReturn(QueueTicket.withoutPlace(
                        3, "signed-ticket", drawAt, 30_000, false, "00c0ffee00c0ffee", "Sales resume at 8 PM"));
        mvc.perform(get("/concerts/3/waiting-room").with(user(PRE_QUEUE_FAN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "You are in the pre-queue: at opening everyone here gets a random place."),
                                containsString("data-testid=\"draw-countdown\""),
                                containsString("00c0ffee00c0ffee"),
                                containsString("Sales resume at 8 PM"),
                                containsString("said=pre"),
                                not(containsString("data-testid=\"position\"")))));

        given(room.poll(6, 3, "signed-ticket")).willReturn(waiting(91, 10));
        mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .param("said", "pre")
                        .with(user(PRE_QUEUE_FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>(#91) Waiting room · Stagedoor</title>"),
                                containsString("hx-swap-oob=\"true\""),
                                containsString("Your place in line: 91."),
                                containsString("said=91"))));

        mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .param("said", "91")
                        .with(user(PRE_QUEUE_FAN))
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>(#91) Waiting room · Stagedoor</title>"),
                                not(containsString("queue-announcer")))));
    }

    /** A fan signed in through the login form, as the session keeps them. */
    static MockHttpSession signedIn() {
        var session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(
                        UsernamePasswordAuthenticationToken.authenticated(FAN, null, FAN.getAuthorities())));
        return session;
    }

    /**
     * Every waiting browser polls every few seconds: the answer is the panel alone, with the pages'
     * security headers, no cookie, nothing written to the session (no CSRF token to draw, for no
     * form is in it) and the Leave form still on the page, with its token.
     */
    @Test
    void the_poll_reads_the_session_and_writes_nothing_while_leaving_keeps_its_csrf_token() throws Exception {
        given(room.poll(5, 3, "signed-ticket")).willReturn(waiting(7, 90));
        var session = signedIn();
        var poll = mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .session(session)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"waiting-panel\""),
                                not(containsString("<form")),
                                not(containsString("_csrf")))))
                .andReturn();
        assertThat(Collections.list(session.getAttributeNames()))
                .containsExactly(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(poll.getRequest().getSession(false)).isSameAs(session);

        given(room.status(5, 3, null)).willReturn(waiting(7, 90));
        mvc.perform(get("/concerts/3/waiting-room").session(session))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-testid=\"leave\""),
                                containsString("action=\"/concerts/3/waiting-room/leave\""),
                                containsString("name=\"_csrf\""))));
        mvc.perform(post("/concerts/3/waiting-room/leave").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/concerts/3/waiting-room/leave").session(session).with(csrf()))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));
        verify(room).leave(5, 3);
    }

    @Test
    void a_signed_out_poll_reloads_the_page_and_starts_no_session() throws Exception {
        var poll = mvc.perform(get("/concerts/3/waiting-room/status")
                        .param("ticket", "signed-ticket")
                        .header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"))
                .andReturn();
        assertThat(poll.getRequest().getSession(false)).isNull();
        mvc.perform(get("/concerts/3/waiting-room/status").param("ticket", "signed-ticket"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void joining_leads_to_the_waiting_room_and_before_the_sales_says_when_they_open() throws Exception {
        given(room.join(5, 3)).willReturn(waiting(1, 0));
        mvc.perform(post("/concerts/3/waiting-room").with(user(FAN)).with(csrf()))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));

        given(room.join(5, 3)).willThrow(new DomainException(ErrorCode.SALES_NOT_OPEN));
        mvc.perform(post("/concerts/3/waiting-room").with(user(FAN)).with(csrf()))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));
    }

    @Test
    void an_admitted_fan_goes_straight_to_the_dates_and_a_leaver_may_join_again() throws Exception {
        given(room.status(5, 3, null)).willReturn(admitted());
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)))
                .andExpect(redirectedUrl("/concerts/3/performances"));

        mvc.perform(post("/concerts/3/waiting-room/leave").with(user(FAN)).with(csrf()))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));
        verify(room).leave(5, 3);
        given(room.status(5, 3, null)).willReturn(QueueTicket.expired(3, ExpireReason.TIMEOUT, 30_000, null));
        mvc.perform(get("/concerts/3/waiting-room").with(user(FAN)).header("Accept-Language", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your time to pick seats ran out."),
                                containsString("Join the waiting room"))));
    }
}
