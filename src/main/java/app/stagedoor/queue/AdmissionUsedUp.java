package app.stagedoor.queue;

import app.stagedoor.booking.ReservationConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paid reservation uses the fan's admission up (ACTIVE → EXPIRE). Delivered after the payment
 * commits, from Modulith's event publication log, so it happens even if the application stops in
 * between: outstanding events are published again on restart.
 */
@Component
class AdmissionUsedUp {

    private final WaitingRoom waitingRoom;

    AdmissionUsedUp(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    @ApplicationModuleListener
    void on(ReservationConfirmed paid) {
        waitingRoom.expireAfterPayment(paid.memberId(), paid.concertId());
    }
}
