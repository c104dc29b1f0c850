package app.stagedoor.queue;

import app.stagedoor.booking.ReservationConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A paid reservation uses the fan's admission up (ACTIVE → EXPIRE), in the paying transaction:
 * both happen or neither does, and the fan's very next request finds the admission gone. (It used
 * to be delivered after the commit through Modulith's event publication log: three more writes and
 * a second transaction for every payment, for a change that can as well commit with the payment.)
 */
@Component
class AdmissionUsedUp {

    private final WaitingRoom waitingRoom;

    AdmissionUsedUp(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    @EventListener
    void on(ReservationConfirmed paid) {
        waitingRoom.expireAfterPayment(paid.memberId(), paid.concertId());
    }
}
