package app.stagedoor.member;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param admin the first organiser account, created on first start
 */
@ConfigurationProperties(prefix = "stagedoor.member", ignoreUnknownFields = false)
record MemberProperties(@DefaultValue Admin admin) {

    /**
     * @param username the first admin's username
     * @param password its password; when empty a random one is generated and logged once
     */
    record Admin(@DefaultValue("admin") String username, String password) {}
}
