package app.stagedoor.concert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The terms on which a fan may pick and hold seats of a concert: admitted by its waiting room, for
 * a limited time, and how long a hold lasts. The waiting room implements it; the date picker, the
 * seat map and the holds ask it, so nothing gets past without an admission.
 */
public interface AdmissionGate {

    /** When the member's admission to this concert ends, if they are admitted right now. */
    Optional<Instant> admittedUntil(long memberId, long concertId);

    /**
     * @return the end of the member's admission
     * @throws NotAdmitted without an admission
     */
    default Instant requireAdmitted(long memberId, long concertId) {
        return admittedUntil(memberId, concertId).orElseThrow(() -> new NotAdmitted(concertId));
    }

    /** How long a hold on this concert's seats lasts before it is released unpaid. */
    Duration holdDuration(long concertId);

    /** When fans may first join the concert's line: its pre-queue's opening, or its on-sale time. */
    Instant joinOpensAt(long concertId);

    /** The way into the concert's sale, as it stands now. */
    default Door door(ConcertView concert, Instant now) {
        return new Door(joinOpensAt(concert.id()), concert.salesOpenAt(), now);
    }
}
