package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.MutableClock;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A pass is good for the browser whose session cookie it was drawn for, and only for a while. */
class PollPassesTest {

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    PollPasses passes(Duration sessionTimeout) {
        return new PollPasses(
                new SigningKeys(null).tokens("poll-pass", WebSliceConfiguration.TEST_KEY, 100, Duration.ofMinutes(1)),
                "JSESSIONID",
                sessionTimeout,
                clock);
    }

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    /** The pass a page drawn for the signed-in fan with this session cookie carries. */
    static String drawnFor(PollPasses passes, String cookie) {
        return onPageOf(cookie, "/concerts/3/waiting-room", passes::current);
    }

    /** The pass a page drawn for the signed-in fan carries for one address, until a moment. */
    static String drawnFor(PollPasses passes, String cookie, String path, Instant until) {
        return onPageOf(cookie, "/performances/8/seats", () -> passes.current(path, until));
    }

    /** What {@code draw} gives while a page of the signed-in fan with this cookie renders. */
    private static String onPageOf(String cookie, String pagePath, java.util.function.Supplier<String> draw) {
        var page = new MockHttpServletRequest("GET", pagePath);
        page.setCookies(new Cookie("JSESSIONID", cookie));
        page.setSession(new MockHttpSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(FAN, null, FAN.getAuthorities()));
        try {
            return draw.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }
    }

    static MockHttpServletRequest at(String path, String pass, Cookie... cookies) {
        var request = poll(pass, cookies);
        request.setRequestURI(path);
        return request;
    }

    /** What the filter handed on: whether the request was opened by its pass, and whom it signed in. */
    record Passed(boolean opened, Object principal, HttpServletRequest request) {}

