package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.PollPace;
import app.stagedoor.shared.RateLimiter;
import app.stagedoor.shared.RateLimiter.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The rate limits of what a flood could abuse, per fan and per client address, as token buckets in
 * the database ({@link RateLimiter}), so they hold across instances. Waiting-room polls are held
 * to the pace each answer told the fan ({@link PollPace}): a poll sooner than the last answer's
 * {@code pollAfterMillis}, less {@code poll-leeway} and {@code poll-leeway-fraction} of it, is
 * refused, so a fan who waits as told is never refused and a burst of polls gets one answer. The
 * pace is kept on each instance (a poll touches no database); the balancer sends each fan's polls
 * to one instance (README, Behind any load balancer), which makes it one pace. A refusal is 429 with
 * {@code Retry-After}: a problem detail with code {@code RATE_LIMITED} for the API, the error
 * page's calm message for pages.
 */
@Component
class RateLimits implements HandlerInterceptor, WebMvcConfigurer {

    enum Action {
        SIGN_UP,
        JOIN,
        HOLD,
        CANCEL,
        PAY,
        POLL
    }

    record Rule(HttpMethod method, PathPattern path, Action action) {

        boolean matches(HttpServletRequest request) {
            return method.matches(request.getMethod())
                    && path.matches(PathContainer.parsePath(request.getRequestURI()));
        }

        /** The {@code concertId} of the path, when the path names one and it is a number. */
        Optional<Long> concertId(HttpServletRequest request) {
            var matched = path.matchAndExtract(PathContainer.parsePath(request.getRequestURI()));
            var id = matched == null ? null : matched.getUriVariables().get("concertId");
            try {
                return id == null ? Optional.empty() : Optional.of(Long.parseLong(id));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    private static final PathPatternParser PATHS = PathPatternParser.defaultInstance;

    private static Rule rule(HttpMethod method, String path, Action action) {
        return new Rule(method, PATHS.parse(path), action);
    }

    static final List<Rule> RULES = List.of(
            rule(HttpMethod.POST, "/api/v1/members", Action.SIGN_UP),
            rule(HttpMethod.POST, "/signup", Action.SIGN_UP),
            rule(HttpMethod.POST, "/api/v1/concerts/{concertId}/queue", Action.JOIN),
            rule(HttpMethod.DELETE, "/api/v1/concerts/{concertId}/queue", Action.JOIN),
            rule(HttpMethod.POST, "/concerts/{concertId}/waiting-room", Action.JOIN),
            rule(HttpMethod.POST, "/concerts/{concertId}/waiting-room/leave", Action.JOIN),
            rule(HttpMethod.GET, "/api/v1/concerts/{concertId}/queue", Action.POLL),
            rule(HttpMethod.GET, "/concerts/{concertId}/waiting-room/status", Action.POLL),
            rule(HttpMethod.POST, "/api/v1/performances/{performanceId}/holds", Action.HOLD),
            rule(HttpMethod.POST, "/performances/{performanceId}/holds", Action.HOLD),
            rule(HttpMethod.DELETE, "/api/v1/reservations/{reservationId}", Action.CANCEL),
            rule(HttpMethod.POST, "/reservations/{reservationId}/cancel", Action.CANCEL),
            rule(HttpMethod.POST, "/api/v1/reservations/{reservationId}/payment", Action.PAY),
            rule(HttpMethod.POST, "/reservations/{reservationId}/payment", Action.PAY));

    private final RateLimiter limiter;
    private final RateLimitProperties settings;
    private final Problems problems;
    private final PollPace pace;
    private final MeterProvider<Counter> refusals;

    RateLimits(RateLimiter limiter, PollPace pace, WebProperties web, Problems problems, MeterRegistry registry) {
        this.refusals = Counter.builder("stagedoor.rate.limited")
                .description("Requests refused with 429 RATE_LIMITED, by the limit they ran into")
                .withRegistry(registry);
        this.limiter = limiter;
        this.settings = web.rateLimits();
        this.problems = problems;
        this.pace = pace;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!settings.enabled()) {
            return true;
        }
        for (var rule : RULES) {
            if (rule.matches(request)) {
                var wait = check(rule, request);
                if (wait.isPresent()) {
                    refuse(rule.action().name(), request, response, wait.get());
                    return false;
                }
                return true;
            }
        }
        return true;
    }

    private Optional<Duration> check(Rule rule, HttpServletRequest request) {
        var address = request.getRemoteAddr();
        var fan = fan();
        return switch (rule.action()) {
            case SIGN_UP -> limiter.take("sign-up@" + address, limit(settings.signUp()));
            case POLL -> fan == null ? Optional.empty() : poll(fan, rule.concertId(request));
            case JOIN -> both("join", fan, address, settings.joinPerFan(), settings.joinPerAddress());
            case HOLD -> both("hold", fan, address, settings.holdPerFan(), settings.holdPerAddress());
            case CANCEL -> both("cancel", fan, address, settings.cancelPerFan(), settings.cancelPerAddress());
            case PAY -> both("pay", fan, address, settings.payPerFan(), settings.payPerAddress());
        };
    }

    private Optional<Duration> both(String name, Long fan, String address, String perFan, String perAddress) {
        var wait = limiter.take(name + "@" + address, limit(perAddress));
        if (wait.isPresent() || fan == null) {
            return wait;
        }
        return limiter.take(name + "#" + fan, limit(perFan));
    }

    // a concert id that is not a number is the controller's to refuse (400)
    private Optional<Duration> poll(long fan, Optional<Long> concertId) {
        return concertId.flatMap(
                concert -> pace.admit(fan, concert, settings.pollLeeway(), settings.pollLeewayFraction()));
    }

    private static Long fan() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
                ? member.id()
                : null;
    }

    private static Limit limit(String written) {
        return RateLimitProperties.limit(written);
    }

    /** Counts a request refused by the named limit ({@code stagedoor_rate_limited_total{limit}}). */
    void refused(String limit) {
        refusals.withTags("limit", limit.toLowerCase(java.util.Locale.ROOT)).increment();
    }

    /**
     * Counts the refusal and answers 429 with the seconds to wait: a problem detail for the API, the
     * error page for pages.
     */
    void refuse(String limit, HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        refused(limit);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, ErrorCode.RATE_LIMITED);
        } else {
            response.sendError(ErrorCode.RATE_LIMITED.status().value());
        }
    }
}
