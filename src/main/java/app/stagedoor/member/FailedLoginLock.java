package app.stagedoor.member;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a few minutes after repeated wrong passwords, so guessing is impractical;
 * the count lives in the database, so every instance sees the same lock. Other accounts are not
 * affected. Spring Security refuses a locked account before it checks the password.
 */
@Component
class FailedLoginLock {

    private final MemberRepository repository;
    private final MemberProperties.Login settings;
    private final Clock clock;

    FailedLoginLock(MemberRepository repository, MemberProperties properties, Clock clock) {
        this.repository = repository;
        this.settings = properties.login();
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (Username.isValid(event.getAuthentication().getName())) {
            repository.recordFailedLogin(
                    new Username(event.getAuthentication().getName()).value(),
                    settings.maxFailures(),
                    clock.instant().plus(settings.lockDuration()));
        }
    }

    /** A right password clears the count; a bearer token proves no password and changes nothing. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && !(authentication.getCredentials() instanceof AbstractOAuth2Token)
                && authentication.getPrincipal() instanceof MemberPrincipal member) {
            repository.resetFailedLogins(member.getUsername());
        }
    }
}
