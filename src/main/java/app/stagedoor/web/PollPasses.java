package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SignedTokens;
import app.stagedoor.shared.SigningKeys;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passes of the waiting room's browser poll: a signed note, drawn into the panel's poll address by
 * a page the session signed in, that says "the browser whose session cookie hashes to this is
 * member 5". A poll with a valid pass and that cookie is the fan's without reading the session:
 * browser sessions live in the database (Spring Session JDBC), where reading one is a select and an
 * update of its last access, and every waiting browser polls every few seconds. A poll without
 * one, or with a pass that is forged, another browser's, or older than {@link #lifetime}, goes
 * through the session as any page does and answers exactly as before; that answer carries a new
 * pass. So the session of a fan who only polls is still read, and kept alive, once per lifetime
 * (at most an hour, at most half the session's timeout), and a signed-out browser, whose cookie is
 * gone, is signed out for the poll at once.
 *
 * <p>A pass may also be drawn for one address and until a moment ({@link #current(String,
 * Instant)}): the seat map's refresh, which every admitted fan's open map sends every few seconds,
 * carries one bound to that map's refresh and ending with the admission the page found, so a
 * refresh it signs in is admitted without asking the session or the waiting room ({@link
 * #opened}). Past that moment it is refused like an old pass, and the refresh goes through the
 * session, which asks the waiting room again, exactly when the session's own note of the admission
 * would have.
 *
 * <p>A pass opens nothing but these: every other page and form reads the session.
 */
@Component("pollPasses")
public class PollPasses {

    /** The poll address's parameter. */
    static final String PARAMETER = "pass";

    private static final String ACCEPTED = PollPasses.class.getName() + ".accepted";
    private static final String OPENED = PollPasses.class.getName() + ".opened";
    private static final String TYPE = "poll-pass";

    private final SignedTokens tokens;
    private final String cookieName;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    PollPasses(
            SigningKeys keys,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String cookieName,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout,
            Clock clock) {
        this(keys.tokens(TYPE, null, 100_000, Duration.ofMinutes(10)), cookieName, sessionTimeout, clock);
    }

    PollPasses(SignedTokens tokens, String cookieName, Duration sessionTimeout, Clock clock) {
        this.tokens = tokens;
        this.cookieName = cookieName;
        var half = sessionTimeout.dividedBy(2);
        this.lifetime = half.compareTo(Duration.ofHours(1)) < 0 ? half : Duration.ofHours(1);
        this.clock = clock;
    }

    /**
     * The pass for the poll address this request draws: the one it came with, if it was accepted;
     * a new one for a fan the session signed in; null for anyone else (an API caller, a test's
     * made-up fan), whose polls then go through the session.
     */
    public String current() {
        return draw(null, null);
    }

    private String draw(String path, Instant until) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        var request = attributes.getRequest();
        if (request.getAttribute(ACCEPTED) instanceof String accepted && (path != null) == opened(request)) {
            return accepted; // the request's own pass, still good: the next request may use it as well
        }
        var cookie = sessionCookie(request);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (cookie == null
                || request.getSession(false) == null
                || !(authentication != null && authentication.getPrincipal() instanceof MemberPrincipal me)
                || authentication instanceof ApiTokens.Bearer) {
            return null;
        }
        var claims = new JWTClaimsSet.Builder()
                .claim("typ", TYPE)
                .subject(me.getUsername())
                .claim("mid", me.id())
                .claim("role", me.role().name())
                .claim("sid", hash(cookie))
                .issueTime(Date.from(clock.instant()));
        if (path != null) {
            claims.claim("path", path).claim("until", until.toEpochMilli()); // exp would round to seconds
        }
        return tokens.sign(claims.build());
    }

    /**
     * A pass that opens only the address {@code path} (as the request names it, with the context
     * path), and only before {@code until} as well as within its lifetime; null for whoever {@link
     * #current()} draws none for. A request for that address it signs in is {@link #opened}.
     */
    public String current(String path, Instant until) {
        return draw(Objects.requireNonNull(path), Objects.requireNonNull(until));
    }

    /**
     * Whether this request was signed in by a pass drawn for its very address ({@link #current(String,
     * Instant)}), which therefore still holds: what the page that drew it found (an admission until
     * the pass's end) is still true.
     */
    public static boolean opened(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(OPENED));
    }

    /** The fan a poll's pass names, if the pass is ours, young enough and this browser's. */
    Optional<Pass> authenticate(HttpServletRequest request) {
        var pass = request.getParameter(PARAMETER);
        var cookie = sessionCookie(request);
        if (pass == null || cookie == null) {
            return Optional.empty();
        }
        return tokens.verify(pass).flatMap(claims -> {
            try {
                var issued = claims.getIssueTime();
                var path = claims.getStringClaim("path");
                var until = claims.getLongClaim("until");
                var now = clock.instant();
                if (!TYPE.equals(claims.getStringClaim("typ"))
                        || issued == null
                        || !MessageDigest.isEqual(
                                hash(cookie).getBytes(StandardCharsets.US_ASCII),
                                String.valueOf(claims.getStringClaim("sid")).getBytes(StandardCharsets.US_ASCII))
                        || !now.isBefore(issued.toInstant().plus(lifetime))
                        // a pass drawn for an address opens that address only, and only until its end
                        || (path != null
                                && (!path.equals(request.getRequestURI())
                                        || until == null
                                        || !now.isBefore(Instant.ofEpochMilli(until))))) {
                    return Optional.empty();
                }
                var member = new MemberPrincipal(
                        claims.getLongClaim("mid"), claims.getSubject(), Role.valueOf(claims.getStringClaim("role")));
                return Optional.of(new Pass(member, pass, path != null));
            } catch (ParseException | RuntimeException notAPass) {
                return Optional.empty();
            }
        });
    }

    /** The filter of the poll's chain: a valid pass signs the poll in, and the session is never asked. */
    OncePerRequestFilter filter() {
        return filter(false);
    }

    /**
     * The filter of a chain whose requests only a pass drawn for their address may sign in (the seat
     * map's refresh): any other pass goes through the session.
     */
    OncePerRequestFilter addressFilter() {
        return filter(true);
    }

    private OncePerRequestFilter filter(boolean forAddressOnly) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var pass = authenticate(request).filter(signedIn -> signedIn.forAddress == forAddressOnly);
                if (pass.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                request.setAttribute(ACCEPTED, pass.get().token);
                if (pass.get().forAddress) {
                    request.setAttribute(OPENED, Boolean.TRUE);
                }
                var strategy = SecurityContextHolder.getContextHolderStrategy();
                var context = strategy.createEmptyContext();
                context.setAuthentication(pass.get());
                // replaces the context the session would have given, before anyone asked for it
                strategy.setContext(context);
                chain.doFilter(new WithoutSession(request), response);
            }
        };
    }

    /**
     * A poll signed in by its pass, to everything after the filter: without a session, so that
     * nothing looks it up (the dispatcher's flash messages would on every request). Nothing on the
     * poll creates one (the chain's policy is NEVER); if something did, it would get the real one.
     */
    private static final class WithoutSession extends HttpServletRequestWrapper {

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return create ? super.getSession(true) : null;
        }

        @Override
        public HttpSession getSession() {
            return super.getSession(true);
        }
    }

    /** The session cookie's value as the browser sent it; its id is never looked up. */
    private String sessionCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String found = null;
        for (var cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                if (found != null) {
                    return null; // two session cookies: let the session decide which is the fan's
                }
                found = cookie.getValue();
            }
        }
        return found;
    }

    private static String hash(String cookie) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A poll signed in by its pass: the fan, for this request only. */
    static final class Pass extends AbstractAuthenticationToken {

        private final MemberPrincipal member;
        private final transient String token;
        private final boolean forAddress;

        private Pass(MemberPrincipal member, String token, boolean forAddress) {
            super(member.getAuthorities());
            this.member = member;
            this.token = token;
            this.forAddress = forAddress;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return member;
        }
    }
}
