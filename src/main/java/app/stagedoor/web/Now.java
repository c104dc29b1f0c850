package app.stagedoor.web;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows the time from the application's clock ({@code ${now}}), the same the services use. */
@ControllerAdvice(annotations = Controller.class)
class Now {

    private final Clock clock;

    Now(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("now")
    Instant now() {
        return clock.instant();
    }
}
