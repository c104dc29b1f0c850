package app.stagedoor.member;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
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

    /**
     * A right password clears the count, if there was one: the common sign-in and every bearer-token
     * call (whose member is not loaded from the database) cost no write.
     */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MemberPrincipal member && member.hadFailedLogins()) {
            repository.resetFailedLogins(member.getUsername());
        }
    }
}
