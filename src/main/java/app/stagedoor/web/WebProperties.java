package app.stagedoor.web;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret base64 HMAC key (at least 32 bytes) for API bearer tokens; when empty one is
 *     generated on first start and kept in the database, so all instances share it
 * @param tokenLifetime how long an API bearer token is valid: long enough for a fan who signs in
 *     well before an on-sale to stay signed in through the pre-queue and the sale
 * @param timeZone the zone in which times that belong to no venue (a wallet's history) are shown
 * @param rateLimits the limits on what a flood could abuse ({@code stagedoor.web.rate-limits.*})
 */
@ConfigurationProperties(prefix = "stagedoor.web", ignoreUnknownFields = false)
record WebProperties(
        String jwtSecret,
        @DefaultValue("3h") Duration tokenLifetime,
        @DefaultValue("Asia/Seoul") ZoneId timeZone,
        @DefaultValue RateLimitProperties rateLimits) {}
