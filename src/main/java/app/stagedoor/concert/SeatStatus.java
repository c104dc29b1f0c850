package app.stagedoor.concert;

import java.time.Instant;

/**
 * A seat's states: AVAILABLE → RESERVED (held) → BOOKED, RESERVED → AVAILABLE on release, and
 * BOOKED → AVAILABLE when its booking is refunded.
 */
public enum SeatStatus {
    AVAILABLE,
    RESERVED,
    BOOKED;

    /**
     * The one rule of a lapsed hold: its time is up at {@code heldUntil} itself. A seat whose hold
     * lapsed counts as free, and the reservation behind it as expired, before anything releases
     * them ({@code SeatStore.LAPSED} is the same rule in SQL).
     */
    public static boolean lapsed(Instant heldUntil, Instant now) {
        return !heldUntil.isAfter(now);
    }
}
