package app.stagedoor.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a fan stays signed in, for pages that tell fans to sign in well before an on-sale
 * ({@code ${@signIn.hours()}}): signing in costs a password hash, so ten thousand fans signing in
 * at the on-sale minute would wait. It is the browser session's idle timeout ({@code
 * server.servlet.session.timeout}, 3 hours in application.yml).
 */
@Component("signIn")
public class SignIn {

    private final long hours;

    SignIn(@Value("${server.servlet.session.timeout:3h}") Duration timeout) {
        this.hours = Math.max(1, timeout.toHours());
    }

    public long hours() {
        return hours;
    }
}
