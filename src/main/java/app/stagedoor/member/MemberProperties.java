package app.stagedoor.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param admin the first organiser account, created on first start
 * @param login how failed logins are answered
 */
@ConfigurationProperties(prefix = "stagedoor.member", ignoreUnknownFields = false)
record MemberProperties(
        @DefaultValue Admin admin, @DefaultValue Login login) {

    /**
     * @param username the first admin's username
     * @param password its password; when empty a random one is generated and logged once
     */
    record Admin(@DefaultValue("admin") String username, String password) {}

    /**
     * @param maxFailures failed logins in a row after which the account locks
     * @param lockDuration how long the lock lasts; each further failure locks again
     */
    record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("5m") Duration lockDuration) {}
}