    static Passed through(jakarta.servlet.Filter filter, MockHttpServletRequest request) throws Exception {
        var chain = new MockFilterChain();
        try {
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            var passed = (HttpServletRequest) chain.getRequest();
            return new Passed(
                    PollPasses.opened(passed), authentication == null ? null : authentication.getPrincipal(), passed);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static MockHttpServletRequest poll(String pass, Cookie... cookies) {
        var poll = new MockHttpServletRequest("GET", "/concerts/3/waiting-room/status");
        poll.setParameter(PollPasses.PARAMETER, pass);
        if (cookies.length > 0) {
            poll.setCookies(cookies);
        }
        return poll;
    }

    @Test
    void the_pass_signs_in_the_fan_only_with_the_cookie_it_was_drawn_for() {
        var passes = passes(Duration.ofHours(3));
        var pass = drawnFor(passes, "c2Vzc2lvbi1h");
        assertThat(pass).isNotBlank();

        var fan = passes.authenticate(poll(pass, new Cookie("JSESSIONID", "c2Vzc2lvbi1h")));
        assertThat(fan)
                .hasValueSatisfying(signedIn -> assertThat(signedIn.getPrincipal())
                        .isInstanceOfSatisfying(
                                MemberPrincipal.class, me -> assertThat(me.id()).isEqualTo(5))
                        .isNotNull());
        assertThat(passes.authenticate(poll(pass, new Cookie("JSESSIONID", "b3RoZXI="))))
                .as("another browser's cookie")
                .isEmpty();
        assertThat(passes.authenticate(poll(pass))).as("no cookie (signed out)").isEmpty();
        assertThat(passes.authenticate(
                        poll(pass.substring(0, pass.length() - 2) + "xx", new Cookie("JSESSIONID", "c2Vzc2lvbi1h"))))
                .as("a forged pass")
                .isEmpty();
        assertThat(passes.authenticate(
                        poll(pass, new Cookie("JSESSIONID", "c2Vzc2lvbi1h"), new Cookie("JSESSIONID", "b3RoZXI="))))
                .as("two session cookies: the session decides")
                .isEmpty();
    }

    @Test
    void a_pass_lasts_an_hour_or_half_the_session_timeout_then_the_poll_goes_through_the_session() {
        var passes = passes(Duration.ofHours(3));
        var pass = drawnFor(passes, "c2Vzc2lvbi1h");
        clock.advance(Duration.ofMinutes(59));
        assertThat(passes.authenticate(poll(pass, new Cookie("JSESSIONID", "c2Vzc2lvbi1h"))))
                .isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(passes.authenticate(poll(pass, new Cookie("JSESSIONID", "c2Vzc2lvbi1h"))))
                .isEmpty();

        var shortSession = passes(Duration.ofMinutes(20));
        var soon = drawnFor(shortSession, "c2Vzc2lvbi1h");
        clock.advance(Duration.ofMinutes(10));
        assertThat(shortSession.authenticate(poll(soon, new Cookie("JSESSIONID", "c2Vzc2lvbi1h"))))
                .as("a session of 20 minutes is read at least every 10, so polling keeps it alive")
                .isEmpty();
    }

    @Test
    void a_pass_drawn_for_an_address_opens_that_address_only_and_only_until_its_end() {
        var passes = passes(Duration.ofHours(3));
        var cookie = new Cookie("JSESSIONID", "c2Vzc2lvbi1h");
        var until = clock.instant().plus(Duration.ofMinutes(10));
        var pass = drawnFor(passes, "c2Vzc2lvbi1h", "/performances/8/seats/map", until);

        assertThat(passes.authenticate(at("/performances/8/seats/map", pass, cookie)))
                .hasValueSatisfying(
                        signedIn -> assertThat(signedIn.getPrincipal()).isEqualTo(FAN));
        assertThat(passes.authenticate(at("/performances/9/seats/map", pass, cookie)))
                .as("another date's refresh")
                .isEmpty();
        assertThat(passes.authenticate(poll(pass, cookie)))
                .as("the waiting room's poll")
                .isEmpty();
        assertThat(passes.authenticate(at("/performances/8/seats/map", pass, new Cookie("JSESSIONID", "b3RoZXI="))))
                .as("another browser's cookie")
                .isEmpty();

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(passes.authenticate(at("/performances/8/seats/map", pass, cookie)))
                .isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(passes.authenticate(at("/performances/8/seats/map", pass, cookie)))
                .as("at its end, to the millisecond")
                .isEmpty();

        var longer = drawnFor(
                passes,
                "c2Vzc2lvbi1h",
                "/performances/8/seats/map",
                clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofHours(1));
        assertThat(passes.authenticate(at("/performances/8/seats/map", longer, cookie)))
                .as("an end past the pass's lifetime does not extend it: the session is read once an hour")
                .isEmpty();
    }

    @Test
    void the_address_chain_opens_only_with_a_pass_for_its_address_and_the_poll_chain_only_with_a_polls()
            throws Exception {
        var passes = passes(Duration.ofHours(3));
        var cookie = new Cookie("JSESSIONID", "c2Vzc2lvbi1h");
        var forTheMap = drawnFor(
                passes,
                "c2Vzc2lvbi1h",
                "/performances/8/seats/map",
                clock.instant().plus(Duration.ofMinutes(10)));
        var forThePoll = drawnFor(passes, "c2Vzc2lvbi1h");

        var opened = through(passes.addressFilter(), at("/performances/8/seats/map", forTheMap, cookie));
        assertThat(opened.opened()).isTrue();
        assertThat(opened.principal()).isEqualTo(FAN);
        assertThat(opened.request().getSession(false))
                .as("nothing looks the session up")
                .isNull();

        var pollsPass = through(passes.addressFilter(), at("/performances/8/seats/map", forThePoll, cookie));
        assertThat(pollsPass.opened()).as("a poll's pass does not open the map").isFalse();
        assertThat(pollsPass.principal()).as("the session decides").isNull();

        var mapsPass = through(passes.filter(), poll(forTheMap, cookie));
        assertThat(mapsPass.principal())
                .as("a map's pass does not sign a poll in")
                .isNull();
        var poll = through(passes.filter(), poll(forThePoll, cookie));
        assertThat(poll.principal()).isEqualTo(FAN);
        assertThat(poll.opened()).as("a poll's pass vouches for the fan only").isFalse();
    }

    @Test
    void no_pass_is_drawn_without_a_session() {
        var passes = passes(Duration.ofHours(3));
        var page = new MockHttpServletRequest("GET", "/concerts/3/waiting-room");
        page.setCookies(new Cookie("JSESSIONID", "c2Vzc2lvbi1h"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(FAN, null, FAN.getAuthorities()));
        assertThat(passes.current()).isNull();
        assertThat(passes.current("/performances/8/seats/map", clock.instant().plusSeconds(60)))
                .isNull();
    }
}
