package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.MutableClock;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
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
        var page = new MockHttpServletRequest("GET", "/concerts/3/waiting-room");
        page.setCookies(new Cookie("JSESSIONID", cookie));
        page.setSession(new MockHttpSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(FAN, null, FAN.getAuthorities()));
        try {
            return passes.current();
        } finally {
            RequestContextHolder.resetRequestAttributes();
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
    void no_pass_is_drawn_without_a_session() {
        var passes = passes(Duration.ofHours(3));
        var page = new MockHttpServletRequest("GET", "/concerts/3/waiting-room");
        page.setCookies(new Cookie("JSESSIONID", "c2Vzc2lvbi1h"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(FAN, null, FAN.getAuthorities()));
        assertThat(passes.current()).isNull();
    }
}
