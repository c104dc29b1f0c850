package app.stagedoor.web;

import app.stagedoor.shared.RateLimiter.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The rate limits ({@code stagedoor.web.rate-limits.*}), each written {@code <requests>/<period>}: {@code 10/1m} is a burst of ten, then
 * one every six seconds. Per fan counts a signed-in member; per address counts the client address
 * (see README, "Behind a proxy").
 *
 * @param enabled off: nothing is limited but wrong passwords ({@code login-failures})
 * @param login sign-in attempts (form and token endpoint) per address, right or wrong
 * @param loginFailures wrong passwords per username and address; then that address waits, the
 *     account stays open to everyone else
 * @param signUp new accounts per address
 * @param joinPerFan joining or leaving a waiting room, per fan
 * @param joinPerAddress the same, per address
 * @param holdPerFan seat holds, per fan
 * @param holdPerAddress seat holds, per address
 * @param cancelPerFan cancelled holds, per fan
 * @param cancelPerAddress cancelled holds, per address
 * @param payPerFan payments, per fan
 * @param payPerAddress payments, per address
 * @param pollLeeway how much sooner than the last answer told a fan may poll a waiting room again
 *     (for the browser's timers and the clocks), with {@code pollLeewayFraction} of the interval on
 *     top; never more than half the interval
 * @param pollLeewayFraction the share of the told interval added to {@code pollLeeway}
 */
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30/1m") String login,
        @DefaultValue("5/5m") String loginFailures,
        @DefaultValue("10/10m") String signUp,
        @DefaultValue("20/1m") String joinPerFan,
        @DefaultValue("600/1m") String joinPerAddress,
        @DefaultValue("30/1m") String holdPerFan,
        @DefaultValue("600/1m") String holdPerAddress,
        @DefaultValue("20/1m") String cancelPerFan,
        @DefaultValue("600/1m") String cancelPerAddress,
        @DefaultValue("10/1m") String payPerFan,
        @DefaultValue("300/1m") String payPerAddress,
        @DefaultValue("500ms") Duration pollLeeway,
        @DefaultValue("0.1") double pollLeewayFraction) {

    RateLimitProperties {
        for (var limit : new String[] {
            login,
            loginFailures,
            signUp,
            joinPerFan,
            joinPerAddress,
            holdPerFan,
            holdPerAddress,
            cancelPerFan,
            cancelPerAddress,
            payPerFan,
            payPerAddress
        }) {
            limit(limit);
        }
        if (pollLeeway.isNegative()) {
            throw new IllegalArgumentException("stagedoor.web.rate-limits.poll-leeway must not be negative");
        }
        if (!(pollLeewayFraction >= 0 && pollLeewayFraction <= 0.5)) {
            throw new IllegalArgumentException(
                    "stagedoor.web.rate-limits.poll-leeway-fraction must be within 0 to 0.5");
        }
    }

    /** {@code 10/1m} → ten per minute. */
    static Limit limit(String written) {
        var parts = written.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a rate limit is written <requests>/<period>, e.g. 10/1m: " + written);
        }
        Duration per = DurationStyle.detectAndParse(parts[1].trim());
        return new Limit(Long.parseLong(parts[0].trim()), per);
    }
}
