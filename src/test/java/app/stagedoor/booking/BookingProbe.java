package app.stagedoor.booking;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.util.Optional;
import org.springframework.context.ApplicationContext;

/**
 * What the two-instance tests do to an instance's bookings that has no endpoint of the JSON API:
 * one more sweep of lapsed holds, as its scheduler would run it, and an organiser's cancellation
 * of a date (a page of the organiser's, {@code /admin/performances/{id}/cancel}).
 */
public final class BookingProbe {

    private BookingProbe() {}

    /** @return how many lapsed holds this sweep released */
    public static int sweep(ApplicationContext instance) {
        return instance.getBean(HoldSweeper.class).sweep();
    }

    /** @return empty when this call cancelled the date, else the refusal's code */
    public static Optional<ErrorCode> cancelDate(ApplicationContext instance, long performanceId, String organiser) {
        try {
            instance.getBean(DateCancellations.class).cancel(performanceId, organiser);
            return Optional.empty();
        } catch (DomainException refused) {
            return Optional.of(refused.code());
        }
    }
}
